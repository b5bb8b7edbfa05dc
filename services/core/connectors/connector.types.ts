import type { HealthSignal } from '../../../workflows/contracts/vocabulary/health-signals';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import type { MetricsReader } from './connector-metrics.types';

/** The identity a credential resolves to on the platform, right now. */
export interface PlatformIdentity {
  externalAccountId: string;
  handle: string;
  displayName?: string;
}

/** One media file of a post, as the writer receives it: its bytes (checksum verified) and a URL the platform can fetch. */
export interface PublishMedia {
  kind: MediaKind;
  /** the sniffed type (image/png, image/jpeg, video/mp4, ...) */
  contentType: string;
  /** sha256 hex of `bytes` */
  checksum: string;
  size: number;
  /** the bytes, for platforms with an upload flow (X, LinkedIn, TikTok FILE_UPLOAD, YouTube, the sandbox) */
  bytes: Buffer;
  /**
   * A short-lived signed URL of the artifact store that the platform fetches itself (Instagram containers, Facebook
   * `url` uploads). Absent when no public artifact URL is configured; a URL-only platform then refuses with a clear error.
   */
  url?: string;
  /** probed at schedule time (ffprobe / image header); absent when unknown */
  width?: number;
  height?: number;
  durationSeconds?: number;
}

export type MediaKind = 'image' | 'video';

export interface PublishContent {
  text: string;
  media: PublishMedia[];
  /** an optional link the post carries (Facebook `link`); platforms without a link field keep it in the text */
  link?: string;
}

export interface PlatformPost {
  postId: string;
  /** the post's link, checked by checkPlatformUrl (platform-url.ts); '' when the platform's link was refused */
  url: string;
  /** why the platform's link was dropped (not https, or a loopback link outside development); absent when kept */
  urlRefused?: string;
  text: string;
  authorExternalId: string;
  createdAt: string;
  /**
   * Our request id (the Idempotency-Key we sent) as the platform echoes it back on the post, where it does;
   * null when the platform keeps no such field. Reconciliation prefers it over the content fingerprint.
   */
  requestKey: string | null;
  /** the platform's answer, trimmed to what proof needs */
  raw: { [k: string]: string | number | boolean | null };
}

export interface PublishOutcome {
  post: PlatformPost;
  /** the platform said it replayed an earlier request with the same idempotency key */
  replayed: boolean;
  requestId?: string;
  /** what the write cost on the platform's own meter (X spend, YouTube quota units); recorded per client */
  usage?: PlatformUsage[];
  /** things that did not fail the post but an operator should see (YouTube: the thumbnail was refused) */
  warnings?: string[];
}

/** Units a platform meters: X bills per request, YouTube counts quota units per project per day. */
export const PLATFORM_USAGE_UNITS = ['usd_micros', 'quota_units', 'requests'] as const;
export type PlatformUsageUnit = (typeof PLATFORM_USAGE_UNITS)[number];

export interface PlatformUsage {
  unit: PlatformUsageUnit;
  amount: number;
  /** what it was spent on, as the platform names it (`POST /2/tweets with a link`, `videos.insert`) */
  operation: string;
}

/** The credential a connector call runs with; read from the secrets backend at the moment of use. */
export interface ConnectorCredential {
  accessToken: string;
}

/**
 * A small memory per side effect that survives attempts (kept in Postgres by the kernel, keyed by the idempotency
 * key): a writer with a multi-step flow saves its progress (an Instagram container id, a YouTube upload session
 * URI, a TikTok publish id) so that the next attempt after an unknown outcome asks the platform what happened
 * instead of starting again. Values are short strings; never tokens.
 */
export interface ResumeState {
  get(): Promise<Record<string, string>>;
  /** merges `values` into what is kept; durable when the promise resolves */
  put(values: Record<string, string>): Promise<void>;
}

/**
 * Per-call options: the activity's cancellation (so a cancelled or timed-out activity stops its HTTP call) and a
 * progress callback the guard wires to the activity heartbeat for calls that page or wait.
 */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: () => void;
  /** the side effect's resume memory; absent outside the guard (readers, tests of one call) */
  resume?: ResumeState;
  /** clock for waits between polls; tests shorten them */
  sleep?: (ms: number) => Promise<void>;
}

/** One meter of an account or a project, as the health centre shows it. */
export interface QuotaMeter {
  /** stable id: `instagram.publishing_24h`, `youtube.units_today`, `x.spend_month`, `tiktok.posts_today` */
  id: string;
  /** in an operator's words: "Posts in the last 24 hours" */
  label: string;
  used: number;
  /** null when the platform gives no ceiling */
  limit: number | null;
  unit: 'posts' | 'quota_units' | 'usd' | 'requests';
  /** when the window rolls over, if the platform says */
  resetsAt?: string;
}

