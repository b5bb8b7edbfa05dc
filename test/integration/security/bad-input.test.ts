import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

const HUGE = 'x'.repeat(20_000);
const UUID = '00000000-0000-4000-8000-000000000000';

/** Each mutation with: a valid-shaped input, then one with a field missing, one of the wrong type, one oversized. */
const CASES: {
  name: string;
  input: string;
  valid: (t: SeededTenant) => Record<string, unknown>;
  missing: string;
  wrongType: [string, unknown];
  oversized: [string, unknown];
}[] = [
  {
    name: 'createClient',
    input: 'CreateClientInput',
    valid: (t) => ({ agencyId: t.agencyId, name: 'N', timezone: 'UTC' }),
    missing: 'name',
    wrongType: ['agencyId', 12],
    oversized: ['name', HUGE],
  },
  {
    name: 'updatePolicySettings',
    input: 'UpdatePolicySettingsInput',
    valid: (t) => ({ clientId: t.clientId, fourEyes: true }),
    missing: 'clientId',
    wrongType: ['fourEyes', 'yes'],
    oversized: ['maxPublishesPerAccountPerDay', 10_000_000],
  },
  {
    name: 'startPlatformConnect',
    input: 'StartConnectInput',
    valid: (t) => ({ clientId: t.clientId, platform: 'sandbox' }),
    missing: 'clientId',
    wrongType: ['platform', 7],
    oversized: ['platform', HUGE],
  },
  {
    name: 'createAsset',
    input: 'CreateAssetInput',
    valid: (t) => ({ clientId: t.clientId, text: 'hello' }),
    missing: 'text',
    wrongType: ['text', { a: 1 }],
    oversized: ['text', HUGE],
  },
  {
    name: 'updateAssetText',
    input: 'UpdateAssetTextInput',
    valid: (t) => ({ clientId: t.clientId, assetId: UUID, text: 'x' }),
    missing: 'assetId',
    wrongType: ['text', true],
    oversized: ['text', HUGE],
  },
  {
    name: 'schedulePost',
    input: 'SchedulePostInput',
    valid: (t) => ({
      clientId: t.clientId,
      platformAccountId: UUID,
      assetId: UUID,
      scheduledAt: '2030-01-01T00:00:00Z',
    }),
    missing: 'scheduledAt',
    wrongType: ['scheduledAt', 5],
    oversized: ['timezone', HUGE],
  },
  {
    name: 'approvePost',
    input: 'ApprovePostInput',
    valid: () => ({ postId: UUID, assetChecksum: 'a'.repeat(64) }),
    missing: 'postId',
    wrongType: ['postId', []],
    oversized: ['note', HUGE],
  },
  {
    name: 'rejectPost',
    input: 'PostDecisionInput',
    valid: () => ({ postId: UUID }),
    missing: 'postId',
    wrongType: ['note', 3],
    oversized: ['note', HUGE],
  },
  {
    name: 'cancelPost',
    input: 'PostDecisionInput',
    valid: () => ({ postId: UUID }),
    missing: 'postId',
    wrongType: ['postId', 1.5],
    oversized: ['note', HUGE],
  },
  {
    name: 'reschedulePost',
    input: 'ReschedulePostInput',
    valid: () => ({ postId: UUID, scheduledAt: '2030-01-01T00:00:00Z' }),
    missing: 'scheduledAt',
    wrongType: ['scheduledAt', false],
    oversized: ['scheduledAt', HUGE],
  },
  {
    name: 'setKillSwitch',
    input: 'SetKillSwitchInput',
    valid: (t) => ({ scope: 'client', scopeId: t.clientId, engaged: false }),
    missing: 'engaged',
    wrongType: ['engaged', 'on'],
    oversized: ['reason', HUGE],
  },
  {
    name: 'createApiToken',
    input: 'CreateApiTokenInput',
    valid: () => ({ name: 'n', scopes: ['read'], expiresInDays: 1 }),
    missing: 'scopes',
    wrongType: ['expiresInDays', 'soon'],
    oversized: ['expiresInDays', 100000],
  },
  {
    name: 'revokeApiToken',
    input: 'IdInput',
    valid: () => ({ id: UUID }),
    missing: 'id',
    wrongType: ['id', { x: 1 }],
    oversized: ['id', HUGE],
  },
  {
    name: 'signIn',
    input: 'SignInInput',
    valid: () => ({ email: 'a@b.test', password: 'p' }),
    missing: 'password',
    wrongType: ['email', 9],
    oversized: ['password', 'p'.repeat(5000)],
  },
];

