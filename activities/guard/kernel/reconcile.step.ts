import type { EntityManager } from 'typeorm';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  PlatformPost,
} from '../../../services/core/connectors/connector.types';
import { contentFingerprint } from '../../../services/core/connectors/content-fingerprint';
import type { SideEffectLedgerRepository } from '../../../services/core/repositories/side-effect-ledger.repository';

/** Platforms' clocks and ours disagree a little; a post cannot predate our first attempt by more than this. */
const CLOCK_SKEW_MS = 30_000;

export type ReconcileResult = { found: PlatformPost } | { found: null } | { ambiguous: PlatformPost[] };

export interface ReconcileQuery {
  idempotencyKey: string;
  platformAccountId: string;
  action: string;
  /** the fingerprint of the first attempt's content */
  fingerprint: string;
  /** the work's creation: the lookback goes at least this far */
  since: Date;
  firstAttemptAt: Date;
  maxPages: number;
}

/**
 * Finds the post an earlier attempt may have made, and only ours (C-22): where the platform echoes our request
 * key the match is exact; otherwise a post with the same content counts only if it was made after our first
 * attempt and no other ledger row already owns it — and two such candidates are ambiguous, never guessed.
 */
export async function findOurPost(
  m: EntityManager,
  ledger: SideEffectLedgerRepository,
  reader: ConnectorReader,
  cred: ConnectorCredential,
  q: ReconcileQuery,
  opts: CallOptions,
): Promise<ReconcileResult> {
  const candidates: PlatformPost[] = [];
  const earliest = q.firstAttemptAt.getTime() - CLOCK_SKEW_MS;
  let seen = 0;
  for await (const post of reader.ownPostsSince(cred, q.since, opts)) {
    seen++;
    if (seen % 50 === 0) opts.onProgress?.();
    if (post.requestKey !== null) {
      if (post.requestKey === q.idempotencyKey) return { found: post };
      continue;
    }
    if (contentFingerprint({ text: post.text }) !== q.fingerprint) continue;
    if (Date.parse(post.createdAt) < earliest) continue;
    const taken = await ledger.postClaimedElsewhere(m, {
      platformAccountId: q.platformAccountId,
      action: q.action,
      postId: post.postId,
      idempotencyKey: q.idempotencyKey,
    });
    if (!taken) candidates.push(post);
    if (seen > q.maxPages * 100) break;
  }
  if (candidates.length === 1) return { found: candidates[0]! };
  if (candidates.length > 1) return { ambiguous: candidates };
  return { found: null };
}
