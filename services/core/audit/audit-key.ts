import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { SecretsPort } from '../secrets/secrets.port';
import { readOptionalSecret } from '../secrets/secrets.port';

export const AUDIT_KEY_SECRET = 'audit/chain-key';

const storedKeySchema = z.object({ alg: z.literal('HMAC-SHA256'), key: z.string().min(1), createdAt: z.string() });

/**
 * The audit chain's HMAC key (C-48), kept in the secrets backend and never in the database, logs or errors.
 * Created on first use; the creation is serialised through a database advisory lock in the caller's
 * transaction, so an API and a worker starting side by side agree on one key.
 */
export class AuditKey {
  private cached?: Promise<Buffer>;

  constructor(private readonly secrets: SecretsPort) {}

  /** The key, creating it when the installation has none yet. */
  forAppend(m: EntityManager): Promise<Buffer> {
    this.cached ??= this.loadOrCreate(m).catch((err: unknown) => {
      this.cached = undefined;
      throw err;
    });
    return this.cached;
  }

  /** The key if one exists (verification never creates one). */
  async forVerify(): Promise<Buffer | undefined> {
    if (this.cached) return this.cached;
    const raw = await readOptionalSecret(this.secrets, AUDIT_KEY_SECRET);
    return raw === undefined ? undefined : decode(raw);
  }

  private async loadOrCreate(m: EntityManager): Promise<Buffer> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('raize.audit.chain-key'))`);
    const raw = await readOptionalSecret(this.secrets, AUDIT_KEY_SECRET);
    if (raw !== undefined) return decode(raw);
    const key = randomBytes(32);
    const stored = { alg: 'HMAC-SHA256' as const, key: key.toString('base64'), createdAt: new Date().toISOString() };
    await this.secrets.put(AUDIT_KEY_SECRET, JSON.stringify(stored));
    return key;
  }
}

function decode(raw: string): Buffer {
  const key = Buffer.from(storedKeySchema.parse(JSON.parse(raw)).key, 'base64');
  if (key.length < 32) throw new Error(`${AUDIT_KEY_SECRET} holds a key shorter than 32 bytes`);
  return key;
}
