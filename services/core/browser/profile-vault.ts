import { z } from 'zod';
import type { SecretsPort } from '../secrets/secrets.port';
import { parseStorageState, type StorageState } from './storage-state.schema';

const PREFIX = 'browser-profiles/';
const owner = z.object({ clientId: z.uuid(), profileId: z.uuid() });

/**
 * Browser sessions at rest (C-40): each profile's storage state is one secret of the secrets backend (the keyring
 * seals it with AES-256-GCM under the master key; Vault keeps it in its KV), never a database value. The key is
 * derived from the client and the profile, so a row cannot point one profile at another client's session without
 * the service noticing (`keyFor` against the row).
 */
export class ProfileVault {
  constructor(private readonly secrets: SecretsPort) {}

  /** `browser-profiles/<clientId>/<profileId>`; both must be UUIDs, so a key never walks out of its folder. */
  keyFor(p: { clientId: string; profileId: string }): string {
    const { clientId, profileId } = owner.parse(p);
    return `${PREFIX}${clientId}/${profileId}`;
  }

  /** Validates and stores (or replaces) the profile's session; returns the secret key the row records. */
  async store(p: { clientId: string; profileId: string }, state: StorageState): Promise<string> {
    const key = this.keyFor(p);
    await this.secrets.put(key, JSON.stringify(parseStorageState(state)));
    return key;
  }

  /**
   * The stored session, validated again on the way out (the backend is trusted with secrecy, not with shape).
   * Throws SecretNotFoundError / SecretDecryptError from the backend, InvalidStorageStateError on a bad value.
   */
  async open(secretKey: string): Promise<StorageState> {
    return parseStorageState(await this.secrets.get(checked(secretKey)));
  }

  async remove(secretKey: string): Promise<void> {
    await this.secrets.delete(checked(secretKey));
  }
}

/** Only keys of this vault: a row's secret_key is database data and must not reach other secrets (signing keys). */
function checked(secretKey: string): string {
  const [, clientId, profileId, ...rest] = secretKey.split('/');
  if (!secretKey.startsWith(PREFIX) || rest.length || !owner.safeParse({ clientId, profileId }).success)
    throw new Error('not a browser profile key');
  return secretKey;
}
