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

  describe('the presenter of avatar videos (HeyGen avatar id and voice id)', () => {
    const WITH_PRESENTER = `{ clientId monthlyBudgetMicros presenter { avatarId voiceId } }`;
    const UPDATE = `mutation($i: UpdateAiSettingsInput!) { updateAiSettings(input: $i) ${WITH_PRESENTER} }`;
    const READ = `query($c: ID!) { aiSettings(clientId: $c) ${WITH_PRESENTER} }`;
    const presenter = { avatarId: 'Daisy-inskirt-20220818', voiceId: '2d5b0e6cf36f460aa7fc47e3eee4ba54' };
    const stored = async (clientId: string) =>
      stack.ds.query<{ a: string | null; v: string | null }[]>(
        'SELECT presenter_avatar_id AS a, presenter_voice_id AS v FROM ai_settings WHERE client_id = $1',
        [clientId],
      );
    const audited = async (clientId: string) =>
      stack.ds.query<{ data: { before: { presenter: unknown }; after: { presenter: unknown } } }[]>(
        `SELECT data FROM audit_events WHERE client_id = $1 AND action = 'ai_settings.updated' ORDER BY seq`,
        [clientId],
      );

    it('is none until set, is stored and read back, kept by other changes, audited, and removed by null', async () => {
      const c = await seedTenant(stack.ds);
      expect((await stack.gql(c.users.analyst, READ, { c: c.clientId })).data?.aiSettings).toEqual({
        clientId: c.clientId,
        monthlyBudgetMicros: 0,
        presenter: null,
      });
      const set = await stack.gql(c.users.approver, UPDATE, { i: { clientId: c.clientId, presenter } });
      expect(set.errors).toBeUndefined();
      expect(set.data?.updateAiSettings).toMatchObject({ presenter });
      expect(await stored(c.clientId)).toEqual([{ a: presenter.avatarId, v: presenter.voiceId }]);
      // Left out, it keeps its value: a budget change does not drop the presenter.
      await stack.gql(c.users.admin, UPDATE, { i: { clientId: c.clientId, monthlyBudgetMicros: 1_000_000 } });
      expect((await stack.gql(c.users.analyst, READ, { c: c.clientId })).data?.aiSettings).toEqual({
        clientId: c.clientId,
        monthlyBudgetMicros: 1_000_000,
        presenter,
      });
      const cleared = await stack.gql(c.users.admin, UPDATE, { i: { clientId: c.clientId, presenter: null } });
      expect(cleared.data?.updateAiSettings).toMatchObject({ presenter: null });
      expect(await stored(c.clientId)).toEqual([{ a: null, v: null }]);
      expect((await audited(c.clientId)).map((e) => [e.data.before.presenter, e.data.after.presenter])).toEqual([
        [null, presenter],
        [presenter, presenter],
        [presenter, null],
      ]);
    });

    it('[C-54] a malformed id is refused with a clear message naming the field and the rule, and nothing is saved', async () => {
      const c = await seedTenant(stack.ds);
      await stack.gql(c.users.admin, UPDATE, { i: { clientId: c.clientId, presenter } });
      const bad: [Record<string, string>, RegExp][] = [
        [{ ...presenter, avatarId: 'Daisy"},{"avatar_id":"other' }, /presenter\.avatarId must be 1 to 128 letters/],
        [{ ...presenter, voiceId: 'v'.repeat(129) }, /presenter\.voiceId must be 1 to 128 letters/],
        [{ ...presenter, voiceId: '' }, /presenter\.voiceId must be/],
      ];
      for (const [p, message] of bad) {
        const r = await stack.gql(c.users.admin, UPDATE, {
          i: { clientId: c.clientId, presenter: p, monthlyBudgetMicros: 7 },
        });
        expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: matching(message) });
      }
      const half = await stack.gql(c.users.admin, UPDATE, {
        i: { clientId: c.clientId, presenter: { avatarId: presenter.avatarId } },
      });
      expect(half.errors?.[0]).toBeDefined();
      expect(await stored(c.clientId)).toEqual([{ a: presenter.avatarId, v: presenter.voiceId }]);
      expect(await audited(c.clientId)).toHaveLength(1);
      expect((await stack.gql(c.users.analyst, READ, { c: c.clientId })).data?.aiSettings).toMatchObject({
        monthlyBudgetMicros: 0,
        presenter,
      });
      // The database holds rows written around the API to the same rule: both or neither, the adapter's pattern.
      await expect(
        stack.ds.query(`UPDATE ai_settings SET presenter_voice_id = NULL WHERE client_id = $1`, [c.clientId]),
      ).rejects.toThrow(/ai_settings_presenter/);
      await expect(
        stack.ds.query(`UPDATE ai_settings SET presenter_avatar_id = 'a b' WHERE client_id = $1`, [c.clientId]),
      ).rejects.toThrow(/ai_settings_presenter/);
    });

    it('is set with the AI settings permission: an Analyst or a Publisher cannot, another agency sees nothing', async () => {
      const c = await seedTenant(stack.ds);
      for (const who of [c.users.analyst, c.users.author]) {
        const r = await stack.gql(who, UPDATE, { i: { clientId: c.clientId, presenter } });
        expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const other = await seedTenant(stack.ds);
      const foreign = await stack.gql(other.users.admin, UPDATE, { i: { clientId: c.clientId, presenter } });
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await stored(c.clientId)).toEqual([]);
    });
  });
});
