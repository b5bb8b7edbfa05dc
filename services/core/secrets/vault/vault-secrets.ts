import type { SecretsPort } from '../secrets.port';
import { SecretNotFoundError } from '../secrets.port';
import type { VaultClient, VaultSettings } from './vault-client';
import { createVaultClient } from './vault-client';
import { toVaultError, vaultStatus, VaultRequestError } from './vault-error';
import { vaultPath } from './vault-paths';

/**
 * The production secrets backend (C-11): Vault or OpenBao KV version 2. A key `k` lives at
 * `<kvMount>/data/<prefix>/k` as `{ value }`; Vault encrypts it at rest and versions it. Deleting removes
 * the metadata, so no older version of a revoked token stays readable.
 */
export class VaultSecrets implements SecretsPort {
  readonly backend = 'vault' as const;
  private readonly client: VaultClient;
  private readonly mount: string;
  private readonly prefix: string;

  constructor(private readonly settings: VaultSettings) {
    this.client = createVaultClient(settings);
    this.mount = vaultPath('KV mount', settings.kvMount ?? 'secret');
    this.prefix = vaultPath('secret prefix', settings.prefix ?? 'raize');
  }

  async put(key: string, value: string): Promise<void> {
    if (typeof value !== 'string') throw new TypeError('a secret value must be a string');
    const path = this.path('data', key);
    try {
      await this.client.write(path, { data: { value } });
    } catch (err) {
      throw toVaultError('write', `secret ${key}`, err, [value, this.settings.token]);
    }
  }

  async get(key: string): Promise<string> {
    const path = this.path('data', key);
    let body: { data?: { data?: { value?: unknown } } };
    try {
      body = (await this.client.read(path)) as typeof body;
    } catch (err) {
      // KV v2 answers 404 both for a key never written and for one whose latest version was deleted.
      if (vaultStatus(err) === 404) throw new SecretNotFoundError(key);
      throw toVaultError('read', `secret ${key}`, err, [this.settings.token]);
    }
    const value = body?.data?.data?.value;
    if (typeof value !== 'string')
      throw new VaultRequestError(
        'read',
        `secret ${key}`,
        undefined,
        'the stored entry has no string "value" (not written by Raize)',
      );
    return value;
  }

  async delete(key: string): Promise<void> {
    const path = this.path('metadata', key);
    try {
      await this.client.delete(path);
    } catch (err) {
      if (vaultStatus(err) === 404) return;
      throw toVaultError('delete', `secret ${key}`, err, [this.settings.token]);
    }
  }

  private path(kind: 'data' | 'metadata', key: string): string {
    return `${this.mount}/${kind}/${this.prefix}/${vaultPath('secret key', key)}`;
  }
}
