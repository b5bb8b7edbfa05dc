import { createHash } from 'node:crypto';
import type { EmulatorClock } from '../kit/emulator-clock';
import type { EmulatedAccount, EmulatedPost } from '../kit/platform-emulator';
import { TokenBook } from '../kit/token-book';

/**
 * What the Facebook emulator holds: people, the Pages they have roles on (with the tasks each role allows), the
 * consents they gave the app, and the Pages' posts, photos and videos. Test and demo infrastructure only.
 */
export const PAGE_TASKS_FULL = ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'];

export interface FbPage extends EmulatedAccount {
  username?: string;
}
export interface FbUser {
  id: string;
  name: string;
  /** page id → the tasks this person may perform there */
  roles: Map<string, string[]>;
}
export interface FbMedia {
  contentType: string;
  sha256: string;
  size: number;
}
export interface FbPost {
  id: string;
  pageId: string;
  message: string;
  link?: string;
  createdAt: number;
  kind: 'status' | 'photo' | 'photos' | 'video';
  media: FbMedia[];
  /** a video's post shows only once the video is processed */
  visible: boolean;
}
export interface FbPhoto {
  id: string;
  pageId: string;
  media: FbMedia;
  published: boolean;
  /** the post an unpublished photo was attached to */
  postId?: string;
}
export interface FbVideo {
  id: string;
  pageId: string;
  postId: string;
  description: string;
  createdAt: number;
  media: FbMedia;
  pollsLeft: number;
  status: 'processing' | 'ready' | 'error';
}
/** One person's consent: the Pages they chose in the dialog and the permissions they granted or declined. */
export interface FbGrant {
  pages: string[];
  scopes: string[];
  declined: string[];
}

const hash = (t: string) => createHash('sha256').update(t).digest('hex');

export class FacebookWorld {
  readonly pages = new Map<string, FbPage>();
  readonly users = new Map<string, FbUser>();
  readonly grants = new Map<string, FbGrant>();
  readonly posts = new Map<string, FbPost>();
  readonly photos = new Map<string, FbPhoto>();
  readonly videos = new Map<string, FbVideo>();
  /** Graph documents tokens of three kinds and lifetimes: short-lived user (1–2 h), long-lived user (60 days), Page. */
  readonly shortUserTokens: TokenBook;
  readonly longUserTokens: TokenBook;
  readonly pageTokens: TokenBook;
  /** sha256(Page token) → the person it was derived for (tasks are theirs) */
  private readonly pageTokenUser = new Map<string, string>();
  /** why an account's tokens were revoked: the error_subcode the Graph API answers (460, 458, 467, 492) */
  readonly revokedBecause = new Map<string, number>();
  private seq = 1000;

  constructor(readonly clock: EmulatorClock) {
    this.shortUserTokens = new TokenBook(
      {
        prefix: 'fbemu_us',
        accessTtlSeconds: 2 * 3600,
        refreshTtlSeconds: null,
        issueRefreshTokens: false,
        rotateRefresh: false,
      },
      clock,
    );
    this.longUserTokens = new TokenBook(
      {
        prefix: 'fbemu_ul',
        accessTtlSeconds: 60 * 86400,
        refreshTtlSeconds: null,
        issueRefreshTokens: false,
        rotateRefresh: false,
      },
      clock,
    );
    // A Page token derived from a long-lived user token has no expiry (…/access-tokens/get-long-lived).
    this.pageTokens = new TokenBook(
      {
        prefix: 'fbemu_page',
        accessTtlSeconds: null,
        refreshTtlSeconds: null,
        issueRefreshTokens: false,
        rotateRefresh: false,
      },
      clock,
    );
    this.seed();
  }

  nextId(): string {
    this.seq += 1;
    return `${Date.now() % 1_000_000_000}${this.seq}`;
  }

  /** A Page token for a person's role on a Page, as /me/accounts hands it out. */
  issuePageToken(userId: string, pageId: string, scopes: string[]): string {
    const t = this.pageTokens.issue(pageId, scopes, userId).accessToken;
    this.pageTokenUser.set(hash(t), userId);
    return t;
  }

  userOfPageToken(token: string): string | undefined {
    return this.pageTokenUser.get(hash(token));
  }

  /** The Pages a person's consent gave the app and they still have a role on. */
  grantedPages(userId: string): FbPage[] {
    const user = this.users.get(userId);
    const grant = this.grants.get(userId);
    if (!user || !grant) return [];
    return grant.pages.filter((p) => user.roles.has(p)).flatMap((p) => this.pages.get(p) ?? []);
  }

  /** A password change (460), logout (467) or app removal (458): every token of the person stops working. */
  revokeUser(userId: string, subcode: number): void {
    this.shortUserTokens.revokeAccount(userId);
    this.longUserTokens.revokeAccount(userId);
    this.pageTokens.revokeGrant(userId);
    this.revokedBecause.set(userId, subcode);
  }

  emulatedPosts(pageId: string): EmulatedPost[] {
    return [...this.posts.values()]
      .filter((p) => p.pageId === pageId)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((p) => ({
        id: p.id,
        accountId: p.pageId,
        text: p.message,
        media: p.media.map((m) => ({ ...m })),
        createdAt: new Date(p.createdAt).toISOString(),
        extra: { kind: p.kind, link: p.link ?? null, visible: p.visible },
      }));
  }

  private seed(): void {
    const pages: FbPage[] = [
      { id: '104000000000001', handle: 'raizecoffee', username: 'raizecoffee', displayName: 'Raize Coffee' },
      { id: '104000000000002', handle: 'raizebakery', username: 'raizebakery', displayName: 'Raize Bakery' },
      { id: '104000000000003', handle: '104000000000003', displayName: 'Raize Tea' },
    ];
    for (const p of pages) this.pages.set(p.id, p);
    const [coffee, bakery, tea] = pages.map((p) => p.id) as [string, string, string];
    this.users.set('100000000000001', {
      id: '100000000000001',
      name: 'Alex Admin',
      roles: new Map([
        [coffee, PAGE_TASKS_FULL],
        [bakery, PAGE_TASKS_FULL],
      ]),
    });
    // Bo may moderate Raize Coffee but not publish there: the missing CREATE_CONTENT case.
    this.users.set('100000000000002', {
      id: '100000000000002',
      name: 'Bo Moderator',
      roles: new Map([
        [tea, PAGE_TASKS_FULL],
        [coffee, ['ANALYZE', 'MODERATE']],
      ]),
    });
  }
}

/** Graph's created_time: ISO 8601 with a `+0000` offset. */
export function graphTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}
