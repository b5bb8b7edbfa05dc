import type { SecretsPort } from '../../../../core/secrets/secrets.port';
import { SecretNotFoundError } from '../../../../core/secrets/secrets.port';
import { CONNECT_BINDING_COOKIE, ConnectBinding } from './connect-binding';

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

describe('the connect binding cookie (C-12)', () => {
  it('[C-12] holds a keyed hash of the state, scoped to the callback; only that state matches it', async () => {
    const secrets = memorySecrets();
    const binding = new ConnectBinding(secrets);
    const state = 'the-state-of-one-attempt';
    const cookie = await binding.cookieFor(state, 'sandbox', 600_000);
    expect(cookie.name).toBe(CONNECT_BINDING_COOKIE);
    expect(cookie.name.startsWith('__Secure-')).toBe(true);
    expect(cookie.options).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/oauth/sandbox/callback',
      maxAge: 600_000,
    });
    expect(cookie.value).not.toContain(state);
    expect(await binding.matches(state, cookie.value)).toBe(true);
    expect(await binding.matches('another-state', cookie.value)).toBe(false);
    expect(await binding.matches(state, undefined)).toBe(false);
    expect(await binding.matches(state, `${cookie.value}x`)).toBe(false);
    // Keyed: another installation's key (or none yet) gives another value for the same state.
    const elsewhere = await new ConnectBinding(memorySecrets()).cookieFor(state, 'sandbox', 600_000);
    expect(elsewhere.value).not.toBe(cookie.value);
    expect(await new ConnectBinding(secrets).matches(state, cookie.value)).toBe(true);
  });
});
