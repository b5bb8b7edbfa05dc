import type { EntityManager } from 'typeorm';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  ConnectorWriter,
  PlatformPost,
  PlatformUsage,
} from '../../../services/core/connectors/connector.types';
import type { Client, ClientPolicySettings, PlatformAccount } from '../../../services/core/database/entities';
import type {
  PolicyBrowserProfile,
  PolicyAction,
  PolicyApproval,
  PolicyAuthor,
  PolicyCounters,
} from '../../../services/core/policy/policy.types';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import type { BrowserProof } from '../../../services/core/browser/browser-driver.port';

/** The part of every side-effect activity's input the kernel reads. Ids only (C-05). */
export interface EffectClaim {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  idempotencyKey: string;
  workflowId: string;
}

/** What step 1 loads for any action, each object by id AND tenant. */
export interface EffectTarget {
  agencyId: string;
  clientId: string;
  client: Client;
  account: PlatformAccount;
  settings: ClientPolicySettings | null;
  /** when the work was created: reconciliation pages back to here */
  createdAt: Date;
  /** the account's browser profile for the policy (set by the kernel, not the adapter); null: none attached */
  browserProfile?: PolicyBrowserProfile | null;
}

/** The action's own part of the policy input, and reasons only the host can see. */
export interface EffectFacts {
  author: PolicyAuthor;
  approvals: PolicyApproval[];
  scheduledAtS?: number | null;
  contentChecksum?: string | null;
  hostReasons: Reason[];
  /** counters only the action knows (engagement: the account's recent inbound and negative sentiment) */
  counters?: Partial<PolicyCounters>;
}

export interface EffectCallResult {
  post: PlatformPost;
  requestId: string | null;
  replayed: boolean;
  usage?: PlatformUsage[];
  warnings?: string[];
}

export interface EffectRecord {
  post: PlatformPost;
  verified: boolean;
  reconciled: boolean;
  requestId: string | null;
  replayed: boolean;
  readBack: PlatformPost | null;
  actor: string;
  /** what the platform's meter charged for the call (absent when reconciled: the first attempt's call was not heard) */
  usage: PlatformUsage[];
  warnings: string[];
  /** what the browser lane kept through the page (C-44); absent or null on the API lane */
  laneProof?: BrowserProof | null;
}

/**
 * One action's part of the side-effect kernel (`effects/<action>.effect.ts`). The kernel runs the steps in order
 * on every attempt; the adapter only says what "load", "the call", "read back" and "proof" mean for its action.
 */
export interface SideEffectAdapter<I extends EffectClaim, T extends EffectTarget> {
  readonly action: PolicyAction;
  readonly subjectType: string;
  subjectId(input: I): string;
  /** Step 1 (C-05): load by id AND tenant; throw a tenant refusal on any mismatch with the stored record. */
  load(m: EntityManager, input: I): Promise<T>;
  /** Runs in step 1's transaction on attempts that will go on to the platform (e.g. recording `publishing`). */
  onStart?(m: EntityManager, target: T, input: I, actor: string): Promise<void>;
  /** Step 2: the facts the policy needs about this action (author, approvals and their roles, content). */
  facts(m: EntityManager, target: T, input: I): Promise<EffectFacts>;
  /** What the platform shows back, hashed: kept in the ledger from the first attempt, matched by reconciliation. */
  contentFingerprint(target: T): string;
  /** Step 5: the call, carrying the idempotency key. */
  call(
    writer: ConnectorWriter,
    cred: ConnectorCredential,
    target: T,
    input: I,
    opts: CallOptions,
  ): Promise<EffectCallResult>;
  /**
   * Whether the platform's connectors can take this action at all (engagement actions need the engagement
   * capability); a reason refuses it before any call. Absent: every platform can.
   */
  unsupported?(writer: ConnectorWriter, reader: ConnectorReader): Reason | null;
  /**
   * Reconciliation after an unknown outcome: find what an earlier attempt made. Absent: the account's own posts are
   * searched (findOurPost).
   */
  reconcile?(
    reader: ConnectorReader,
    cred: ConnectorCredential,
    target: T,
    q: { idempotencyKey: string; firstAttemptAt: Date },
    opts: CallOptions,
  ): Promise<{ found: PlatformPost | null } | { ambiguous: PlatformPost[] }>;
  /** Step 6's read: absent, the post is read by id (readPost). */
  readBack?(
    reader: ConnectorReader,
    cred: ConnectorCredential,
    post: PlatformPost,
    target: T,
    opts: CallOptions,
  ): Promise<PlatformPost | null>;
  /** Step 6 (C-24): does the read-back show exactly what we sent, by the account we sent it as? */
  verifies(readBack: PlatformPost, target: T): boolean;
  /** Step 7: proof, status and audit, inside the kernel's final transaction (with the ledger settle). */
  record(m: EntityManager, target: T, input: I, r: EffectRecord): Promise<void>;
}
