import type { SecretsPort } from '../../secrets/secrets.port';
import { readOptionalSecret } from '../../secrets/secrets.port';
import type { CodecKeyCacheOptions } from './codec-key-source';
import { UnknownCodecKeyError } from './codec-key-source';
import { CODEC_CURRENT_SECRET, codecKeySecret } from './secrets-key-source';

const KEY_ID = /^[0-9a-f]{16}$/;

export class CodecKeyInUseError extends Error {
  constructor(id: string) {
    super(`codec key ${id} is the current key: rotate first, then retire it after the retention period`);
    this.name = 'CodecKeyInUseError';
  }
}

/**
 * Deletes an old payload codec key once no history can hold payloads sealed with it any more (the namespace's
 * retention plus any saved history, docs/runbooks/rotate-codec-keys.md). The current key is never retired;
 * the retirement is audited (C-16).
 */
export async function retireCodecKey(
  secrets: SecretsPort,
  id: string,
  opts: Pick<CodecKeyCacheOptions, 'audit' | 'actor'> = {},
): Promise<void> {
  if (!KEY_ID.test(id)) throw new UnknownCodecKeyError(id);
  if ((await readOptionalSecret(secrets, CODEC_CURRENT_SECRET))?.trim() === id) throw new CodecKeyInUseError(id);
  if ((await readOptionalSecret(secrets, codecKeySecret(id))) === undefined) throw new UnknownCodecKeyError(id);
  await secrets.delete(codecKeySecret(id));
  await opts.audit?.append({
    agencyId: null,
    clientId: null,
    actor: opts.actor ?? 'system:codec',
    action: 'codec.key_retired',
    subjectType: 'codec_key',
    subjectId: id,
  });
}
