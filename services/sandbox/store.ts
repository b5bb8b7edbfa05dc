// In-memory state of the sandbox, persisted to an optional JSON state file after every change.
// Runtime-only data (request log, webhook delivery log) is kept here too but never persisted.
import { loadStateFile, saveStateFile, STATE_VERSION } from './persistence';
import type { ChallengeKind } from './challenges';
import type {
  Comment,
  DirectMessage,
  IdentitySwap,
  RequestLogEntry,
  SandboxFlags,
  SandboxPost,
  SandboxUiSettings,
  SandboxUser,
  WebhookDeliveryAttempt,
} from './sandbox.types';

export interface StoredUser extends SandboxUser {
  passwordHash: string;
  createdAt: string;
  /** Private contact details: only the user's own compose page shows them (older state files have none). */
  email?: string | null;
  phone?: string | null;
  /** set by the admin API (challenges.ts) */
  challenge?: ChallengeKind | null;
  consentAcceptedAt?: string | null;
}

export interface StoredOAuthClient {
  clientId: string;
  secretHash: string | null;
  redirectUris: string[];
  createdAt: string;
}

export interface StoredAuthCode {
  codeHash: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  scope: string;
  codeChallenge: string;
  expiresAt: number; // epoch ms
  usedAt: number | null;
  grantId: string;
}

export interface StoredToken {
  tokenHash: string;
  kind: 'access' | 'refresh';
  userId: string;
  clientId: string;
  scope: string;
  expiresAt: number | null; // epoch ms; null = never (refresh tokens)
  grantId: string;
}

export interface StoredSession {
  sessionHash: string;
  userId: string;
  expiresAt: number;
}

export interface StoredIdempotencyRecord {
  userId: string;
  key: string;
  bodyHash: string;
  postId: string;
  createdAt: string;
}

/** An engagement write made with an Idempotency-Key (a reply, a DM, a like, a hide), per user and route. */
export interface StoredActionKey {
  userId: string;
  /** the route family, so one key used on two routes is two requests */
  scope: 'reply' | 'dm' | 'like' | 'hide';
  key: string;
  bodyHash: string;
  /** the reply, DM or comment the request produced or changed */
  resourceId: string;
  createdAt: string;
}

export interface StoredMediaBlob {
  id: string;
  postId: string;
  contentType: string;
  dataBase64: string;
}

export interface StoredWebhook {
  id: string;
  url: string;
  secret: string;
  createdAt: string;
}

export interface PersistedState {
  version: number;
  users: StoredUser[];
  oauthClients: StoredOAuthClient[];
  authCodes: StoredAuthCode[];
  tokens: StoredToken[];
  sessions: StoredSession[];
  posts: SandboxPost[];
  mediaBlobs: StoredMediaBlob[];
  comments: Comment[];
  dms: DirectMessage[];
  idempotency: StoredIdempotencyRecord[];
  actionKeys: StoredActionKey[];
  webhooks: StoredWebhook[];
  flags: SandboxFlags;
  ui: SandboxUiSettings;
  swaps: IdentitySwap[];
}

export const DEFAULT_FLAGS: SandboxFlags = {
  ignoreIdempotencyKey: false,
  duplicateWebhooks: false,
  echoRequestKey: true,
};

export const DEFAULT_UI: SandboxUiSettings = { selectorVersion: 'v1' };

const LOG_CAP = 5000;

function emptyState(): PersistedState {
  return {
    version: STATE_VERSION,
    users: [],
    oauthClients: [],
    authCodes: [],
    tokens: [],
    sessions: [],
    posts: [],
    mediaBlobs: [],
    comments: [],
    dms: [],
    idempotency: [],
    actionKeys: [],
    webhooks: [],
    flags: { ...DEFAULT_FLAGS },
    ui: { ...DEFAULT_UI },
    swaps: [],
  };
}

