import type { BrowserProof } from '../../../services/core/browser/browser-driver.port';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  ConnectorWriter,
} from '../../../services/core/connectors/connector.types';
import type { PolicyAction } from '../../../services/core/policy/policy.types';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import type { FingerprintCheck } from '../fingerprint.guard';
import type { EffectTarget } from '../kernel/side-effect.adapter';

/**
 * The writer, reader and identity check one attempt of a side effect runs with, chosen by the account's lane
 * (API, browser, or hybrid). The guard around them is the same for every lane; only these differ.
 */
export interface LaneSession {
  /** the credential the API connector calls carry; the browser lane's calls ignore it (the profile is the session) */
  readonly cred: ConnectorCredential;
  readonly reader: ConnectorReader;
  readonly writer: ConnectorWriter;
  /** the stored token behind `cred`, when there is one: forgotten when the platform refuses it */
  readonly credentialRefId: string | null;
  /** step 3 (C-19, C-41): the identity behind the session is, right now, the account we connected */
  assertIdentity(actor: string, opts: CallOptions): Promise<FingerprintCheck>;
  /** proof gathered through the page during this attempt (browser lanes); null for the API lane */
  proof(): BrowserProof | null;
  close(): Promise<void>;
}

export interface LaneOpenContext {
  action: PolicyAction;
  actor: string;
  opts: CallOptions;
}

/** Opens the lane an account's action runs through, or says why it cannot (a clear reason, never a guess). */
export interface LaneResolver {
  open(target: EffectTarget, ctx: LaneOpenContext): Promise<LaneSession | { refused: Reason }>;
  /**
   * The browser lane stopped before a click (drift, a challenge page, a manifest that does not verify): the profile
   * turns read-only, an alert goes out, and the reason is returned for the episode to wait on. Undefined for errors
   * that are not lane stops.
   */
  stopped?(err: unknown, target: EffectTarget, actor: string): Promise<Reason | undefined>;
}