/** A platform-side limit on what this account or app may do (app review, audit, testing mode). */
export interface AccountRestriction {
  code: HealthSignal;
  /** in an operator's words, with what to do next */
  message: string;
}

/**
 * What the platform says about this connection beyond its identity: meters, restrictions, and permissions or page
 * tasks that are missing. Connecting refuses an account with `missing` entries and names them.
 */
export interface AccountStanding {
  quotas: QuotaMeter[];
  restrictions: AccountRestriction[];
  /** missing scopes, permissions or tasks, each in an operator's words ("the CREATE_CONTENT task on the Page") */
  missing: string[];
  /** the scopes the token carries, when the platform says */
  scopes?: string[];
}

/**
 * An engagement object as the platform shows it: a comment (ours or the audience's, with its replies and what the
 * account did to it) or a direct message. Read back after every engagement write (C-24).
 */
export interface EngagementItem {
  id: string;
  kind: 'comment' | 'dm';
  text: string;
  authorExternalId: string;
  createdAt: string;
  /** a reply's parent comment; null for a top-level comment or a DM */
  parentId: string | null;
  /** a DM's recipient; null for a comment */
  recipientExternalId: string | null;
  /** hidden by the account (comments) */
  hidden: boolean;
  /** the reading identity liked it */
  likedByMe: boolean;
  /** a comment's replies (empty for a DM and where the platform does not nest them) */
  replies: EngagementItem[];
  /** our Idempotency-Key as the platform echoes it on what we wrote; null where it keeps none */
  requestKey: string | null;
  /** the platform's answer, trimmed to what proof needs */
  raw: { [k: string]: string | number | boolean | null };
}

export interface EngagementOutcome {
  /** the reply or DM made, or the comment liked or hidden */
  item: EngagementItem;
  replayed: boolean;
  requestId?: string;
}

/** Engagement reads: what the kernel's read-back and reconciliation of an engagement write ask. */
export interface EngagementReader {
  readComment(cred: ConnectorCredential, commentId: string, opts?: CallOptions): Promise<EngagementItem | null>;
  readDm(cred: ConnectorCredential, dmId: string, opts?: CallOptions): Promise<EngagementItem | null>;
  /** the conversation with one user, newest first (finds a DM whose answer was lost) */
  dmsWith(cred: ConnectorCredential, externalUserId: string, opts?: CallOptions): Promise<EngagementItem[]>;
}

/** Engagement writes, each carrying the idempotency key. Reachable only from activities/guard (C-17). */
export interface EngagementWriter {
  reply(
    cred: ConnectorCredential,
    commentId: string,
    text: string,
    idempotencyKey: string,
    opts?: CallOptions,
  ): Promise<EngagementOutcome>;
  dm(
    cred: ConnectorCredential,
    recipientExternalId: string,
    text: string,
    idempotencyKey: string,
    opts?: CallOptions,
  ): Promise<EngagementOutcome>;
  like(
    cred: ConnectorCredential,
    commentId: string,
    idempotencyKey: string,
    opts?: CallOptions,
  ): Promise<EngagementOutcome>;
  hide(
    cred: ConnectorCredential,
    commentId: string,
    idempotencyKey: string,
    opts?: CallOptions,
  ): Promise<EngagementOutcome>;
}

/** Where the account was @mentioned, as the platform's mention webhook names it (ids only). */
export interface MentionRef {
  /** the media the mention is on (its caption, or one of its comments) */
  mediaId: string;
  /** the comment that mentions the account; absent for a mention in the media's caption */
  commentId?: string;
}

/** A mention of the account as the platform shows it when read by id. */
export interface PlatformMention {
  /** the comment's id, or the media's for a mention in a caption */
  id: string;
  in: 'comment' | 'caption';
  mediaId: string;
  /** the comment's text or the caption: untrusted data, like any inbound text (C-27) */
  text: string;
  /** the mentioning user's handle, without `@`; null when the platform does not say */
  authorHandle: string | null;
  createdAt: string;
}

/** Mentions whose webhook carries ids only (Instagram): the text is read from the platform by id. */
export interface MentionReader {
  /** null when the platform shows no such mention to this account (deleted, made private, or never about it) */
  readMention(cred: ConnectorCredential, ref: MentionRef, opts?: CallOptions): Promise<PlatformMention | null>;
}

