import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { RaizeEnv } from '../config/app-config';
import type { SecretsPort } from '../secrets/secrets.port';
import { readOptionalSecret } from '../secrets/secrets.port';
import { ArtifactConfigError, ArtifactRejectedError } from './artifact.errors';
import { keyOfClient } from './artifact-key';

/** Where the HMAC key of the local backend's signed URLs lives in the secrets backend (never in the database). */
export const ARTIFACT_URL_KEY_SECRET = 'artifacts/url-signing-key';

const TOKEN = /^([A-Za-z0-9_-]{1,1200})\.([A-Za-z0-9_-]{43})$/;
const payloadSchema = z.strictObject({
  v: z.literal(1),
  k: z.string().max(200),
  c: z.string().uuid(),
  e: z.number().int().positive(),
});
const storedKeySchema = z.object({ alg: z.literal('HMAC-SHA256'), key: z.string().min(43) });

export interface VerifiedArtifactToken {
  key: string;
  clientId: string;
  expiresAt: Date;
}

/**
 * Tokens of the local backend's signed URLs (C-46): the key, the client and the expiry, signed with HMAC-SHA256
 * under a key of the secrets backend. Changing any of the three (another client's id, a later expiry, a
 * neighbouring key) breaks the signature; the expiry is Raize's own, never a library default.
 */
export class ArtifactUrlSigner {
  private key?: Promise<Buffer>;

  constructor(
    private readonly secrets: SecretsPort,
    private readonly env: RaizeEnv,
    private readonly now: () => number = Date.now,
  ) {}

  async sign(key: string, clientId: string, ttlSeconds: number): Promise<string> {
    keyOfClient(key, clientId);
    // Rounded up: the link lives at least ttlSeconds, never a fraction of a second less.
    const e = Math.ceil(this.now() / 1000) + ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ v: 1, k: key, c: clientId, e })).toString('base64url');
    return `${payload}.${mac(await this.signingKey(), key, clientId, e).toString('base64url')}`;
  }

  /** The token's key and client if the signature holds and it has not expired; refused otherwise. */
  async verify(token: string): Promise<VerifiedArtifactToken> {
    const m = typeof token === 'string' ? TOKEN.exec(token) : null;
    if (!m) throw new ArtifactRejectedError('bad_signature', 'the link is malformed');
    let payload: z.infer<typeof payloadSchema>;
    try {
      payload = payloadSchema.parse(JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')));
    } catch {
      throw new ArtifactRejectedError('bad_signature', 'the link is malformed');
    }
    const expected = mac(await this.signingKey(), payload.k, payload.c, payload.e);
    const given = Buffer.from(m[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new ArtifactRejectedError('bad_signature', 'the link has been altered or was not issued by Raize');
    if (payload.e * 1000 <= this.now()) throw new ArtifactRejectedError('expired', 'the link has expired');
    keyOfClient(payload.k, payload.c);
    return { key: payload.k, clientId: payload.c, expiresAt: new Date(payload.e * 1000) };
  }

  /** Loads the key now, so a production process without one refuses to start rather than on first download. */
  async ready(): Promise<void> {
    await this.signingKey();
  }

  private signingKey(): Promise<Buffer> {
    this.key ??= loadSigningKey(this.secrets, this.env).catch((err: unknown) => {
      this.key = undefined;
      throw err;
    });
    return this.key;
  }
}

function mac(secret: Buffer, key: string, clientId: string, exp: number): Buffer {
  return createHmac('sha256', secret).update(`raize-artifact-url/v1\n${key}\n${clientId}\n${exp}`).digest();
}

/**
 * Development and tests create the key on first use; production refuses to run without one provisioned
 * (ensureArtifactUrlKey from an operator's tool), so a wiped or misconfigured secrets backend cannot silently
 * mint a new key that no running process agrees on.
 */
async function loadSigningKey(secrets: SecretsPort, env: RaizeEnv): Promise<Buffer> {
  const raw = await readOptionalSecret(secrets, ARTIFACT_URL_KEY_SECRET);
  if (raw !== undefined) return decode(raw);
  if (env === 'production')
    throw new ArtifactConfigError([
      `${ARTIFACT_URL_KEY_SECRET}: no signing key in the secrets backend; provision one before starting in production`,
    ]);
  return ensureArtifactUrlKey(secrets);
}

/**
 * Several stores of one process (the API builds one per module) create the key once between them: without this, two
 * of them could each write a key and keep the one they wrote, and one's links would fail the other's check.
 */
const creating = new WeakMap<SecretsPort, Promise<Buffer>>();
const KEY_SETTLE_MS = 300;

/** Creates the signing key when there is none (idempotent); returns the key stored. */
export function ensureArtifactUrlKey(secrets: SecretsPort): Promise<Buffer> {
  let found = creating.get(secrets);
  if (!found) {
    found = createKeyOnce(secrets).finally(() => creating.delete(secrets));
    creating.set(secrets, found);
  }
  return found;
}

async function createKeyOnce(secrets: SecretsPort): Promise<Buffer> {
  const existing = await readOptionalSecret(secrets, ARTIFACT_URL_KEY_SECRET);
  if (existing !== undefined) return decode(existing);
  const stored = { alg: 'HMAC-SHA256', key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() };
  await secrets.put(ARTIFACT_URL_KEY_SECRET, JSON.stringify(stored));
  // Two processes (or two keyrings of one process) starting together may both have found no key and both write it:
  // each reads back after the others' writes have landed, so all of them use the one that landed last.
  await new Promise((r) => setTimeout(r, KEY_SETTLE_MS));
  return decode(await secrets.get(ARTIFACT_URL_KEY_SECRET));
}

function decode(raw: string): Buffer {
  let key: Buffer;
  try {
    key = Buffer.from(storedKeySchema.parse(JSON.parse(raw)).key, 'base64');
  } catch {
    throw new ArtifactConfigError([`${ARTIFACT_URL_KEY_SECRET}: the stored value is not a signing key`]);
  }
  if (key.length < 32) throw new ArtifactConfigError([`${ARTIFACT_URL_KEY_SECRET}: the key is shorter than 32 bytes`]);
  return key;
}
