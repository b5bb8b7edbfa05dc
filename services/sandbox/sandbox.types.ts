// Wire types of the Sandbox platform, shared by the server, the admin client, receivers and tests.
// Plain interfaces only (no runtime code) so any package can import them cheaply.
import type { ChallengeKind } from './challenges';
import type { SelectorVersion } from './page-variants';

export type { ChallengeKind, SelectorVersion };

/** Public profile of a sandbox account (what `GET /me` and `POST /_admin/users` return). */
export interface SandboxUser {
  id: string; // sbx_u_<random>
  username: string;
  handle: string; // '@' + username
  displayName: string;
}

/** A media item as stored on a post. Uploaded bytes (dataBase64) are served at `url` (`/media/<id>`). */
export interface SandboxMedia {
  id: string; // sbx_m_<random>
  contentType: string;
  /** The URL the client sent (by-reference media) or `${publicUrl}/media/<id>` for uploaded bytes. */
  url: string;
  /** `sha256:<hex>` of the uploaded bytes, or the checksum the client sent for by-reference media. */
  checksum?: string;
  sizeBytes?: number;
}

/** Media as sent by clients in `POST /posts`: exactly one of url / dataBase64. */
export interface SandboxMediaInput {
  url?: string;
  dataBase64?: string;
  contentType: string;
  /** Optional. When given as `sha256:<hex>` (or bare 64 hex chars) together with dataBase64 it is verified. */
  checksum?: string;
}

export interface SandboxPost {
  id: string; // sbx_p_<random>
  url: string; // `${publicUrl}/p/<id>`
  text: string;
  media: SandboxMedia[];
  authorId: string;
  createdAt: string; // ISO-8601
  /**
   * The Idempotency-Key the post was created with (null without one), stored even when the ignoreIdempotencyKey
   * flag stops it from deduplicating. Returned to API clients while the echoRequestKey flag is on; absent from
   * their answers (GET/POST /posts, GET /me/posts, webhooks) when it is off. Admin views always show it. Older
   * state files have no such field.
   */
  requestKey?: string | null;
}

export interface Comment {
  id: string; // sbx_c_<random>
  postId: string;
  authorId: string;
  text: string;
  createdAt: string;
  /** the comment this one replies to; absent or null for a top-level comment (older state files have none) */
  parentId?: string | null;
  /** hidden by the post's owner: still there, shown only to the owner */
  hidden?: boolean;
  /** users who liked the comment */
  likedBy?: string[];
  /** the Idempotency-Key a reply was created with (echoed like a post's, while echoRequestKey is on) */
  requestKey?: string | null;
}

/** `GET /comments/:id`: the comment with what its owner did to it, for read-back. */
export interface CommentView extends Comment {
  parentId: string | null;
  hidden: boolean;
  likedBy: string[];
  /** the caller liked it */
  likedByMe: boolean;
  replies: Comment[];
}

/** A direct message between two users (`POST /dms`, `GET /dms`, `GET /dms/:id`). */
export interface DirectMessage {
  id: string; // sbx_d_<random>
  fromUserId: string;
  toUserId: string;
  text: string;
  createdAt: string;
  /** the Idempotency-Key it was sent with (echoed while echoRequestKey is on) */
  requestKey?: string | null;
}

export interface FaultMatch {
  method?: string;
  /** Exact path, or a prefix ending with '*' (e.g. '/posts*'). Query strings are ignored. */
  path?: string;
}

export interface FaultConfig {
  match?: FaultMatch;
  /**
   * Network latency, before the request "arrives": the fault decision (rateLimit, errorRate) comes after it.
   * If the client disconnects during it (its timeout), the request is dropped and never handled, as if lost on
   * the way: logged with fault 'client_gone' and status 499.
   */
  latencyMs?: number;
  /**
   * Processing time: the request has arrived and waits this long, THEN the handler runs and creates the post,
   * even if the client has disconnected meanwhile. Simulates "the client timed out at T, the platform created
   * the post at T+x". Not applied to requests a fault rejects. At most MAX_PROCESSING_DELAY_MS (faults.ts, 60 s): a
   * connector's settle time must exceed the longest processing time the platform can have.
   */
  beforeHandlerDelayMs?: number;
  /** Handle the request (side effects happen) and THEN wait this long before responding. */
  afterHandlerDelayMs?: number;
  /** 0..1: probability of answering `errorStatus` (default 503) before handling. */
  errorRate?: number;
  /** Status used for errorRate failures. Given without errorRate it means errorRate 1. */
  errorStatus?: number;
  /** With errorRate/errorStatus: the Retry-After (seconds) the error carries, as a platform's 503 may (RFC 9110). */
  retryAfterSeconds?: number;
  /**
   * With errorRate/errorStatus: the request is handled first (a post is created) and the error answers instead of
   * its reply, as a gateway's 502 after the origin applied the write. The client cannot know the outcome.
   */
  errorAfterHandler?: boolean;
  /** The next `count` matching requests get 429 + Retry-After and are NOT handled. */
  rateLimit?: { count: number; retryAfterSeconds: number };
  /** The fault applies to the next N matching requests only, then is removed. */
  times?: number;
}

