import { randomBytes } from 'node:crypto';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

/** jest's asymmetric matchers are typed `any`; these keep the lint rule against unsafe `any` meaningful. */
const anyString = expect.any(String) as unknown as string;
const matching = (re: RegExp) => expect.stringMatching(re) as unknown as string;

const SET = `mutation($i: SetProviderKeyInput!) { setProviderKey(input: $i) { provider scope setAt } }`;
const LIST = `query($c: ID) { providerKeys(clientId: $c) { provider scope setAt } }`;
const SETTINGS = `{ clientId monthlyBudgetMicros spentThisMonthMicros month contract { maxDepth maxToolCalls maxTokens maxCostMicros maxWallMs maxRevisions } preferred { text image video avatar } }`;

describe('providers API: write-only keys and AI settings (C-11)', () => {
  let stack: TestStack;
  let t: SeededTenant;
  beforeAll(async () => {
    stack = await startTestStack();
    t = await seedTenant(stack.ds);
  });
  afterAll(() => stack.close());

  it('[C-11] a key is entered once and never comes back: the answer, the list and the database hold provider, scope and date only', async () => {
    const apiKey = `sk-api-${randomBytes(20).toString('hex')}`;
    const fallback = `sk-ant-${randomBytes(20).toString('hex')}`;
    const set = await stack.gql(t.users.admin, SET, { i: { clientId: t.clientId, provider: 'openai', apiKey } });
    expect(set.errors).toBeUndefined();
    expect(set.data).toEqual({ setProviderKey: { provider: 'openai', scope: 'client', setAt: anyString } });
    const agency = await stack.gql(t.users.admin, SET, {
      i: { agencyId: t.agencyId, provider: 'anthropic', apiKey: fallback },
    });
    expect(agency.data).toEqual({
      setProviderKey: { provider: 'anthropic', scope: 'agency', setAt: anyString },
    });

    const list = await stack.gql(t.users.admin, LIST, { c: t.clientId });
    expect(list.data).toEqual({
      providerKeys: [
        { provider: 'anthropic', scope: 'agency', setAt: anyString },
        { provider: 'openai', scope: 'client', setAt: anyString },
      ],
    });
    const everything = JSON.stringify([set, agency, list]);
    for (const k of [apiKey, fallback]) expect(everything).not.toContain(k);

    // Stored for real: the keyring of the API's data directory holds it under the reference the database names.
    const [ref]: { secret_key: string }[] = await stack.ds.query(
      `SELECT r.secret_key FROM provider_credentials k JOIN credential_refs r ON r.id = k.credential_ref_id
       WHERE k.client_id = $1 AND k.provider = 'openai'`,
      [t.clientId],
    );
    const keyring = createSecrets({ dataDir: stack.dataDir, masterKey: process.env.RAIZE_MASTER_KEY });
    expect(JSON.parse(await keyring.get(ref.secret_key))).toEqual({ apiKey });
    const rows: { r: string }[] = await stack.ds.query(
      `SELECT row_to_json(x)::text AS r FROM (SELECT * FROM provider_credentials) x
       UNION ALL SELECT row_to_json(y)::text FROM (SELECT * FROM credential_refs) y
       UNION ALL SELECT row_to_json(z)::text FROM (SELECT * FROM audit_events) z`,
    );
    for (const k of [apiKey, fallback]) expect(rows.map((x) => x.r).join()).not.toContain(k);
  });

  it('only Admins and Managers manage keys; a client-scoped role cannot set the agency fallback', async () => {
    const apiKey = `sk-${randomBytes(12).toString('hex')}`;
    const analyst = await stack.gql(t.users.analyst, SET, { i: { clientId: t.clientId, provider: 'gemini', apiKey } });
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const author = await stack.gql(t.users.author, SET, { i: { clientId: t.clientId, provider: 'gemini', apiKey } });
    expect(author.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reviewer = await stack.gql(t.users.reviewer, SET, {
      i: { agencyId: t.agencyId, provider: 'gemini', apiKey },
    });
    expect(reviewer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const manager = await stack.gql(t.users.approver, SET, { i: { clientId: t.clientId, provider: 'gemini', apiKey } });
    expect(manager.errors).toBeUndefined();
    const other = await seedTenant(stack.ds);
    const foreign = await stack.gql(other.users.admin, SET, {
      i: { clientId: t.clientId, provider: 'gemini', apiKey },
    });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const removed = await stack.gql(
      t.users.admin,
      `mutation($i: RemoveProviderKeyInput!) { removeProviderKey(input: $i) }`,
      {
        i: { clientId: t.clientId, provider: 'gemini' },
      },
    );
    expect(removed.data).toEqual({ removeProviderKey: true });
  });

  it('[C-54] a malformed key is refused with a clear message that does not quote it, and nothing is written', async () => {
    const bad = 'sk-qqzz wwxx';
    const before = await stack.ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM credential_refs');
    const r = await stack.gql(t.users.admin, SET, { i: { clientId: t.clientId, provider: 'openai', apiKey: bad } });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/printable characters only/);
    expect(JSON.stringify(r)).not.toMatch(/qqzz|wwxx/);
    const local = await stack.gql(t.users.admin, SET, {
      i: { clientId: t.clientId, provider: 'local', apiKey: 'sk-0123456789' },
    });
    expect(local.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stack.ds.query('SELECT count(*)::int AS n FROM credential_refs')).toEqual(before);
  });

  it('AI settings: defaults, an audited update of budget, contract and preferred providers, and refusals', async () => {
    const read = await stack.gql(t.users.analyst, `query($c: ID!) { aiSettings(clientId: $c) ${SETTINGS} }`, {
      c: t.clientId,
    });
    expect(read.data?.aiSettings).toMatchObject({
      monthlyBudgetMicros: 0,
      spentThisMonthMicros: 0,
      contract: {
        maxDepth: 3,
        maxToolCalls: 8,
        maxTokens: 60000,
        maxCostMicros: 2000000,
        maxWallMs: 120000,
        maxRevisions: 3,
      },
      preferred: { text: 'local', image: 'local', video: 'local', avatar: 'local' },
    });
    const UPDATE = `mutation($i: UpdateAiSettingsInput!) { updateAiSettings(input: $i) ${SETTINGS} }`;
    const updated = await stack.gql(t.users.approver, UPDATE, {
      i: {
        clientId: t.clientId,
        monthlyBudgetMicros: 25_000_000,
        contract: { maxToolCalls: 5 },
        preferred: { text: 'openai' },
      },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateAiSettings).toMatchObject({
      monthlyBudgetMicros: 25_000_000,
      contract: { maxToolCalls: 5, maxDepth: 3 },
      preferred: { text: 'openai', image: 'local' },
    });
    const wrongKind = await stack.gql(t.users.admin, UPDATE, {
      i: { clientId: t.clientId, preferred: { text: 'kie' } },
    });
    expect(wrongKind.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: matching(/kie does not make text/),
    });
    const analyst = await stack.gql(t.users.analyst, UPDATE, { i: { clientId: t.clientId, monthlyBudgetMicros: 1 } });
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const events: { n: number }[] = await stack.ds.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1 AND action = 'ai_settings.updated'`,
      [t.clientId],
    );
    expect(events[0].n).toBe(1);
  });
});
