import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';

/** The identity a credential resolves to on the platform, right now. */
export interface PlatformIdentity {
  externalAccountId: string;
  handle: string;
  displayName?: string;
}

export interface PublishContent {
  text: string;
  media: { url?: string; dataBase64?: string; contentType: string; checksum?: string }[];
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
}

/** The credential a connector call runs with; read from the secrets backend at the moment of use. */
export interface ConnectorCredential {
  accessToken: string;
}

/**
 * Per-call options: the activity's cancellation (so a cancelled or timed-out activity stops its HTTP call) and a
 * progress callback the guard wires to the activity heartbeat for calls that page or wait.
 */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: () => void;
}

export interface ConnectorReader {
  readonly platform: PlatformId;
  identity(cred: ConnectorCredential, opts?: CallOptions): Promise<PlatformIdentity>;
  readPost(cred: ConnectorCredential, postId: string, opts?: CallOptions): Promise<PlatformPost | null>;
  /**
   * This identity's own posts, newest first, page after page, down to (and including) `since`: reconciliation
   * looks back to the job's creation, never just at the first page.
   */
  ownPostsSince(cred: ConnectorCredential, since: Date, opts?: CallOptions): AsyncIterable<PlatformPost>;
}

/** Write side. Reachable only from activities/guard (C-17; lint import zones check it). */
export interface ConnectorWriter {
  readonly platform: PlatformId;
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
  expiresAt?: string;
}

export interface OAuthClientSettings {
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
}

export interface PlatformOAuth {
  authorizeUrl(p: { state: string; codeChallenge: string }): string;
  exchangeCode(p: { code: string; codeVerifier: string }): Promise<OAuthTokens>;
  refresh(p: { refreshToken: string }): Promise<OAuthTokens>;
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
}

/** One platform, as the rest of Raize sees it: the only thing a platform folder exports. */
export interface PlatformDescriptor {
  id: PlatformId;
  displayName: string;
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