function fromFile(raw: Record<string, unknown>): PersistedState {
  const state = emptyState();
  const arrayKeys = [
    'users',
    'oauthClients',
    'authCodes',
    'tokens',
    'sessions',
    'posts',
    'mediaBlobs',
    'comments',
    'dms',
    'idempotency',
    'actionKeys',
    'webhooks',
    'swaps',
  ] as const;
  for (const key of arrayKeys) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) throw new Error(`Sandbox state file: "${key}" must be an array`);
    (state[key] as unknown[]) = value;
  }
  if (raw.flags && typeof raw.flags === 'object')
    state.flags = { ...DEFAULT_FLAGS, ...(raw.flags as Partial<SandboxFlags>) };
  if (raw.ui && typeof raw.ui === 'object') state.ui = { ...DEFAULT_UI, ...(raw.ui as Partial<SandboxUiSettings>) };
  return state;
}

export class SandboxStore {
  private state: PersistedState;
  private requestLog: RequestLogEntry[] = [];
  private deliveryLog: WebhookDeliveryAttempt[] = [];

  constructor(
    private readonly stateFile?: string,
    readonly now: () => number = Date.now,
  ) {
    const raw = stateFile ? loadStateFile(stateFile) : null;
    this.state = raw ? fromFile(raw) : emptyState();
  }

  /** Read-only view of the persisted data (white-box tests, queries). */
  get data(): Readonly<PersistedState> {
    return this.state;
  }

  /** Applies a change and persists it. All writes go through here. */
  mutate<T>(change: (state: PersistedState) => T): T {
    const result = change(this.state);
    this.persist();
    return result;
  }

  /** Clears all data, persisted and runtime. */
  reset(): void {
    this.state = emptyState();
    this.requestLog = [];
    this.deliveryLog = [];
    this.persist();
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  // ---- queries -------------------------------------------------------------------------------------------

  findUserById(id: string): StoredUser | undefined {
    return this.state.users.find((u) => u.id === id);
  }

  findUserByUsername(username: string): StoredUser | undefined {
    const wanted = username.toLowerCase();
    return this.state.users.find((u) => u.username.toLowerCase() === wanted);
  }

  findClient(clientId: string): StoredOAuthClient | undefined {
    return this.state.oauthClients.find((c) => c.clientId === clientId);
  }

  findPost(id: string): SandboxPost | undefined {
    return this.state.posts.find((p) => p.id === id);
  }

  findMediaBlob(id: string): StoredMediaBlob | undefined {
    return this.state.mediaBlobs.find((m) => m.id === id);
  }

  findToken(tokenHash: string, kind: StoredToken['kind']): StoredToken | undefined {
    return this.state.tokens.find((t) => t.tokenHash === tokenHash && t.kind === kind);
  }

  findSession(sessionHash: string): StoredSession | undefined {
    const session = this.state.sessions.find((s) => s.sessionHash === sessionHash);
    return session && session.expiresAt > this.now() ? session : undefined;
  }

  findComment(id: string): Comment | undefined {
    return this.state.comments.find((c) => c.id === id);
  }

  findDm(id: string): DirectMessage | undefined {
    return this.state.dms.find((d) => d.id === id);
  }

  findActionKey(userId: string, scope: StoredActionKey['scope'], key: string): StoredActionKey | undefined {
    return this.state.actionKeys.find((r) => r.userId === userId && r.scope === scope && r.key === key);
  }

  findIdempotency(userId: string, key: string): StoredIdempotencyRecord | undefined {
    return this.state.idempotency.find((r) => r.userId === userId && r.key === key);
  }

  /** The identity a user id resolves to now, after identity swaps (single hop). */
  resolveUserId(userId: string): string {
    return this.state.swaps.find((s) => s.fromUserId === userId)?.toUserId ?? userId;
  }

  // ---- runtime logs (never persisted) ---------------------------------------------------------------------

  logRequest(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    if (this.requestLog.length > LOG_CAP) this.requestLog.splice(0, this.requestLog.length - LOG_CAP);
  }

  get requests(): readonly RequestLogEntry[] {
    return this.requestLog;
  }

  clearRequests(): void {
    this.requestLog = [];
  }

  logDelivery(entry: WebhookDeliveryAttempt): void {
    this.deliveryLog.push(entry);
    if (this.deliveryLog.length > LOG_CAP) this.deliveryLog.splice(0, this.deliveryLog.length - LOG_CAP);
  }

  get deliveries(): readonly WebhookDeliveryAttempt[] {
    return this.deliveryLog;
  }

  private persist(): void {
    if (this.stateFile) saveStateFile(this.stateFile, this.state);
  }
}
