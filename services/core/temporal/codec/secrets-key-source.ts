import { z } from 'zod';
import type { SecretsPort } from '../../secrets/secrets.port';
import { readOptionalSecret } from '../../secrets/secrets.port';
import { CachedCodecKeySource } from './cached-codec-key-source';
import type { CodecKeyCacheOptions, CodecKeyStore } from './codec-key-source';

export const CODEC_CURRENT_SECRET = 'codec/current';
export const codecKeySecret = (id: string): string => `codec/keys/${id}`;

const storedKeySchema = z.object({ alg: z.literal('AES-256-GCM'), key: z.string().min(1), createdAt: z.string() });

/** Keys as secrets in any SecretsPort (keyring or Vault KV), wrapped by that backend's own master key. */
class SecretsCodecKeyStore implements CodecKeyStore {
  constructor(private readonly secrets: SecretsPort) {}

  async readCurrentId(): Promise<string | undefined> {
    return (await readOptionalSecret(this.secrets, CODEC_CURRENT_SECRET))?.trim() || undefined;
  }

  async readKey(id: string): Promise<Buffer | undefined> {
    const raw = await readOptionalSecret(this.secrets, codecKeySecret(id));
    return raw === undefined ? undefined : Buffer.from(storedKeySchema.parse(JSON.parse(raw)).key, 'base64');
  }

  async writeKey(id: string, key: Buffer): Promise<void> {
    const stored = { alg: 'AES-256-GCM' as const, key: key.toString('base64'), createdAt: new Date().toISOString() };
    await this.secrets.put(codecKeySecret(id), JSON.stringify(stored));
  }

  async writeCurrentId(id: string): Promise<void> {
    await this.secrets.put(CODEC_CURRENT_SECRET, id);
  }
}

/**
 * Payload codec keys kept in the secrets backend: `codec/keys/<id>` holds each key, `codec/current` the id
 * new payloads use.
 */
export class SecretsCodecKeySource extends CachedCodecKeySource {
  constructor(secrets: SecretsPort, opts: CodecKeyCacheOptions = {}) {
    super(new SecretsCodecKeyStore(secrets), opts);
  }
}

/**
 * Makes a new key current (C-16). Payloads sealed under older keys keep decrypting by their key id; other
 * processes switch to the new key within their cache time. Audited when given an audit sink.
 */
export async function rotateCodecKey(
  secrets: SecretsPort,
  opts: Pick<CodecKeyCacheOptions, 'audit' | 'actor'> = {},
): Promise<string> {
  return (await new SecretsCodecKeySource(secrets, opts).rotate()).id;
}
