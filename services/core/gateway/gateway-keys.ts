import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { SecretsPort } from '../secrets/secrets.port';
import { readOptionalSecret } from '../secrets/secrets.port';
import { realDataSource } from '../tenancy/tenant-scope';

/** Signs and checks the short-lived tokens Raize mints for its activities' gateway calls. */
export const ACTIVITY_TOKEN_KEY_SECRET = 'gateway/activity-token-key';
/** Signs the tool registry's definitions (C-37); held in the secrets backend, never in the database. */
export const REGISTRY_SIGNING_KEY_SECRET = 'gateway/registry-signing-key';

const storedKeySchema = z.object({ alg: z.literal('HMAC-SHA256'), key: z.string().min(1), createdAt: z.string() });

/** A key that exists, or undefined: a reader (the gateway checking a signature) never creates one. */
export async function readGatewayKey(secrets: SecretsPort, name: string): Promise<Buffer | undefined> {
  const raw = await readOptionalSecret(secrets, name);
  return raw === undefined ? undefined : decode(name, raw);
}

/**
 * The key, created when the installation has none yet. Creation is serialised by a database advisory lock, so a
 * worker, a gateway and a bootstrap starting side by side agree on one key.
 */
export async function ensureGatewayKey(ds: DataSource, secrets: SecretsPort, name: string): Promise<Buffer> {
  const existing = await readGatewayKey(secrets, name);
  if (existing) return existing;
  return realDataSource(ds).transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`raize.${name}`]);
    const again = await readGatewayKey(secrets, name);
    if (again) return again;
    const key = randomBytes(32);
    await secrets.put(
      name,
      JSON.stringify({ alg: 'HMAC-SHA256', key: key.toString('base64'), createdAt: new Date().toISOString() }),
    );
    return key;
  });
}

function decode(name: string, raw: string): Buffer {
  const key = Buffer.from(storedKeySchema.parse(JSON.parse(raw)).key, 'base64');
  if (key.length < 32) throw new Error(`${name} holds a key shorter than 32 bytes`);
  return key;
}
