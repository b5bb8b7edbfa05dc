import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { mintActivityToken } from '../../core/gateway/activity-token';
import { ACTIVITY_TOKEN_KEY_SECRET } from '../../core/gateway/gateway-keys';
import type { SecretsPort } from '../../core/secrets/secrets.port';
import { SecretNotFoundError } from '../../core/secrets/secrets.port';
import { createAuthenticator } from './authenticate';

const key = randomBytes(32);
const secrets: SecretsPort = {
  backend: 'keyring',
  put: () => Promise.resolve(),
  get: (k) =>
    k === ACTIVITY_TOKEN_KEY_SECRET
      ? Promise.resolve(JSON.stringify({ alg: 'HMAC-SHA256', key: key.toString('base64'), createdAt: 'now' }))
      : Promise.reject(new SecretNotFoundError(k)),
  delete: () => Promise.resolve(),
};
// Activity tokens are checked offline: a database touched here would be a bug.
const ds = new Proxy(
  {},
  {
    get: () => {
      throw new Error('no database in this spec');
    },
  },
) as unknown as DataSource;
const facts = (authorization?: string) => ({ authorization, ip: '127.0.0.1', userAgent: null });
const who = {
  agencyId: randomUUID(),
  clientId: randomUUID(),
  taskClass: 'engagement' as const,
  role: 'drafter' as const,
  workflowId: 'engagement-x',
};

describe('gateway authentication', () => {
  const auth = createAuthenticator(ds, secrets);

  it('accepts an activity token minted with the gateway key and names its caller', async () => {
    const { token } = mintActivityToken(key, who);
    const a = await auth.authenticate(facts(`Bearer ${token}`));
    expect(a.ok && a.caller).toMatchObject({ kind: 'activity', ...who });
  });

  it('refuses a token signed with another key, an expired token and a mangled one', async () => {
    const other = mintActivityToken(randomBytes(32), who).token;
    const expired = mintActivityToken(key, { ...who, ttlSeconds: 60, now: new Date(Date.now() - 3_600_000) }).token;
    const mangled = `${mintActivityToken(key, who).token.slice(0, -3)}abc`;
    expect(await auth.authenticate(facts(`Bearer ${other}`))).toEqual({
      ok: false,
      reason: 'activity token bad_signature',
    });
    expect(await auth.authenticate(facts(`Bearer ${expired}`))).toEqual({
      ok: false,
      reason: 'activity token expired',
    });
    expect(await auth.authenticate(facts(`Bearer ${mangled}`))).toMatchObject({ ok: false });
  });

  it('refuses a missing header, another scheme and an unknown token kind without echoing the token', async () => {
    const { token } = mintActivityToken(key, who);
    for (const header of [
      undefined,
      '',
      `Basic ${token}`,
      'Bearer',
      'Bearer sk-something-else',
      `Bearer ${token} extra`,
    ]) {
      const a = await auth.authenticate(facts(header));
      expect(a.ok).toBe(false);
      expect(JSON.stringify(a)).not.toContain(token.slice(5, 40));
    }
  });
});
