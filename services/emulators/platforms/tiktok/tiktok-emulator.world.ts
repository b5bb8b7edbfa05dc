import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { EmulatedPost } from '../kit/platform-emulator';
import type { EmulatorClock } from '../kit/emulator-clock';

/** The emulated TikTok's state: creators, publishes in flight, posts, drafts, per-token rate windows and knobs. */

export const PRIVACY_LEVELS = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];

export type PublishStatus =
  'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'SEND_TO_USER_INBOX' | 'PUBLISH_COMPLETE' | 'FAILED';

export interface Creator {
  openId: string;
  unionId: string;
  username: string;
  nickname: string;
  /** a private account offers FOLLOWER_OF_CREATOR instead of PUBLIC_TO_EVERYONE */
  privateAccount: boolean;
  maxVideoPostDurationSec: number;
  commentDisabled: boolean;
  /** spam_risk_user_banned_from_posting */
  banned: boolean;
}

export interface Publish {
  id: string;
  accountId: string;
  mode: 'direct' | 'draft';
  title: string;
  privacyLevel: PrivacyLevel | null;
  interactions: { disable_comment: boolean; disable_duet: boolean; disable_stitch: boolean };
  videoSize: number;
  chunkSize: number;
  totalChunks: number;
  chunks: Buffer[];
  uploadedBytes: number;
  contentType: string | null;
  uploadId: string;
  uploadToken: string;
  createdAt: number;
  uploadDoneAt: number | null;
  pollsAfterUpload: number;
  status: PublishStatus;
  failReason: string | null;
  postId: string | null;
  /** a fail_reason this publish ends with (failNextPublish) */
  fate: string | null;
}

/** "The upload URL is valid for one hour" (media transfer guide). */
export const UPLOAD_URL_TTL_MS = 3600_000;
const DAY_MS = 24 * 3600_000;

export function privacyOptions(c: Creator): PrivacyLevel[] {
  return c.privateAccount
    ? ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']
    : ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'];
}

/** MP4/MOV carry `ftyp` at byte 4; WebM starts with the EBML magic. Anything else fails the format check. */
function looksLikeVideo(bytes: Buffer): boolean {
  if (bytes.length >= 8 && bytes.subarray(4, 8).toString('latin1') === 'ftyp') return true;
  return bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3;
}

