import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKeyring } from './local-keyring';
import type { MasterKey } from './master-key';
import { masterKeyId, parseMasterKey, resolveMasterKey } from './master-key';
import { KEYRING_FILE, MASTER_KEY_FILE, NEXT_MASTER_KEY_FILE, rotateMasterKey } from './master-key-rotation';
import { rewrapKeyring } from './rewrap-keyring';
import { SecretDecryptError } from './secrets.port';

const newKey = (): MasterKey => {
  const key = randomBytes(32);
  return { id: masterKeyId(key), key };
};

describe('master key rotation', () => {
  it('[C-16] is all or nothing: an entry the old keys cannot open leaves the keyring untouched', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'raize-rewrap-')), KEYRING_FILE);
    const [a, b, next] = [newKey(), newKey(), newKey()];
    await new LocalKeyring(file, a).put('clients/1/credentials/x', 'under a');
    await new LocalKeyring(file, b).put('clients/2/credentials/y', 'under b');
    const before = readFileSync(file, 'utf8');
    await expect(rewrapKeyring(file, [a], next)).rejects.toBeInstanceOf(SecretDecryptError);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await rewrapKeyring(file, [a, b], next)).toEqual({ entries: 2, rewrapped: 2, fromKeyIds: [a.id, b.id] });
    expect(await new LocalKeyring(file, next).get('clients/2/credentials/y')).toBe('under b');
  });

  it('[C-16] file mode: a rotation cut short after re-sealing resumes with master.key.next and finishes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'raize-rotate-'));
    const old = resolveMasterKey(undefined, dataDir);
    const file = join(dataDir, KEYRING_FILE);
    await new LocalKeyring(file, old).put('users/u/totp', 'JBSWY3DPEHPK3PXP');
    // The first run wrote the next key and re-sealed the keyring, then died before replacing master.key.
    const next = newKey();
    writeFileSync(join(dataDir, NEXT_MASTER_KEY_FILE), next.key.toString('hex'), { mode: 0o600 });
    await rewrapKeyring(file, [old], next);
    const r = await rotateMasterKey({ dataDir });
    expect(r).toMatchObject({ mode: 'file', keyId: next.id, rewrapped: 0, entries: 1 });
    expect(masterKeyId(parseMasterKey(readFileSync(join(dataDir, MASTER_KEY_FILE), 'utf8')))).toBe(next.id);
    expect(existsSync(join(dataDir, NEXT_MASTER_KEY_FILE))).toBe(false);
    expect(await new LocalKeyring(file, resolveMasterKey(undefined, dataDir)).get('users/u/totp')).toBe(
      'JBSWY3DPEHPK3PXP',
    );
  });

  it('refuses to rotate without a master key file, and refuses the same key as old and new', async () => {
    await expect(rotateMasterKey({ dataDir: mkdtempSync(join(tmpdir(), 'raize-empty-')) })).rejects.toThrow(
      /no master key file to rotate/,
    );
    const hex = randomBytes(32).toString('hex');
    await expect(
      rotateMasterKey({ dataDir: mkdtempSync(join(tmpdir(), 'raize-same-')), masterKey: hex, previousMasterKey: hex }),
    ).rejects.toThrow(/must be a new key/);
  });
});
