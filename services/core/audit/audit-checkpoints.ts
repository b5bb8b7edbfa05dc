import { z } from 'zod';
import type { SecretsPort } from '../secrets/secrets.port';
import { readOptionalSecret } from '../secrets/secrets.port';
import { logger } from '../telemetry/logger';

/**
 * A chain's head as last seen committed (seq, hash), and the first seq hashed with the key: rows below
 * `keyedFrom` were written before the chain was keyed and verify as plain SHA-256, anchored by the keyed row
 * that links to them.
 */
export interface AuditCheckpoint {
  seq: string;
  hash: string;
  keyedFrom: string;
}

const checkpointSchema = z.object({
  seq: z.string().regex(/^\d+$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  keyedFrom: z.string().regex(/^\d+$/),
});

export const auditCheckpointSecret = (chainKey: string): string => `audit/checkpoints/${chainKey}`;

/**
 * Chain heads checkpointed into the secrets backend (C-48), outside the reach of a database superuser, so
 * verification notices rows cut off the end of a chain or rewritten with recomputed hashes.
 *
 * Written after every commit that appends to a chain (a keyring write or one Vault call), never moved
 * backwards by this process; a checkpoint write that fails is logged and leaves the checkpoint behind
 * (verification then covers the chain up to it), it never fails the committed change.
 */
export class AuditCheckpoints {
  private readonly anchored = new Map<string, AuditCheckpoint>();
  private readonly queue = new Map<string, Promise<void>>();

  constructor(private readonly secrets: SecretsPort) {}

  async read(chainKey: string): Promise<AuditCheckpoint | undefined> {
    const raw = await readOptionalSecret(this.secrets, auditCheckpointSecret(chainKey));
    return raw === undefined ? undefined : checkpointSchema.parse(JSON.parse(raw));
  }

  /**
   * Called under the chain's lock with its committed head, before the first keyed row is written: a chain
   * without a checkpoint gets one at that head, and every row after it must carry the keyed hash.
   */
  async anchor(chainKey: string, head: { seq: string; hash: string } | null, genesis: string): Promise<void> {
    if (this.anchored.has(chainKey)) return;
    let cp = await this.read(chainKey);
    if (!cp) {
      const seq = head?.seq ?? '0';
      cp = { seq, hash: head?.hash ?? genesis, keyedFrom: String(BigInt(seq) + 1n) };
      await this.secrets.put(auditCheckpointSecret(chainKey), JSON.stringify(cp));
    }
    this.anchored.set(chainKey, cp);
    if (this.anchored.size > 10_000) this.anchored.clear();
  }

  /** Moves the chain's checkpoint forward to a committed head; one write at a time per chain. */
  advance(chainKey: string, head: { seq: string; hash: string }): Promise<void> {
    const next = (this.queue.get(chainKey) ?? Promise.resolve()).then(() => this.write(chainKey, head));
    this.queue.set(chainKey, next);
    return next.finally(() => {
      if (this.queue.get(chainKey) === next) this.queue.delete(chainKey);
    });
  }

  private async write(chainKey: string, head: { seq: string; hash: string }): Promise<void> {
    try {
      const current = await this.read(chainKey);
      if (!current) return; // anchor() runs before any keyed row; no checkpoint means the key store was reset
      if (BigInt(head.seq) <= BigInt(current.seq)) return;
      const cp: AuditCheckpoint = { ...head, keyedFrom: current.keyedFrom };
      await this.secrets.put(auditCheckpointSecret(chainKey), JSON.stringify(cp));
    } catch {
      logger.warn(
        { 'raize.operation': 'audit.checkpoint', 'raize.outcome': 'failed' },
        'audit checkpoint not written; it stays at an earlier head',
      );
    }
  }
}
