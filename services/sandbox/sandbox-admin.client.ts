// Typed client for the sandbox admin API (one method per admin endpoint). Uses global fetch.
import type {
  ActiveFault,
  ChallengeKind,
  Comment,
  DirectMessage,
  FaultConfig,
  IdentitySwap,
  ListResponse,
  RequestLogEntry,
  SandboxErrorBody,
  SandboxFlags,
  SandboxOAuthClient,
  SandboxPost,
  SandboxSession,
  SandboxUiSettings,
  SandboxUser,
  TokenResponse,
  UserChallengeState,
  WebhookDeliveryAttempt,
  WebhookSubscription,
} from './sandbox.types';
import type { WebhookFaultsView } from './webhooks.dispatcher';

export interface CreateUserInput {
  username: string;
  password: string;
  displayName?: string;
  /** private contact details, shown only on the user's own compose page */
  email?: string;
  phone?: string;
}

export interface CreateSessionInput {
  userId: string;
  /** default 7 days, like a login */
  expiresInSeconds?: number;
}

export interface RegisterOAuthClientInput {
  clientId: string;
  clientSecret?: string;
  redirectUris: string[];
}

export interface IssueTokenInput {
  userId: string;
  clientId?: string;
  scope?: string;
  expiresInSeconds?: number;
}

export interface CreateCommentInput {
  postId: string;
  authorId: string;
  text: string;
}

export class SandboxAdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxAdminError';
  }
}

export class SandboxAdminClient {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly adminToken: string,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  // ---- users, clients, tokens ----
  createUser(input: CreateUserInput): Promise<SandboxUser> {
    return this.request('POST', '/_admin/users', input);
  }
  listUsers(): Promise<SandboxUser[]> {
    return this.list('/_admin/users');
  }
  registerOAuthClient(input: RegisterOAuthClientInput): Promise<SandboxOAuthClient> {
    return this.request('POST', '/_admin/oauth-clients', input);
  }
  listOAuthClients(): Promise<SandboxOAuthClient[]> {
    return this.list('/_admin/oauth-clients');
  }
  /** Issues tokens for a user without the browser flow (for tests that only need a valid bearer token). */
  issueToken(input: IssueTokenInput): Promise<TokenResponse> {
    return this.request('POST', '/_admin/tokens', input);
  }

  // ---- faults & flags ----
  /**
   * Replaces the fault set. Per fault (see FaultConfig): `latencyMs` (network latency; a request whose client
   * disconnects meanwhile is dropped, never handled), `beforeHandlerDelayMs` (processing time, max 60 000: the
   * post is created afterwards even if the client timed out), `afterHandlerDelayMs` (created first, answered
   * late), `errorRate`/`errorStatus`, `rateLimit`, `times`.
   */
  setFaults(faults: FaultConfig[]): Promise<ActiveFault[]> {
    return this.request<ListResponse<ActiveFault>>('POST', '/_admin/faults', { faults }).then((r) => r.data);
  }
  listFaults(): Promise<ActiveFault[]> {
    return this.list('/_admin/faults');
  }
  clearFaults(): Promise<void> {
    return this.request('DELETE', '/_admin/faults');
  }
  /**
   * Changes some flags, keeps the others: `ignoreIdempotencyKey` (default false), `duplicateWebhooks` (default
   * false), `echoRequestKey` (default true; false = posts come back without `requestKey`, like a platform that
   * keeps no request id). reset() restores the defaults.
   */
  setFlags(flags: Partial<SandboxFlags>): Promise<SandboxFlags> {
    return this.request('POST', '/_admin/flags', flags);
  }
  getFlags(): Promise<SandboxFlags> {
    return this.request('GET', '/_admin/flags');
  }

  // ---- browser lane: page look, challenges, sessions ----
  /** `selectorVersion` 'v2' renames every data-testid of the account pages at once (page-variants.ts). */
  setUi(settings: Partial<SandboxUiSettings>): Promise<SandboxUiSettings> {
    return this.request('POST', '/_admin/ui', settings);
  }
  getUi(): Promise<SandboxUiSettings> {
    return this.request('GET', '/_admin/ui');
  }
  /** 'captcha': every signed-in page is a captcha wall; 'consent': a cookie dialog blocks posting until accepted. */
  setChallenge(userId: string, kind: ChallengeKind | null): Promise<UserChallengeState> {
    return this.request('POST', `/_admin/users/${encodeURIComponent(userId)}/challenge`, { kind });
  }
  /** A signed-in browser session for the user, as a storage-state cookie. The cookie value is a secret. */
  createSession(input: CreateSessionInput): Promise<SandboxSession> {
    return this.request('POST', '/_admin/sessions', input);
  }
  /** Ends all of the user's browser sessions: their next page load meets the login wall. */
  revokeSessions(userId: string): Promise<{ revoked: number }> {
    return this.request('DELETE', `/_admin/users/${encodeURIComponent(userId)}/sessions`);
  }