export interface ConnectorReader {
  readonly platform: PlatformId;
  /** absent where Raize does not (yet) engage on the platform: the guard refuses engagement actions there */
  readonly engagement?: EngagementReader;
  /** absent where a mention's webhook carries its text, or Raize does not read mentions on the platform */
  readonly mentions?: MentionReader;
  /** absent where Raize reads no analytics on the platform: the analytics episode skips its accounts */
  readonly metrics?: MetricsReader;
  identity(cred: ConnectorCredential, opts?: CallOptions): Promise<PlatformIdentity>;
  readPost(cred: ConnectorCredential, postId: string, opts?: CallOptions): Promise<PlatformPost | null>;
  /**
   * This identity's own posts, newest first, page after page, down to (and including) `since`: reconciliation
   * looks back to the job's creation, never just at the first page.
   */
  ownPostsSince(cred: ConnectorCredential, since: Date, opts?: CallOptions): AsyncIterable<PlatformPost>;
  /** meters, restrictions and missing permissions (connect-time checks and the health centre) */
  standing(cred: ConnectorCredential, opts?: CallOptions): Promise<AccountStanding>;
}

/** Write side. Reachable only from activities/guard (C-17; lint import zones check it). */
export interface ConnectorWriter {
  readonly platform: PlatformId;
  /** absent where Raize does not (yet) engage on the platform: the guard refuses engagement actions there */
  readonly engagement?: EngagementWriter;
  publish(
    cred: ConnectorCredential,
    content: PublishContent,
    idempotencyKey: string,
    opts?: CallOptions,
  ): Promise<PublishOutcome>;
}

/** What a platform can do; the guard and the API read these instead of naming platforms. */
export interface PlatformCapabilities {
  text: boolean;
  image: boolean;
  video: boolean;
  carousel: boolean;
  reply: boolean;
  dm: boolean;
  /** the platform honours an Idempotency-Key (or equivalent) on writes */
  idempotencyKey: boolean;
  /** a post can be read back by id after it is created */
  readBack: boolean;
  /** the platform echoes our request key on the created post, so reconciliation can match it exactly */
  requestKeyEcho: boolean;
  /**
   * The platform fetches media from a URL itself (Instagram containers): the guard hands the writer a short-lived
   * signed artifact URL with the bytes. Others get the bytes only (no URL is signed, none is logged).
   */
  mediaFromUrl?: boolean;
}

/**
 * Timing the guard plans with. `settleSeconds` must exceed the platform's processing time for a write: after
 * an unknown outcome the guard does not post again before it has passed and `reconcileLooks` lookups found
 * nothing.
 */
export interface PlatformTiming {
  /** one HTTP call's deadline */
  requestTimeoutMs: number;
  settleSeconds: number;
  reconcileLooks: number;
  /** at most this many calls one guard attempt makes (identity, reconcile pages, write, read-back) */
  maxCallsPerAttempt: number;
  pacing: { minSpacingSeconds: number; jitterSeconds: number };
}

export interface OAuthTokens {
  accessToken: string;
  refreshToken?: string;
  /** ISO time the access token stops working; absent when the platform does not say (or it does not expire) */
  expiresAt?: string;
  /** ISO time the refresh token stops working (TikTok, LinkedIn partners, X) */
  refreshExpiresAt?: string;
  /** ISO time this pair was issued: Instagram refreshes only tokens at least 24 h old; YouTube testing counts 7 days */
  issuedAt?: string;
  /** the scopes granted, space-separated as the platform returned them */
  scope?: string;
}

export interface OAuthClientSettings {
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
}

export interface PlatformOAuth {
  authorizeUrl(p: { state: string; codeChallenge: string }): string;
  exchangeCode(p: { code: string; codeVerifier: string }): Promise<OAuthTokens>;
  /**
   * A new pair from the stored one. Platforms that refresh the access token itself (Instagram's ig_refresh_token,
   * Facebook re-deriving the Page token from the user token) read `current.accessToken`; the rest read
   * `current.refreshToken`. The answer keeps `current.refreshToken` when the platform returned none, so a refresh
   * never wipes it. A revoked or expired grant throws ConnectorError('auth') with `details.health` saying which.
   */
  refresh(current: OAuthTokens): Promise<OAuthTokens>;
}

/**
 * When a platform's tokens must be refreshed. The refresh workflow refreshes at
 * `expiresAt - refreshLeadSeconds` (and never before `minAgeSeconds` after issue); tokens without an expiry are
 * checked every `checkEverySeconds` so a revocation is found before a post needs the token.
 */
