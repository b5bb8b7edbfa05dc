import { mkdtempSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LocalKeyring } from './local-keyring';
import { masterKeyId, resolveMasterKey } from './master-key';
import { SecretDecryptError, SecretNotFoundError } from './secrets.port';

/** The keyring file's shape, as far as these tests tamper with it. */
type KeyringFile = { entries: Record<string, { kid: string; ct: string }> };
const readKeyringFile = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as KeyringFile;

function key() {
  const k = randomBytes(32);
  return { id: masterKeyId(k), key: k };
}

describe('LocalKeyring', () => {
  const dir = mkdtempSync(join(tmpdir(), 'raize-keyring-'));

  it('round-trips a value and never writes it in the clear', async () => {
    const file = join(dir, 'a.json');
    const ring = new LocalKeyring(file, key());
    await ring.put('cred/1', 'tok_super_secret_value');
    expect(await ring.get('cred/1')).toBe('tok_super_secret_value');
    expect(readFileSync(file, 'utf8')).not.toContain('tok_super_secret_value');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('fails with the wrong master key', async () => {
    const file = join(dir, 'b.json');
    await new LocalKeyring(file, key()).put('cred/1', 'v');
    const other = key();
    const wrong = new LocalKeyring(file, { id: key().id, key: other.key });
    await expect(wrong.get('cred/1')).rejects.toBeInstanceOf(SecretDecryptError);
    // Same kid, different bytes: GCM authentication must still refuse.
    const original = readKeyringFile(file);
    const kid = original.entries['cred/1'].kid;
    await expect(new LocalKeyring(file, { id: kid, key: other.key }).get('cred/1')).rejects.toBeInstanceOf(
      SecretDecryptError,
    );
  });

  it('fails on tampered ciphertext and on a box moved to another name', async () => {
    const file = join(dir, 'c.json');
    const k = key();
    const ring = new LocalKeyring(file, k);
    await ring.put('cred/1', 'value-one');
    const data = readKeyringFile(file);
    const ct = Buffer.from(data.entries['cred/1'].ct, 'base64');
    ct[0] ^= 0x01;
    data.entries['cred/1'].ct = ct.toString('base64');
    data.entries['cred/2'] = { ...data.entries['cred/1'] };
    writeFileSync(file, JSON.stringify(data));
    await expect(ring.get('cred/1')).rejects.toBeInstanceOf(SecretDecryptError);
    await expect(ring.get('cred/2')).rejects.toBeInstanceOf(SecretDecryptError);
  });

  it('[C-15] refuses a box whose GCM tag was truncated, though its first bytes are the genuine tag', async () => {
    const file = join(dir, 'tag.json');
    const ring = new LocalKeyring(file, key());
    await ring.put('cred/1', 'value-one');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { tag: string }> };
    const tag = Buffer.from(data.entries['cred/1'].tag, 'base64');
    expect(tag.length).toBe(16);
    for (const bytes of [4, 8, 12]) {
      data.entries['cred/1'].tag = tag.subarray(0, bytes).toString('base64');
      writeFileSync(file, JSON.stringify(data));
      await expect(ring.get('cred/1')).rejects.toBeInstanceOf(SecretDecryptError);
    }
    data.entries['cred/1'].tag = tag.toString('base64');
    writeFileSync(file, JSON.stringify(data));
    expect(await ring.get('cred/1')).toBe('value-one');
  });

  it('reads values sealed under a previous key after rotation', async () => {
    const file = join(dir, 'd.json');
    const old = key();
    await new LocalKeyring(file, old).put('cred/1', 'before-rotation');
    const rotated = new LocalKeyring(file, key(), [old]);
    expect(await rotated.get('cred/1')).toBe('before-rotation');
  });

  it('reports a missing key and deletes', async () => {
    const ring = new LocalKeyring(join(dir, 'e.json'), key());
    await expect(ring.get('nope')).rejects.toBeInstanceOf(SecretNotFoundError);
    await ring.put('x', '1');
    await ring.delete('x');
    await expect(ring.get('x')).rejects.toBeInstanceOf(SecretNotFoundError);
  });

  it('generates a master key once into a 0600 file and reuses it', () => {
    const d = mkdtempSync(join(tmpdir(), 'raize-mk-'));
    const a = resolveMasterKey(undefined, d);
    const b = resolveMasterKey(undefined, d);
    expect(a.key.equals(b.key)).toBe(true);
    expect(statSync(join(d, 'master.key')).mode & 0o777).toBe(0o600);
    expect(() => resolveMasterKey('too-short', d)).toThrow(/32 bytes/);
  });
});

describe('LocalKeyring across processes', () => {
  it('loses no entry when two keyring instances (as two processes would) write at once', async () => {
    const d = mkdtempSync(join(tmpdir(), 'raize-ring-'));
    const k = resolveMasterKey(undefined, d);
    const a = new LocalKeyring(join(d, 'keyring.json'), k);
    const b = new LocalKeyring(join(d, 'keyring.json'), k);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).put(`k${i}`, `v${i}`)));
    for (let i = 0; i < 40; i++) expect(await a.get(`k${i}`)).toBe(`v${i}`);
  });
});