export class TikTokWorld {
  readonly creators: Creator[];
  readonly posts: EmulatedPost[] = [];
  readonly drafts: EmulatedPost[] = [];
  readonly publishes = new Map<string, Publish>();
  audited = true;
  /** posts per creator per 24 h through the API (pages and vendors say about 15) */
  dailyPostCap = 15;
  /** drafts waiting in a creator's inbox per 24 h */
  pendingShareCap = 5;
  /** unaudited clients: creators posting per 24 h */
  activeCreatorCap = 5;
  /** a finished upload answers PROCESSING to this many status polls, or for this many seconds, whichever ends first */
  processing = { polls: 1, seconds: 60 };
  nextFailReason: string | null = null;
  retired = false;
  /** send post ids as JSON numbers (int64 as the reference types them), not strings */
  numericPostIds = false;
  /** hand out upload URLs on this origin instead of the emulator's own */
  uploadOrigin: string | null = null;
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly clock: EmulatorClock) {
    const creator = (username: string, nickname: string, privateAccount: boolean, max: number): Creator => ({
      openId: `-000${randomBytes(12).toString('base64url')}`,
      unionId: `u${randomBytes(10).toString('hex')}`,
      username,
      nickname,
      privateAccount,
      maxVideoPostDurationSec: max,
      commentDisabled: false,
      banned: false,
    });
    this.creators = [
      creator('raize.brand', 'Raize Brand', false, 600),
      creator('second.brand', 'Second Brand', true, 180),
    ];
  }

  now(): number {
    return this.clock.now();
  }

  creator(openId: string): Creator | undefined {
    return this.creators.find((c) => c.openId === openId);
  }

  /** A sliding one-minute (or other) window per key: false when the call is over the limit. */
  hit(key: string, limit: number, windowMs = 60_000): boolean {
    const now = this.now();
    const recent = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= limit) {
      this.windows.set(key, recent);
      return false;
    }
    recent.push(now);
    this.windows.set(key, recent);
    return true;
  }

  directPublishesToday(accountId: string): number {
    const since = this.now() - DAY_MS;
    return [...this.publishes.values()].filter(
      (p) => p.accountId === accountId && p.mode === 'direct' && p.createdAt > since && p.status !== 'FAILED',
    ).length;
  }

  draftsToday(accountId: string): number {
    const since = this.now() - DAY_MS;
    return [...this.publishes.values()].filter(
      (p) => p.accountId === accountId && p.mode === 'draft' && p.createdAt > since,
    ).length;
  }

  activeCreatorsToday(): Set<string> {
    const since = this.now() - DAY_MS;
    return new Set([...this.publishes.values()].filter((p) => p.createdAt > since).map((p) => p.accountId));
  }

  startPublish(
    p: Omit<
      Publish,
      | 'id'
      | 'uploadId'
      | 'uploadToken'
      | 'createdAt'
      | 'chunks'
      | 'uploadedBytes'
      | 'contentType'
      | 'uploadDoneAt'
      | 'pollsAfterUpload'
      | 'status'
      | 'failReason'
      | 'postId'
      | 'fate'
    >,
  ): Publish {
    const digits = String(randomInt(1e9, 1e10 - 1));
    const publish: Publish = {
      ...p,
      id: p.mode === 'draft' ? `v_inbox_file~v2.${digits}` : `v_pub_file~v2-1.${digits}`,
      uploadId: randomBytes(8).toString('hex'),
      uploadToken: randomBytes(16).toString('base64url'),
      createdAt: this.now(),
      chunks: [],
      uploadedBytes: 0,
      contentType: null,
      uploadDoneAt: null,
      pollsAfterUpload: 0,
      status: 'PROCESSING_UPLOAD',
      failReason: null,
      postId: null,
      fate: this.nextFailReason,
    };
    this.nextFailReason = null;
    this.publishes.set(publish.id, publish);
    return publish;
  }

  /** Moves every publish whose processing is over to its end state; called before anything reads state. */
  settle(): void {
    const now = this.now();
    for (const p of this.publishes.values()) {
      if (p.status !== 'PROCESSING_UPLOAD' || p.uploadDoneAt === null) continue;
      if (p.pollsAfterUpload <= this.processing.polls && now < p.uploadDoneAt + this.processing.seconds * 1000)
        continue;
      this.finish(p);
    }
  }

  private finish(p: Publish): void {
    const bytes = Buffer.concat(p.chunks);
    const fail = p.fate ?? (looksLikeVideo(bytes) ? null : 'file_format_check_failed');
    if (fail) {
      p.status = 'FAILED';
      p.failReason = fail;
      return;
    }
    const post: EmulatedPost = {
      id:
        p.mode === 'draft'
          ? p.id
          : `7${String(this.now()).padStart(13, '0')}${String(randomInt(0, 99999)).padStart(5, '0')}`,
      accountId: p.accountId,
      text: p.title,
      media: [
        {
          contentType: p.contentType ?? '',
          sha256: createHash('sha256').update(bytes).digest('hex'),
          size: bytes.length,
        },
      ],
      createdAt: new Date(this.now()).toISOString(),
      extra: { publish_id: p.id, privacy_level: p.privacyLevel, ...p.interactions },
    };
    if (p.mode === 'draft') {
      p.status = 'SEND_TO_USER_INBOX';
      this.drafts.push(post);
      return;
    }
    p.status = 'PUBLISH_COMPLETE';
    p.postId = post.id;
    this.posts.push(post);
  }

  /** A post made outside the API (in the TikTok app), for tests of reading and paging. */
  seedPost(accountId: string, text: string, privacyLevel: PrivacyLevel, createdAt: number): EmulatedPost {
    const post: EmulatedPost = {
      id: `7${String(createdAt).padStart(13, '0')}${String(randomInt(0, 99999)).padStart(5, '0')}`,
      accountId,
      text,
      media: [],
      createdAt: new Date(createdAt).toISOString(),
      extra: { publish_id: null, privacy_level: privacyLevel },
    };
    this.posts.push(post);
    this.posts.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    return post;
  }

  /** Public posts only: the Display API lists and queries a creator's public videos. */
  publicPosts(accountId: string): EmulatedPost[] {
    return this.posts.filter((p) => p.accountId === accountId && p.extra.privacy_level === 'PUBLIC_TO_EVERYONE');
  }
}
