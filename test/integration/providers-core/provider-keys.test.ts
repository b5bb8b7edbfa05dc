import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NoProviderKeyError } from '../../../services/core/providers/keys';
import { createProviderGateway } from '../../../services/core/providers/provider-gateway';
import { createProviderRegistry } from '../../../services/core/providers/provider-registry';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import { asAppRole } from '../../factories/app-role';
import {
  addClient,
  asOperator,
  openProvidersWorld,
  preferOnly,
  RecordingTextProvider,
  setAiSettings,
  type ProvidersWorld,
} from './providers-world';

/** jest's asymmetric matchers are typed `any`; these keep the lint rule against unsafe `any` meaningful. */
const anyString = expect.any(String) as unknown as string;
const matching = (re: RegExp) => expect.stringMatching(re) as unknown as string;

const newKey = (tag: string) => `sk-${tag}-${randomBytes(18).toString('hex')}`;

/** Every text value of every table in the database: what a dump would hand anyone who got it. */
async function databaseText(w: ProvidersWorld): Promise<string> {
  const tables: { name: string }[] = await w.owner.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
  );
  const out: string[] = [];
  for (const { name } of tables) {
    const rows: { r: string }[] = await w.owner.query(`SELECT row_to_json(t)::text AS r FROM "${name}" t`);
    out.push(...rows.map((x) => x.r));
  }
  return out.join('\n');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('provider keys, bring your own (C-11)', () => {
  let w: ProvidersWorld;
  let t: SeededTenant;
  let sibling: string;
  let keyless: string;
  const keys = { a: newKey('client-a'), sibling: newKey('client-b'), agency: newKey('agency') };

  beforeAll(async () => {
    w = await openProvidersWorld();
    t = await seedTenant(w.owner);
    sibling = await addClient(w.owner, t.agencyId);
    keyless = await addClient(w.owner, t.agencyId);
    await asOperator(w.app, t.users.admin, async () => {
      await w.keys.setKey({
        agencyId: t.agencyId,
        clientId: t.clientId,
        provider: 'openai',
        apiKey: keys.a,
        actorId: t.users.admin,
      });
      await w.keys.setKey({
        agencyId: t.agencyId,
        clientId: sibling,
        provider: 'openai',
        apiKey: keys.sibling,
        actorId: t.users.admin,
      });
      await w.keys.setKey({
        agencyId: t.agencyId,
        clientId: null,
        provider: 'openai',
        apiKey: keys.agency,
        actorId: t.users.admin,
      });
    });
  });
  afterAll(() => w.close());

  it('[C-11] a full database dump holds no provider key, nor does the keyring file in the clear', async () => {
    const dump = await databaseText(w);
    expect(dump).toContain(t.clientId); // the probe reads real rows
    for (const k of Object.values(keys)) {
      expect(dump).not.toContain(k);
      expect(dump).not.toContain(k.slice(-12));
      for (const f of filesUnder(w.dataDir)) expect(readFileSync(f, 'latin1')).not.toContain(k);
    }
    const refs: { kind: string; client_id: string | null }[] = await w.owner.query(
      `SELECT r.kind, r.client_id FROM provider_credentials k JOIN credential_refs r ON r.id = k.credential_ref_id WHERE k.agency_id = $1`,
      [t.agencyId],
    );
    expect(refs).toHaveLength(3);
    expect(refs.every((r) => r.kind === 'provider_key')).toBe(true);
    const events: { data: unknown }[] = await w.owner.query(
      `SELECT data FROM audit_events WHERE agency_id = $1 AND action = 'provider_key.set'`,
      [t.agencyId],
    );
    expect(events).toHaveLength(3);
    expect(events[0].data).toEqual({ provider: 'openai', scope: anyString, rotated: false });
  });

  it("[C-11] each client's calls carry its own key; a client without one gets the agency fallback, never a sibling's", async () => {
    const fake = new RecordingTextProvider('openai');
    const gateway = createProviderGateway({
      ...w,
      ds: w.app,
      registry: createProviderRegistry({ text: { openai: fake } }),
    });
    for (const clientId of [t.clientId, sibling, keyless]) {
      await setAiSettings(
        w,
        { adminId: t.users.admin, agencyId: t.agencyId, clientId },
        { monthlyBudgetMicros: 5_000_000, preferred: preferOnly('text', 'openai') },
      );
    }
    const ask = (clientId: string) =>
      gateway.text(
        { agencyId: t.agencyId, clientId, stepId: `isolation-${clientId}`, stepKind: 'creator', depth: 0 },
        { prompt: 'hello', maxOutputTokens: 50 },
      );
    for (const clientId of [t.clientId, sibling, keyless, t.clientId])
      expect(await ask(clientId)).toMatchObject({ ok: true });
    expect(fake.calls.map((c) => [c.clientId, c.apiKey])).toEqual([
      [t.clientId, keys.a],
      [sibling, keys.sibling],
      [keyless, keys.agency],
      [t.clientId, keys.a],
    ]);
  });

  it('[C-11] a client of another agency never reaches this agency fallback, and waits with no_provider', async () => {
    const other = await seedTenant(w.owner);
    const fake = new RecordingTextProvider('openai');
    const gateway = createProviderGateway({
      ...w,
      ds: w.app,
      registry: createProviderRegistry({ text: { openai: fake } }),
    });
    await setAiSettings(
      w,
      { adminId: other.users.admin, agencyId: other.agencyId, clientId: other.clientId },
      { monthlyBudgetMicros: 5_000_000, preferred: preferOnly('text', 'openai') },
    );
    const out = await gateway.text(
      { agencyId: other.agencyId, clientId: other.clientId, stepId: 'other', stepKind: 'creator', depth: 0 },
      { prompt: 'hello', maxOutputTokens: 50 },
    );
    expect(out).toEqual({ ok: false, wait: { code: 'no_provider', message: matching(/no openai key/) } });
    expect(fake.calls).toHaveLength(0);
    // And the security-definer lookup answers nothing for a client outside the caller's scope.
    const rows = await asAppRole(async (c) => {
      await c.query(`SELECT set_config('raize.client_ids', $1, false)`, [`{${other.clientId}}`]);
      return (await c.query<{ provider: string }>('SELECT * FROM raize_agency_provider_keys($1)', [keyless])).rows;
    });
    expect(rows).toEqual([]);
  });

  it("[C-11] a row pointing at another client's credential ref is not followed: the ref's own client is checked", async () => {
    const victim = await addClient(w.owner, t.agencyId);
    const thief = await addClient(w.owner, t.agencyId);
    const victimKey = newKey('victim');
    await asOperator(w.app, t.users.admin, () =>
      w.keys.setKey({
        agencyId: t.agencyId,
        clientId: victim,
        provider: 'anthropic',
        apiKey: victimKey,
        actorId: t.users.admin,
      }),
    );
    // A corrupted or injected row: the thief's provider_credentials row naming the victim's CredentialRef.
    await w.owner.query(
      `WITH v AS (DELETE FROM provider_credentials WHERE client_id = $1 AND provider = 'anthropic' RETURNING credential_ref_id, agency_id, fingerprint)
       INSERT INTO provider_credentials (agency_id, client_id, provider, credential_ref_id, fingerprint)
       SELECT agency_id, $2, 'anthropic', credential_ref_id, fingerprint FROM v`,
      [victim, thief],
    );
    const resolveForThief = () => w.keys.resolve({ agencyId: t.agencyId, clientId: thief, provider: 'anthropic' });
    // As the thief's background work resolves it (its client scope), row-level security hides the victim's ref...
    await expect(runInTenantScope(w.app, await clientScope(w.app, thief), resolveForThief)).rejects.toBeInstanceOf(
      NoProviderKeyError,
    );
    // ...and in a scope that sees the whole agency (an agency admin's request), the ref's own client is checked.
    await expect(asOperator(w.app, t.users.admin, resolveForThief)).rejects.toBeInstanceOf(NoProviderKeyError);
  });

  it('rotates: a new key replaces the old one (whose secret is deleted), the same key again changes nothing', async () => {
    const c = await addClient(w.owner, t.agencyId);
    const [first, second] = [newKey('first'), newKey('second')];
    const set = (apiKey: string) =>
      asOperator(w.app, t.users.admin, () =>
        w.keys.setKey({ agencyId: t.agencyId, clientId: c, provider: 'gemini', apiKey, actorId: t.users.admin }),
      );
    const resolve = () =>
      asOperator(w.app, t.users.admin, () => w.keys.resolve({ agencyId: t.agencyId, clientId: c, provider: 'gemini' }));
    expect(await set(first)).toMatchObject({ provider: 'gemini', scope: 'client', changed: true });
    const before = await resolve();
    expect(before.apiKey).toBe(first);
    expect(await set(first)).toMatchObject({ changed: false });
    expect(await set(second)).toMatchObject({ changed: true });
    const after = await resolve();
    expect(after).toMatchObject({ apiKey: second, scope: 'client' });
    expect(after.credentialRefId).not.toBe(before.credentialRefId);
    const [oldRef]: { secret_key: string; rotated_at: Date | null }[] = await w.owner.query(
      'SELECT secret_key, rotated_at FROM credential_refs WHERE id = $1',
      [before.credentialRefId],
    );
    expect(oldRef.rotated_at).not.toBeNull();
    await expect(w.secrets.get(oldRef.secret_key)).rejects.toThrow(/no secret stored/);

    expect(
      await asOperator(w.app, t.users.admin, () =>
        w.keys.removeKey({ agencyId: t.agencyId, clientId: c, provider: 'gemini', actorId: t.users.admin }),
      ),
    ).toBe(true);
    await expect(resolve()).rejects.toBeInstanceOf(NoProviderKeyError);
  });

  it('refuses a malformed key with a message that does not quote it', async () => {
    const bad = 'sk-zqxv wkjy-0123456789';
    const err = await asOperator(w.app, t.users.admin, () =>
      w.keys.setKey({
        agencyId: t.agencyId,
        clientId: t.clientId,
        provider: 'openai',
        apiKey: bad,
        actorId: t.users.admin,
      }),
    ).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/printable/);
    expect((err as Error).message).not.toMatch(/zqxv|wkjy/);
    const local = await asOperator(w.app, t.users.admin, () =>
      w.keys.setKey({
        agencyId: t.agencyId,
        clientId: t.clientId,
        provider: 'local',
        apiKey: newKey('x'),
        actorId: t.users.admin,
      }),
    ).catch((e: Error) => e);
    expect((local as Error).name).toBe('InvalidProviderKeyError');
  });

  it('[C-11] under row-level security a client-scoped operator sees its own key rows only, and no agency fallback rows', async () => {
    const visible = await asAppRole(async (c) => {
      await c.query(`SELECT set_config('raize.client_ids', $1, false)`, [`{${sibling}}`]);
      return (await c.query('SELECT client_id FROM provider_credentials')).rows as { client_id: string | null }[];
    });
    expect(visible.map((r) => r.client_id)).toEqual([sibling]);
  });
});