/** A fault as currently installed, with its remaining counters. */
export interface ActiveFault extends FaultConfig {
  id: string;
  remainingTimes?: number;
  remainingRateLimit?: number;
}

export interface SandboxFlags {
  /** The Idempotency-Key header is ignored: a repeated create makes a second post. */
  ignoreIdempotencyKey: boolean;
  /** Every webhook delivery is sent twice with the same delivery id. */
  duplicateWebhooks: boolean;
  /**
   * Default true: posts carry `requestKey` (the Idempotency-Key they were created with) in API answers. Off, the
   * sandbox behaves like a platform that keeps no request id, so reconciliation must match by content.
   */
  echoRequestKey: boolean;
}

/** How the web pages look (`GET/POST /_admin/ui`). reset() restores the defaults. */
export interface SandboxUiSettings {
  /** 'v1' (default): the data-testid names of issue #17; 'v2': all renamed at once (page-variants.ts). */
  selectorVersion: SelectorVersion;
}

/** A user's challenge as the admin API reports it (`POST /_admin/users/:id/challenge`). */
export interface UserChallengeState {
  userId: string;
  /** what the admin set; null = none */
  kind: ChallengeKind | null;
  /** when the user accepted the consent dialog (reset to null whenever the admin sets a challenge) */
  consentAcceptedAt: string | null;
  /** what stands in the user's way now: captcha, consent not yet accepted, or null */
  active: ChallengeKind | null;
}

/**
 * A signed-in browser session made by the admin API (`POST /_admin/sessions`), as if the user had logged in: the
 * fields of a Playwright storage-state cookie. `expires` is in epoch SECONDS. The value is a secret.
 */
export interface SandboxSessionCookie {
  name: string;
  value: string;
  /** the sandbox's public host name (a Playwright cookie needs a domain or a url) */
  domain: string;
  path: '/';
  httpOnly: true;
  secure: boolean;
  sameSite: 'Lax';
  expires: number;
}

export interface SandboxSession {
  cookie: SandboxSessionCookie;
}

export interface IdentitySwap {
  fromUserId: string;
  toUserId: string;
}

export interface SandboxOAuthClient {
  clientId: string;
  redirectUris: string[];
  confidential: boolean;
}

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface WebhookSubscription {
  id: string; // sbx_wh_<random>
  url: string;
  createdAt: string;
}

export interface CommentCreatedEvent {
  id: string; // delivery id, sbx_evt_<random>
  type: 'comment.created';
  createdAt: string;
  data: { comment: Comment; post: { id: string; authorId: string; url: string } };
}

export interface PostCreatedEvent {
  id: string;
  type: 'post.created';
  createdAt: string;
  data: { post: SandboxPost };
}

/** A user wrote a direct message; the recipient is the account it concerns. */
export interface DmCreatedEvent {
  id: string;
  type: 'dm.created';
  createdAt: string;
  data: { message: DirectMessage };
}

export type WebhookEvent = CommentCreatedEvent | PostCreatedEvent | DmCreatedEvent;
export type WebhookEventType = WebhookEvent['type'];

/** One attempt to deliver a webhook (admin view: `GET /_admin/webhook-deliveries`). */
export interface WebhookDeliveryAttempt {
  deliveryId: string;
  type: WebhookEventType;
  subscriptionId: string;
  url: string;
  /** 1-based attempt number within one send (a duplicate send starts again at 1). */
  attempt: number;
  /** 0 for the first send, 1 for the duplicate sent when duplicateWebhooks is on. */
  copy: number;
  status: number | null;
  error: string | null;
  ok: boolean;
  at: string;
}

/** One non-admin request as seen by the sandbox (admin view: `GET /_admin/requests`). */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  status: number;
  idempotencyKey: string | null;
  /**
   * Set when the request was NOT handled: a fault answered instead of the handler, or (client_gone) the client
   * disconnected during latencyMs and the request was dropped (status 499, nothing answered).
   */
  fault: 'rate_limited' | 'error' | 'client_gone' | null;
  at: string;
  /** the caller's W3C traceparent, as a platform's support would see it (docs/observability.md) */
  traceparent?: string | null;
}

/** Error body of every non-OAuth error: `{ error: { code, message } }`. */
export interface SandboxErrorBody {
  error: { code: string; message: string };
}

/** List responses are wrapped: `{ data: [...] }`. */
export interface ListResponse<T> {
  data: T[];
}

/**
 * `GET /me/posts?limit=&since=&cursor=`: newest first. `next_cursor` is null on the last page; pass it back as
 * `cursor` for the next (older) page. Cursors are opaque.
 */
export interface PostsPage extends ListResponse<SandboxPost> {
  next_cursor: string | null;
}
