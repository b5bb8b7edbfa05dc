import type { EntityManager } from 'typeorm';
import type { CredentialRef } from '../database/entities';
import { CredentialStore } from './credential-store';
import type { SecretsPort } from './secrets.port';
import { SecretNotFoundError } from './secrets.port';

function memorySecrets(): SecretsPort & { values: Map<string, string>; failPut: boolean } {
  const values = new Map<string, string>();
  const s = {
    backend: 'keyring' as const,
    values,
    failPut: false,
    put: async (k: string, v: string) => {
      if (s.failPut) throw new Error('backend unavailable');
      values.set(k, v);
    },
    get: async (k: string) => {
      const v = values.get(k);
      if (v === undefined) throw new SecretNotFoundError(k);
      return v;
    },
    delete: async (k: string) => void values.delete(k),
  };
  return s;
}

/** Just enough of an EntityManager for credential_refs rows: find by id + client, conditional update. */
function memoryManager(): EntityManager & { rows: Map<string, CredentialRef> } {
  const rows = new Map<string, CredentialRef>();
  const matches = (r: CredentialRef, where: Partial<CredentialRef>) =>
    Object.entries(where).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v);
  const m = {
    rows,
    create: (_: unknown, v: Partial<CredentialRef>) => ({ ...v }) as CredentialRef,
    save: async (_: unknown, v: CredentialRef) => {
      const row = { ...v, id: v.id ?? `ref-${rows.size + 1}`, createdAt: new Date(), rotatedAt: null };
      rows.set(row.id, row);
      return { ...row };
    },
    findOne: async (_: unknown, o: { where: Partial<CredentialRef> }) => {
      const row = [...rows.values()].find((r) => matches(r, o.where));
      return row ? { ...row } : null;
    },
    update: async (_: unknown, where: Partial<CredentialRef>, set: Partial<CredentialRef>) => {
      const row = [...rows.values()].find((r) => matches(r, where));
      if (row) Object.assign(row, set);
      return { affected: row ? 1 : 0 };
    },
  };
  return m as unknown as EntityManager & { rows: Map<string, CredentialRef> };
}

const OWNER = { agencyId: 'agency-1', clientId: 'client-1' };

async function stored() {
  const secrets = memorySecrets();
  const m = memoryManager();
  const store = new CredentialStore(secrets);
  const ref = await store.saveOAuthTokens(m, OWNER, {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    expiresAt: '2026-11-01T12:00:00.000Z',
  });
  return { secrets, m, store, ref };
}

describe('CredentialStore.rotateOAuthTokens', () => {
  it('writes the new pair under a new key, repoints the reference, and deletes the old one only when retired', async () => {
    const { secrets, m, store, ref } = await stored();
    const oldKey = ref.secretKey;
    const { ref: locked } = await store.lockOAuthTokens(m, OWNER.clientId, ref.id);
    const rotated = await store.rotateOAuthTokens(m, locked, {
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      expiresAt: '2026-11-01T14:00:00.000Z',
      issuedAt: '2026-11-01T12:00:00.000Z',
      scope: 'posts',
    });
    expect(rotated.ref.secretKey).not.toBe(oldKey);
    expect(m.rows.get(ref.id)!.secretKey).toBe(rotated.ref.secretKey);
    expect(m.rows.get(ref.id)!.rotatedAt).toBeInstanceOf(Date);
    expect(await store.loadOAuthTokens(m, OWNER.clientId, ref.id)).toEqual(rotated.tokens);
    expect(rotated.tokens).toMatchObject({ refreshToken: 'refresh-2', issuedAt: '2026-11-01T12:00:00.000Z' });
    // Until the caller's transaction committed, the old pair stays readable (a rollback points back at it).
    expect(secrets.values.has(oldKey)).toBe(true);
    await rotated.retire();
    expect(secrets.values.has(oldKey)).toBe(false);
  });

  it('never wipes the refresh token: an answer without one keeps the current one', async () => {
    const { m, store, ref } = await stored();
    const rotated = await store.rotateOAuthTokens(m, ref, { accessToken: 'access-2' });
    expect(rotated.tokens.refreshToken).toBe('refresh-1');
    expect((await store.loadOAuthTokens(m, OWNER.clientId, ref.id)).refreshToken).toBe('refresh-1');
  });

  it('a failed write of the new pair leaves the reference on the old, working pair', async () => {
    const { secrets, m, store, ref } = await stored();
    secrets.failPut = true;
    await expect(store.rotateOAuthTokens(m, ref, { accessToken: 'access-2' })).rejects.toThrow(/unavailable/);
    expect(m.rows.get(ref.id)!.secretKey).toBe(ref.secretKey);
    expect(await store.loadOAuthTokens(m, OWNER.clientId, ref.id)).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
    });
  });

  it('refuses to repoint a reference someone else rotated meanwhile, and drops its own new secret', async () => {
    const { secrets, m, store, ref } = await stored();
    const stale = { ...ref };
    await store.rotateOAuthTokens(m, ref, { accessToken: 'access-2', refreshToken: 'refresh-2' });
    const keysBefore = [...secrets.values.keys()].sort();
    await expect(store.rotateOAuthTokens(m, stale, { accessToken: 'access-3' })).rejects.toThrow(/changed/);
    expect([...secrets.values.keys()].sort()).toEqual(keysBefore);
    expect((await store.loadOAuthTokens(m, OWNER.clientId, ref.id)).refreshToken).toBe('refresh-2');
  });

  it('reads and locks a reference only for the client that owns it', async () => {
    const { m, store, ref } = await stored();
    await expect(store.lockOAuthTokens(m, 'client-2', ref.id)).rejects.toThrow(/not found for this client/);
    await expect(store.loadOAuthTokens(m, 'client-2', ref.id)).rejects.toThrow(/not found for this client/);
  });
});
