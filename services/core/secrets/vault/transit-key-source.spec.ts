import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { AuditInput } from '../../audit/audit.service';
import { UnknownCodecKeyError } from '../../temporal/codec/codec-key-source';
import type { SecretsPort } from '../secrets.port';
import { SecretNotFoundError } from '../secrets.port';
import { TransitCodecKeySource, TRANSIT_CODEC_CURRENT_SECRET, transitCodecKeySecret } from './transit-key-source';
import { TransitDecryptError } from './vault-error';
import type { TransitKeyProvider } from './vault-transit';

// Vault Transit in memory: AES-GCM with the context as associated data, one key per version. The real
// server runs in test/integration/secrets-contract.test.ts when an OpenBao binary is built.
class FakeTransit implements TransitKeyProvider {
  readonly keys = new Map<string, Buffer[]>();
  readonly calls: string[] = [];

  async ensureKey(name: string): Promise<void> {
    this.calls.push(`ensure ${name}`);
    if (!this.keys.has(name)) this.keys.set(name, [randomBytes(32)]);
  }
  async encrypt(name: string, plaintext: Buffer, context?: string): Promise<string> {
    const versions = this.versions(name);
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', versions[versions.length - 1], iv).setAAD(Buffer.from(context ?? ''));
    const body = Buffer.concat([iv, c.update(plaintext), c.final(), c.getAuthTag()]);
    return `vault:v${versions.length}:${body.toString('base64')}`;
  }
  async decrypt(name: string, ciphertext: string, context?: string): Promise<Buffer> {
    const [, v, b64] = /^vault:v(\d+):(.*)$/.exec(ciphertext) ?? [];
    const key = this.versions(name)[Number(v) - 1];
    const body = Buffer.from(b64 ?? '', 'base64');
    try {
      const d = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12)).setAAD(Buffer.from(context ?? ''));
      d.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([d.update(body.subarray(12, body.length - 16)), d.final()]);
    } catch {
      throw new TransitDecryptError(name);
    }
  }
  async rotate(name: string): Promise<number> {
    this.calls.push(`rotate ${name}`);
    this.versions(name).push(randomBytes(32));
    return this.versions(name).length;
  }
  async keyVersion(name: string): Promise<number> {
    return this.versions(name).length;
  }
  private versions(name: string): Buffer[] {
    const v = this.keys.get(name);
    if (!v) throw new Error(`no transit key ${name}`);
    return v;
  }
}

class MemorySecrets implements SecretsPort {
  readonly backend = 'vault' as const;
  readonly values = new Map<string, string>();
  async put(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async get(key: string): Promise<string> {
    const v = this.values.get(key);
    if (v === undefined) throw new SecretNotFoundError(key);
    return v;
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

describe('TransitCodecKeySource', () => {
  it('[C-13] keeps only Transit-wrapped keys in KV, bound to their id', async () => {
    const transit = new FakeTransit();
    const kv = new MemorySecrets();
    const { id, key } = await new TransitCodecKeySource({ transit, kv }).currentKey();
    expect(await kv.get(TRANSIT_CODEC_CURRENT_SECRET)).toBe(id);
    const entry = await kv.get(transitCodecKeySecret(id));
    expect(entry).toMatch(/"wrapped":"vault:v1:/);
    expect(entry).not.toContain(key.toString('base64'));
    const otherId = 'ffffffffffffffff';
    await kv.put(transitCodecKeySecret(otherId), entry);
    await expect(new TransitCodecKeySource({ transit, kv }).keyById(otherId)).rejects.toBeInstanceOf(
      TransitDecryptError,
    );
  });

  it('[C-16] rotation rotates the wrapping key, makes a new key current at once, keeps old keys and is audited', async () => {
    const transit = new FakeTransit();
    const kv = new MemorySecrets();
    const audited: AuditInput[] = [];
    const source = new TransitCodecKeySource({
      transit,
      kv,
      wrappingKey: 'kek-1',
      audit: { append: async (e) => audited.push(e) },
      actor: 'user:ops',
    });
    const first = await source.currentKey();
    const { id } = await source.rotate();
    expect((await source.currentKey()).id).toBe(id);
    expect(transit.calls).toContain('rotate kek-1');
    expect(await kv.get(transitCodecKeySecret(id))).toMatch(/"wrapped":"vault:v2:/);
    const fresh = new TransitCodecKeySource({ transit, kv, wrappingKey: 'kek-1' });
    expect((await fresh.currentKey()).id).toBe(id);
    expect((await fresh.keyById(first.id)).equals(first.key)).toBe(true);
    expect(audited).toEqual([
      expect.objectContaining({
        action: 'codec.key_rotated',
        actor: 'user:ops',
        subjectId: id,
        data: { previousKeyId: first.id, wrappedBy: 'transit:kek-1' },
      }),
    ]);
  });

  it('leaves an operator-managed wrapping key alone', async () => {
    const transit = new FakeTransit();
    await transit.ensureKey('ops-kek');
    transit.calls.length = 0;
    const source = new TransitCodecKeySource({
      transit,
      kv: new MemorySecrets(),
      wrappingKey: 'ops-kek',
      manageWrappingKey: false,
    });
    await source.currentKey();
    await source.rotate();
    expect(transit.calls).toEqual([]);
  });

  it('asks Transit once per key, and refuses unknown and malformed ids', async () => {
    const transit = new FakeTransit();
    const kv = new MemorySecrets();
    const { id } = await new TransitCodecKeySource({ transit, kv }).currentKey();
    const source = new TransitCodecKeySource({ transit, kv });
    const decrypt = jest.spyOn(transit, 'decrypt');
    for (let i = 0; i < 5; i++) await source.keyById(id);
    expect(decrypt).toHaveBeenCalledTimes(1);
    await expect(source.keyById('0123456789abcdef')).rejects.toBeInstanceOf(UnknownCodecKeyError);
    await expect(source.keyById('../current')).rejects.toBeInstanceOf(UnknownCodecKeyError);
  });
});