describe('bad input on every mutation (C-54)', () => {
  let stack: TestStack;
  let t: SeededTenant;
  beforeAll(async () => {
    stack = await startTestStack({
      env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000', RAIZE_RATE_LIMIT_LOGIN_PER_MINUTE: '1000' },
    });
    t = await seedTenant(stack.ds);
  });
  afterAll(() => stack.close());

  const counts = async () =>
    JSON.stringify(
      await stack.ds.query(
        `SELECT (SELECT count(*) FROM clients) c, (SELECT count(*) FROM assets) a, (SELECT count(*) FROM publish_jobs) p, (SELECT count(*) FROM api_tokens) k, (SELECT count(*) FROM oauth_attempts) o, (SELECT count(*) FROM kill_switches) s`,
      ),
    );

  it('[C-15] explicit null on a policy setting is a clear validation error, not a database error, and writes nothing', async () => {
    const settings = () => stack.ds.query(`SELECT * FROM client_policy_settings WHERE client_id = $1`, [t.clientId]);
    const before = JSON.stringify(await settings());
    const update = `mutation($i: UpdatePolicySettingsInput!) { updatePolicySettings(input: $i) { fourEyes } }`;
    for (const field of [
      'fourEyes',
      'publishAutonomy',
      'maxPublishesPerAccountPerDay',
      'latenessCutoffSeconds',
      'clearQuietHours',
    ]) {
      const r = await stack.gql(t.users.admin, update, { i: { clientId: t.clientId, [field]: null } });
      expect(r.data?.updatePolicySettings ?? null).toBeNull();
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toContain(`${field} cannot be null: leave it out to keep the current value`);
    }
    const hours = await stack.gql(t.users.admin, update, {
      i: { clientId: t.clientId, quietHoursStart: null, quietHoursEnd: null },
    });
    expect(hours.errors?.[0].message).toMatch(/quietHoursStart cannot be null[\s\S]*quietHoursEnd cannot be null/);
    expect(JSON.stringify(await settings())).toBe(before);
    // Left out, a setting keeps its value; given, it changes.
    const ok = await stack.gql<{ updatePolicySettings: { fourEyes: boolean } }>(t.users.admin, update, {
      i: { clientId: t.clientId, fourEyes: true },
    });
    expect(ok.data?.updatePolicySettings).toEqual({ fourEyes: true });
  });

  it.each(CASES.map((c) => [c.name]))(
    '[C-54] %s answers missing, wrongly typed and oversized input with a clear error, no stack trace, no write',
    async (name) => {
      const c = CASES.find((x) => x.name === name)!;
      const query = `mutation($x: ${c.input}!) { ${c.name}(input: $x) { __typename } }`.replace(
        '{ __typename }',
        [
          'setKillSwitch',
          'createClient',
          'updatePolicySettings',
          'startPlatformConnect',
          'createAsset',
          'updateAssetText',
          'schedulePost',
          'approvePost',
          'rejectPost',
          'cancelPost',
          'reschedulePost',
          'createApiToken',
          'signIn',
        ].includes(c.name)
          ? '{ __typename }'
          : '',
      );
      const before = await counts();
      const valid = c.valid(t);
      const missing = { ...valid };
      delete missing[c.missing];
      const variants = [
        missing,
        { ...valid, [c.wrongType[0]]: c.wrongType[1] },
        { ...valid, [c.oversized[0]]: c.oversized[1] },
      ];
      for (const v of variants) {
        const r = await stack.gql(t.users.admin, query, { x: v });
        expect(r.data?.[c.name] ?? null).toBeNull();
        const e = r.errors?.[0];
        expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(e?.extensions?.code);
        expect(e?.message.length).toBeGreaterThan(10);
        expect(JSON.stringify(r)).not.toMatch(/\.ts:\d+|at [A-Za-z]+ \(|stacktrace/);
      }
      expect(await counts()).toBe(before);
    },
  );

  it("[C-54] refuses an unreadable request body with a coded 4xx in the API's shape, logs no stack trace, writes nothing", async () => {
    const mutation = JSON.stringify({ query: 'mutation { createClient(input: {}) { id } }' });
    const bodies: {
      what: string;
      headers: Record<string, string>;
      body: string | Buffer;
      status: number;
      says: RegExp;
    }[] = [
      {
        what: 'over the JSON limit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(1_200_000) }),
        status: 413,
        says: /larger than the 1024 KiB/,
      },
      {
        what: 'an unsupported charset',
        headers: { 'content-type': 'application/json; charset=latin1' },
        body: mutation,
        status: 415,
        says: /charset "latin1" is not supported/,
      },
      {
        what: 'an unsupported content encoding',
        headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
        body: mutation,
        status: 415,
        says: /content encoding "compress" is not supported/,
      },
      {
        what: 'a broken gzip stream',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: mutation,
        status: 400,
        says: /could not be read/,
      },
      {
        what: 'malformed JSON',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "mutation {',
        status: 400,
        says: /not valid JSON/,
      },
      {
        what: 'a form over the urlencoded limit',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `q=${'x'.repeat(200_000)}`,
        status: 413,
        says: /larger than the \d+ KiB/,
      },
    ];
    const before = await counts();
    const logged: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    try {
      for (const b of bodies) {
        const res = await fetch(`${stack.apiUrl}/graphql`, {
          method: 'POST',
          headers: { ...b.headers, authorization: `Dev ${t.users.admin}` },
          body: b.body,
        });
        const text = await res.text();
        expect({ what: b.what, status: res.status }).toEqual({ what: b.what, status: b.status });
        const answer = JSON.parse(text) as { error?: { code?: string; message?: string } };
        expect(answer.error?.code).toBe('BAD_USER_INPUT');
        expect(answer.error?.message).toMatch(b.says);
        expect(text).not.toMatch(/\.[jt]s:\d+|at [A-Za-z.]+ \(|stack/);
      }
    } finally {
      spy.mockRestore();
    }
    expect(logged.join('')).not.toMatch(/ExceptionsHandler|\n\s+at .+:\d+:\d+/);
    expect(await counts()).toBe(before);
  });
});
