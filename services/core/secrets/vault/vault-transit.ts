import type { VaultClient, VaultSettings } from './vault-client';
import { createVaultClient } from './vault-client';
import { toVaultError, TransitDecryptError, vaultStatus } from './vault-error';
import { transitKeyName, vaultPath } from './vault-paths';

/**
 * Encryption keys that never leave Vault (C-13, C-16): callers get ciphertexts (`vault:v<version>:...`)
 * and send them back to decrypt. Rotation adds a version; ciphertexts of every earlier version still
 * decrypt (unless an operator raises the key's min_decryption_version).
 */
export interface TransitKeyProvider {
  /** Creates an aes256-gcm96 key under this name unless one exists. */
  ensureKey(name: string): Promise<void>;
  /** `context` is bound as AEAD associated data: decrypting needs the same context. */
  encrypt(name: string, plaintext: Buffer, context?: string): Promise<string>;
  /** Throws TransitDecryptError when the ciphertext, key or context does not match. */
  decrypt(name: string, ciphertext: string, context?: string): Promise<Buffer>;
  /** Adds a key version and returns its number. */
  rotate(name: string): Promise<number>;
  /** The latest key version, the one new ciphertexts use. */
  keyVersion(name: string): Promise<number>;
}

type TransitResponse = { data?: { ciphertext?: unknown; latest_version?: unknown } } | undefined;

const CIPHERTEXT = /^vault:v\d+:[A-Za-z0-9+/=]+$/;

/** TransitKeyProvider on Vault/OpenBao's Transit engine. */
export class VaultTransit implements TransitKeyProvider {
  private readonly client: VaultClient;
  private readonly mount: string;

  constructor(private readonly settings: VaultSettings) {
    this.client = createVaultClient(settings);
    this.mount = vaultPath('transit mount', settings.transitMount ?? 'transit');
  }

  async ensureKey(name: string): Promise<void> {
    await this.call('create', name, () =>
      this.client.write(`${this.mount}/keys/${transitKeyName(name)}`, { type: 'aes256-gcm96' }),
    );
  }

  async encrypt(name: string, plaintext: Buffer, context?: string): Promise<string> {
    const body = { plaintext: plaintext.toString('base64'), ...aad(context) };
    const res = await this.call(
      'encrypt',
      name,
      () => this.client.write(`${this.mount}/encrypt/${transitKeyName(name)}`, body),
      [body.plaintext],
    );
    const ct = res?.data?.ciphertext;
    if (typeof ct !== 'string' || !CIPHERTEXT.test(ct))
      throw new Error(`transit encrypt with key ${name} returned no ciphertext`);
    return ct;
  }

  async decrypt(name: string, ciphertext: string, context?: string): Promise<Buffer> {
    if (typeof ciphertext !== 'string' || !CIPHERTEXT.test(ciphertext)) throw new TransitDecryptError(name);
    const path = `${this.mount}/decrypt/${transitKeyName(name)}`;
    let res: { data?: { plaintext?: unknown } };
    try {
      res = (await this.client.write(path, { ciphertext, ...aad(context) })) as typeof res;
    } catch (err) {
      // Transit answers 400 for a ciphertext that fails authentication, is malformed or names a version it lacks.
      if (vaultStatus(err) === 400) throw new TransitDecryptError(name);
      throw toVaultError('decrypt', `transit key ${name}`, err, [this.settings.token]);
    }
    const pt = res?.data?.plaintext;
    // An empty plaintext comes back as an absent field.
    if (pt === undefined || pt === null || pt === '') return Buffer.alloc(0);
    if (typeof pt !== 'string') throw new TransitDecryptError(name);
    return Buffer.from(pt, 'base64');
  }

  async rotate(name: string): Promise<number> {
    const res = await this.call('rotate', name, () =>
      this.client.write(`${this.mount}/keys/${transitKeyName(name)}/rotate`, {}),
    );
    const v = res?.data?.latest_version;
    return typeof v === 'number' ? v : this.keyVersion(name);
  }

  async keyVersion(name: string): Promise<number> {
    const res = await this.call('read key', name, () => this.client.read(`${this.mount}/keys/${transitKeyName(name)}`));
    const v = res?.data?.latest_version;
    if (typeof v !== 'number') throw new Error(`transit key ${name} has no latest_version`);
    return v;
  }

  private async call(
    op: string,
    name: string,
    fn: () => Promise<unknown>,
    neverShow: string[] = [],
  ): Promise<TransitResponse> {
    try {
      return (await fn()) as TransitResponse;
    } catch (err) {
      throw toVaultError(op, `transit key ${name}`, err, [this.settings.token, ...neverShow]);
    }
  }
}

function aad(context: string | undefined): { associated_data?: string } {
  return context === undefined ? {} : { associated_data: Buffer.from(context, 'utf8').toString('base64') };
}