  // ---- identity swaps ----
  swapIdentity(swap: IdentitySwap): Promise<IdentitySwap> {
    return this.request('POST', '/_admin/identity-swaps', swap);
  }
  listSwaps(): Promise<IdentitySwap[]> {
    return this.list('/_admin/identity-swaps');
  }
  clearSwaps(): Promise<void> {
    return this.request('DELETE', '/_admin/identity-swaps');
  }

  // ---- content ----
  listPosts(): Promise<SandboxPost[]> {
    return this.list('/_admin/posts');
  }
  /** Takes a post down, as a platform's moderator or the owner in the app would (no webhook fires). */
  deletePost(postId: string): Promise<void> {
    return this.request('DELETE', `/_admin/posts/${encodeURIComponent(postId)}`);
  }
  /** Changes a post's text or author behind the API's back, as an edit in the platform's app would. */
  editPost(postId: string, change: { text?: string; authorId?: string }): Promise<SandboxPost> {
    return this.request('PATCH', `/_admin/posts/${encodeURIComponent(postId)}`, change);
  }
  listComments(postId?: string): Promise<Comment[]> {
    return this.list(postId ? `/_admin/comments?postId=${encodeURIComponent(postId)}` : '/_admin/comments');
  }
  /** Creates a comment as `authorId` (an audience member) and fires `comment.created`. */
  createComment(input: CreateCommentInput): Promise<Comment> {
    return this.request('POST', '/_admin/comments', input);
  }

  /** A direct message from `fromUserId` (an audience member) to `toUserId` (an account); fires `dm.created`. */
  sendDm(input: { fromUserId: string; toUserId: string; text: string }): Promise<DirectMessage> {
    return this.request('POST', '/_admin/dms', input);
  }
  listDms(): Promise<DirectMessage[]> {
    return this.list('/_admin/dms');
  }

  // ---- webhooks ----
  registerWebhook(input: { url: string; secret: string }): Promise<WebhookSubscription> {
    return this.request('POST', '/_admin/webhooks', input);
  }
  listWebhooks(): Promise<WebhookSubscription[]> {
    return this.list('/_admin/webhooks');
  }
  deleteWebhook(id: string): Promise<void> {
    return this.request('DELETE', `/_admin/webhooks/${encodeURIComponent(id)}`);
  }
  listWebhookDeliveries(): Promise<WebhookDeliveryAttempt[]> {
    return this.list('/_admin/webhook-deliveries');
  }
  /** Sends an earlier event again with the same delivery id, as a platform's "redeliver" does. */
  replayWebhook(deliveryId: string): Promise<{ deliveryId: string }> {
    return this.request('POST', `/_admin/webhook-deliveries/${encodeURIComponent(deliveryId)}/replay`);
  }
  /** `dropRate`: the share of events never sent; `copies`: each event sent 1–5 times with one delivery id. */
  setWebhookFaults(faults: { dropRate?: number; copies?: number }): Promise<WebhookFaultsView> {
    return this.request('POST', '/_admin/webhook-faults', faults);
  }
  getWebhookFaults(): Promise<WebhookFaultsView> {
    return this.request('GET', '/_admin/webhook-faults');
  }
  clearWebhookFaults(): Promise<void> {
    return this.request('DELETE', '/_admin/webhook-faults');
  }

  // ---- inspection & reset ----
  listRequests(): Promise<RequestLogEntry[]> {
    return this.list('/_admin/requests');
  }
  clearRequests(): Promise<void> {
    return this.request('DELETE', '/_admin/requests');
  }
  /** Clears everything: users, sessions, clients, tokens, posts, comments, webhooks, faults, flags, ui, swaps, logs. */
  reset(): Promise<void> {
    return this.request('POST', '/_admin/reset');
  }

  private async list<T>(path: string): Promise<T[]> {
    return (await this.request<ListResponse<T>>('GET', path)).data;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'x-sandbox-admin': this.adminToken, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      let code = 'http_error';
      let message = `${method} ${path} failed with HTTP ${res.status}`;
      try {
        const parsed = JSON.parse(text) as Partial<SandboxErrorBody>;
        if (parsed.error) {
          code = parsed.error.code;
          message = `${message}: ${parsed.error.message}`;
        }
      } catch {
        // non-JSON error body: keep the generic message
      }
      throw new SandboxAdminError(res.status, code, message);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
