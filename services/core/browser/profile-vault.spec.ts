import { randomUUID } from 'node:crypto';
import type { SecretsPort } from '../secrets/secrets.port';
import { SecretNotFoundError } from '../secrets/secrets.port';
import { ProfileVault } from './profile-vault';
import type { StorageState } from './storage-state.schema';

function memorySecrets(): SecretsPort & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    backend: 'keyring',
    values,
    put: async (k, v) => void values.set(k, v),
    get: async (k) => {
      const v = values.get(k);
      if (v === undefined) throw new SecretNotFoundError(k);
      return v;
    },
    delete: async (k) => void values.delete(k),
  };
}

const state: StorageState = {
  cookies: [
    {
      name: 'sid',
      value: 'v',
      domain: '.example.com',
      path: '/',
      expires: -1,
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
    },
  ],
  origins: [],
};

describe('the profile vault', () => {
  it('stores each profile under browser-profiles/<client>/<profile> and reads it back', async () => {
    const secrets = memorySecrets();
    const vault = new ProfileVault(secrets);
    const p = { clientId: randomUUID(), profileId: randomUUID() };
    const key = await vault.store(p, state);
    expect(key).toBe(`browser-profiles/${p.clientId}/${p.profileId}`);
    expect(await vault.open(key)).toEqual(state);
    await vault.remove(key);
    expect(secrets.values.size).toBe(0);
  });

  it('refuses ids that are not UUIDs and keys outside its folder', async () => {
    const secrets = memorySecrets();
    secrets.values.set('browser/manifest-signing-key', '{}');
    const vault = new ProfileVault(secrets);
    await expect(vault.store({ clientId: '../x', profileId: randomUUID() }, state)).rejects.toThrow();
    for (const key of [
      'browser/manifest-signing-key',
      `browser-profiles/${randomUUID()}/${randomUUID()}/../../browser/manifest-signing-key`,
      `browser-profiles/${randomUUID()}`,
    ]) {
      await expect(vault.open(key)).rejects.toThrow('not a browser profile key');
      await expect(vault.remove(key)).rejects.toThrow('not a browser profile key');
    }
    expect(secrets.values.has('browser/manifest-signing-key')).toBe(true);
  });
});
