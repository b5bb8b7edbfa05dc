/**
 * What the Instagram emulator holds: accounts, containers and published media, with the container life cycle of
 * developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container (IN_PROGRESS, FINISHED,
 * ERROR, EXPIRED after 24 hours unpublished, PUBLISHED) and the rolling publishing quota of
 * .../reference/ig-user/content_publishing_limit (quota_usage, config.quota_total, config.quota_duration).
 */
import { randomBytes } from 'node:crypto';
import type { EmulatedAccount } from '../kit/platform-emulator';
import type { EmulatorClock } from '../kit/emulator-clock';
import type { GraphErrorSpec } from './instagram-graph-errors';
import type { FetchedInfo, MediaVerdict } from './instagram-media-check';

export type ContainerKind = 'IMAGE' | 'REELS' | 'VIDEO' | 'CAROUSEL';
export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface IgContainerRecord {
  id: string;
  accountId: string;
  kind: ContainerKind;
  carouselItem: boolean;
  caption: string;
  children: string[];
  createdAt: number;
  /** polls left that answer IN_PROGRESS (videos) */
  pollsLeft: number;
  status: Exclude<ContainerStatus, 'EXPIRED'>;
  error?: GraphErrorSpec;
  /** the download of a video, settled while the container reports IN_PROGRESS */
  pending?: Promise<MediaVerdict>;
  media: FetchedInfo[];
  mediaId?: string;
}

export interface IgMediaRecord {
  id: string;
  accountId: string;
  caption: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  productType: 'FEED' | 'REELS';
  timestamp: number;
  shortcode: string;
  containerId: string;
  media: FetchedInfo[];
}

/**
 * Another Instagram user's media that @mentions an account in its caption, or carries a comment that does: what the
 * `mentions` webhook names by id and mentioned_media / mentioned_comment show to the account mentioned.
 */
export interface IgMentionRecord {
  /** the account mentioned */
  accountId: string;
  mediaId: string;
  /** the comment that mentions the account; absent for a mention in the caption */
  commentId?: string;
  /** who wrote the caption or the comment */
  username: string;
  /** the caption or the comment */
  text: string;
  timestamp: number;
}

/** Containers expire 24 hours after creation when unpublished. */
export const CONTAINER_TTL_MS = 24 * 3600 * 1000;

export class InstagramWorld {
  readonly accounts: EmulatedAccount[] = [
    { id: '17841400000000101', handle: 'raize_brand_one', displayName: 'Raize Brand One' },
    { id: '17841400000000202', handle: 'raize_brand_two', displayName: 'Raize Brand Two' },
  ];
  readonly containers = new Map<string, IgContainerRecord>();
  readonly media = new Map<string, IgMediaRecord>();
  /** by comment id (a mention in a comment) or media id (a mention in a caption) */
  readonly mentions = new Map<string, IgMentionRecord>();
  /** the API-published posts' times per account: the publishing quota counts them */
  private readonly published = new Map<string, number[]>();
  // From the clock, like the real ids: an emulator restarted next to a kept database never hands out an old id.
  private seq = BigInt(Date.now()) * 1000n;

  quotaTotal = 100;
  quotaDurationSeconds = 86400;
  videoProcessingPolls = 2;
  downloadTimeoutMs = 10_000;
  /** the next media_publish calls that are applied and then never answered */
  hangAfterPublish = 0;
  readonly blocked = new Set<string>();

  constructor(private readonly clock: EmulatorClock) {}

  /** Graph ids: numeric strings past 2^53, as the real ones are. */
  nextId(): string {
    this.seq += 1n;
    return String(17900000000000000n + this.seq);
  }

  account(id: string): EmulatedAccount | undefined {
    return this.accounts.find((a) => a.id === id);
  }

  /** The container's status now: unpublished containers expire, videos finish after their polls. */
  async statusOf(c: IgContainerRecord, poll: boolean): Promise<ContainerStatus> {
    if (c.status !== 'PUBLISHED' && this.clock.now() - c.createdAt > CONTAINER_TTL_MS) return 'EXPIRED';
    if (c.status !== 'IN_PROGRESS') return c.status;
    if (c.pollsLeft > 0) {
      if (poll) c.pollsLeft -= 1;
      return 'IN_PROGRESS';
    }
    const verdict = await c.pending;
    c.pending = undefined;
    if (verdict?.ok) {
      c.media = [verdict.media];
      c.status = 'FINISHED';
    } else {
      c.error = verdict?.error;
      c.status = 'ERROR';
    }
    return c.status;
  }

  usage(accountId: string): number {
    const since = this.clock.now() - this.quotaDurationSeconds * 1000;
    const times = (this.published.get(accountId) ?? []).filter((t) => t > since);
    this.published.set(accountId, times);
    return times.length;
  }

  publish(c: IgContainerRecord): IgMediaRecord {
    const m: IgMediaRecord = {
      id: this.nextId(),
      accountId: c.accountId,
      caption: c.caption,
      mediaType: c.kind === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : c.kind === 'IMAGE' ? 'IMAGE' : 'VIDEO',
      productType: c.kind === 'REELS' ? 'REELS' : 'FEED',
      timestamp: this.clock.now(),
      shortcode: randomBytes(8).toString('base64url'),
      containerId: c.id,
      media: c.media,
    };
    this.media.set(m.id, m);
    c.status = 'PUBLISHED';
    c.mediaId = m.id;
    this.published.set(c.accountId, [...(this.published.get(c.accountId) ?? []), m.timestamp]);
    return m;
  }

  /** Someone @mentions the account: in a new comment on their media, or in the caption of new media of theirs. */
  mention(p: { accountId: string; username: string; text: string; inComment: boolean }): IgMentionRecord {
    const mediaId = this.nextId();
    const m: IgMentionRecord = {
      accountId: p.accountId,
      mediaId,
      ...(p.inComment ? { commentId: this.nextId() } : {}),
      username: p.username,
      text: p.text,
      timestamp: this.clock.now(),
    };
    this.mentions.set(m.commentId ?? mediaId, m);
    return m;
  }

  /** The mention as the mentioned account may read it: a comment by comment id, a caption by media id. */
  mentionOf(accountId: string, id: string, inComment: boolean): IgMentionRecord | undefined {
    const m = this.mentions.get(id);
    return m && m.accountId === accountId && (m.commentId !== undefined) === inComment ? m : undefined;
  }

  /** The account's media, newest first, as the media edge lists it. */
  mediaOf(accountId: string): IgMediaRecord[] {
    return [...this.media.values()]
      .filter((m) => m.accountId === accountId)
      .sort((a, b) => b.timestamp - a.timestamp || (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  }
}