export interface TokenLifecycle {
  /** the platform can refresh without the user (false: LinkedIn non-partner apps re-consent) */
  refreshable: boolean;
  refreshLeadSeconds: number;
  minAgeSeconds?: number;
  /** each refresh returns a new refresh token and voids the old one (X, TikTok): save the pair atomically */
  rotatesRefreshToken: boolean;
  checkEverySeconds: number;
}

/** The API version a connector speaks, pinned in one place with the date the platform retires it. */
export interface ApiVersionPin {
  version: string;
  /** ISO date; null when the platform publishes none */
  sunsetsAt: string | null;
  /** the page that says so */
  source: string;
}

/**
 * What a platform accepts, checked at schedule time (a clear error then, not a failure at publish time). Figures
 * come from the platforms' pages; a platform that disagrees with itself is configured at the stricter figure.
 */
export interface MediaRules {
  maxTextLength: number;
  /** how the platform counts text against maxTextLength (X weighs links as 23 and CJK as 2); default code points */
  textLength?: (text: string) => number;
  /** the post needs at least one media file (Instagram, TikTok, YouTube) */
  requiresMedia: boolean;
  maxMediaCount: number;
  /** may a post mix images and videos */
  mixedMedia: boolean;
  image?: { contentTypes: string[]; maxBytes: number; minAspectRatio?: number; maxAspectRatio?: number };
  video?: {
    contentTypes: string[];
    maxBytes: number;
    minDurationSeconds?: number;
    maxDurationSeconds: number;
    minAspectRatio?: number;
    maxAspectRatio?: number;
  };
}

/** Where and how to reach one platform: from configuration, per process. */
export interface PlatformSettings {
  baseUrl: string;
  /** the URL a browser is sent to (may differ from baseUrl behind a proxy) */
  publicUrl?: string;
  timeoutMs?: number;
  oauth?: OAuthClientSettings;
  /**
   * Overrides of the platform's timing (PlatformTiming), for tests and operators. A settle time shorter than the
   * platform's processing time lets the guard post twice: lower it only against a platform (the sandbox) whose
   * processing time you control.
   */
  settleSeconds?: number;
  reconcileLooks?: number;
  pacing?: PlatformTiming['pacing'];
  /** http links to 127.0.0.1/localhost are kept (the sandbox outside production only); otherwise https only */
  allowLoopbackHttpLinks?: boolean;
  /** a second host the platform takes uploads on (YouTube's `/upload/youtube/v3`) */
  uploadBaseUrl?: string;
  /**
   * The app passed the platform's review or audit. TikTok: unaudited apps post SELF_ONLY; YouTube: unverified
   * projects' uploads stay private. Default false: the health centre says so until an operator sets it.
   */
  appAudited?: boolean;
  /** the app is in the platform's testing mode (YouTube: refresh tokens stop working 7 days after consent) */
  appInTesting?: boolean;
  /** the project's daily quota on the platform's meter (YouTube units; default from the platform's page) */
  dailyQuota?: number;
  /** TikTok: publish directly, or upload to the creator's inbox as a draft they finish in the app */
  tiktokPostMode?: 'direct' | 'draft';
  /** TikTok: the privacy level asked for (an unaudited app gets SELF_ONLY whatever is asked) */
  tiktokPrivacyLevel?: 'PUBLIC_TO_EVERYONE' | 'MUTUAL_FOLLOW_FRIENDS' | 'FOLLOWER_OF_CREATOR' | 'SELF_ONLY';
}

/** One platform, as the rest of Raize sees it: the only thing a platform folder exports. */
export interface PlatformDescriptor {
  id: PlatformId;
  displayName: string;
  apiVersion: ApiVersionPin;
  mediaRules: MediaRules;
  tokens: TokenLifecycle;
  /** the OAuth scopes the connector asks for: the fewest that let it publish, read back, reconcile and read analytics */
  scopes: string[];
  /**
   * A local emulator, not a real platform: a production process refuses it as a connector unless
   * RAIZE_SANDBOX_IN_PRODUCTION=1 with an admin token of its own (C-15).
   */
  emulator?: boolean;
  capabilities: PlatformCapabilities;
  timing(settings: PlatformSettings): PlatformTiming;
  oauth(settings: PlatformSettings): PlatformOAuth;
  createReader(settings: PlatformSettings): ConnectorReader;
}

export type ConnectorSettings = Partial<Record<PlatformId, PlatformSettings>>;
