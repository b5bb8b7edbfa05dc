import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

const READ = `query($a: ID!) { gatewaySettings(agencyId: $a) {
  agencyId disabledTools scriptsEnabled scriptDomains callsPerMinute monthlyBudgetUsdMicros saved } }`;
const UPDATE = `mutation($i: UpdateGatewaySettingsInput!) { updateGatewaySettings(input: $i) {
  agencyId disabledTools scriptsEnabled scriptDomains callsPerMinute monthlyBudgetUsdMicros saved } }`;
const MISSING = '00000000-0000-4000-8000-000000000000';
const PUBLIC_URL = 'https://gateway.agency.example/mcp';

interface SettingsRow {
  tool_permissions: Record<string, boolean>;
  scripts_enabled: boolean;
  script_domains: string[];
  calls_per_minute: number;
  monthly_budget_usd_micros: string | null;
  updated_by: string | null;
}

describe("an agency's tool gateway settings through GraphQL (issue #16)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000', RAIZE_GATEWAY_PUBLIC_URL: PUBLIC_URL },
    });
  });
  afterAll(() => stack.close());

  const row = async (t: SeededTenant): Promise<SettingsRow | undefined> =>
    (await stack.ds.query<SettingsRow[]>('SELECT * FROM gateway_settings WHERE agency_id = $1', [t.agencyId]))[0];
  const audits = (t: SeededTenant) =>
    stack.ds.query<{ actor: string; client_id: string | null; data: { changed: Record<string, unknown> } }[]>(
      `SELECT actor, client_id, data FROM audit_events WHERE agency_id = $1 AND action = 'gateway.settings_updated'
       ORDER BY seq`,
      [t.agencyId],
    );

  it('[C-36] an agency with no settings shows the defaults: every tool on, scripts off', async () => {
    const t = await seedTenant(stack.ds);
    const r = await stack.gql(t.users.admin, READ, { a: t.agencyId });
    expect(r.errors).toBeUndefined();
    expect(r.data?.gatewaySettings).toEqual({
      agencyId: t.agencyId,
      disabledTools: [],
      scriptsEnabled: false,
      scriptDomains: [],
      callsPerMinute: 60,
      monthlyBudgetUsdMicros: null,
      saved: false,
    });
  });

  it('[C-36] an Admin turns tools off and sets the limits; the change is audited with what changed', async () => {
    const t = await seedTenant(stack.ds);
    const r = await stack.gql(t.users.admin, UPDATE, {
      i: {
        agencyId: t.agencyId,
        disabledTools: ['web_fetch', 'analytics_query'],
        scriptDomains: ['API.Example.com', 'api.example.com'],
        callsPerMinute: 30,
        monthlyBudgetUsdMicros: 5_000_000,
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateGatewaySettings).toEqual({
      agencyId: t.agencyId,
      // in TOOL_NAMES order, whatever order they were given in
      disabledTools: ['web_fetch', 'analytics_query'],
      scriptsEnabled: false,
      scriptDomains: ['api.example.com'],
      callsPerMinute: 30,
      monthlyBudgetUsdMicros: 5_000_000,
      saved: true,
    });
    expect(await row(t)).toMatchObject({
      tool_permissions: { web_fetch: false, analytics_query: false },
      calls_per_minute: 30,
      monthly_budget_usd_micros: '5000000',
      updated_by: t.users.admin,
    });
    const events = await audits(t);
    expect(events).toEqual([
      {
        actor: `user:${t.users.admin}`,
        client_id: null,
        data: {
          changed: {
            disabledTools: { from: [], to: ['web_fetch', 'analytics_query'] },
            scriptDomains: { from: [], to: ['api.example.com'] },
            callsPerMinute: { from: 60, to: 30 },
            monthlyBudgetUsdMicros: { from: null, to: 5_000_000 },
          },
        },
      },
    ]);
    // A Manager reads what the Admin set.
    const read = await stack.gql(t.users.approver, READ, { a: t.agencyId });
    expect(read.data?.gatewaySettings).toEqual(r.data?.updateGatewaySettings);
    // Saving the same values again changes nothing and audits nothing.
    await stack.gql(t.users.admin, UPDATE, { i: { agencyId: t.agencyId, callsPerMinute: 30 } });
    expect(await audits(t)).toHaveLength(1);
  });

  it('[C-36] a Manager reads but cannot change the settings; a Publisher cannot read them', async () => {
    const t = await seedTenant(stack.ds);
    const m = await stack.gql(t.users.approver, UPDATE, { i: { agencyId: t.agencyId, disabledTools: [] } });
    expect(m.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(m.errors?.[0].message).toContain('gateway.manage');
    expect(await row(t)).toBeUndefined();
    expect(await audits(t)).toEqual([]);
    expect((await stack.gql(t.users.approver, READ, { a: t.agencyId })).errors).toBeUndefined();
    const p = await stack.gql(t.users.author, READ, { a: t.agencyId });
    expect(p.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('[C-38] turning scripts on needs the acknowledgement of their risk in the input', async () => {
    const t = await seedTenant(stack.ds);
    const bare = await stack.gql(t.users.admin, UPDATE, { i: { agencyId: t.agencyId, scriptsEnabled: true } });
    expect(bare.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bare.errors?.[0].message).toMatch(/acknowledgeScriptRisk: true/);
    expect((await row(t))?.scripts_enabled ?? false).toBe(false);
    const refused = await stack.gql(t.users.admin, UPDATE, {
      i: { agencyId: t.agencyId, scriptsEnabled: true, acknowledgeScriptRisk: false },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const ok = await stack.gql(t.users.admin, UPDATE, {
      i: {
        agencyId: t.agencyId,
        scriptsEnabled: true,
        acknowledgeScriptRisk: true,
        scriptDomains: ['cdn.example.org'],
      },
    });
    expect(ok.errors).toBeUndefined();
    expect((await row(t))?.scripts_enabled).toBe(true);
    expect((await audits(t)).at(-1)?.data.changed).toEqual({
      scriptsEnabled: { from: false, to: true },
      scriptDomains: { from: [], to: ['cdn.example.org'] },
    });
    // Turning them off needs no acknowledgement.
    const off = await stack.gql(t.users.admin, UPDATE, { i: { agencyId: t.agencyId, scriptsEnabled: false } });
    expect(off.errors).toBeUndefined();
    expect((await row(t))?.scripts_enabled).toBe(false);
  });

  it.each([['https://api.example.com'], ['169.254.169.254'], ['localhost'], ['*.example.com'], ['a b.example.com']])(
    '[C-38] a script domain that is not a host name (%s) gets a clear error and changes nothing',
    async (domain) => {
      const t = await seedTenant(stack.ds);
      const r = await stack.gql(t.users.admin, UPDATE, {
        i: { agencyId: t.agencyId, scriptDomains: ['ok.example.com', domain] },
      });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toBe(
        `scriptDomains: ${JSON.stringify(domain)} is not a host name (give names like api.example.com: no scheme, port, path, wildcard or IP address)`,
      );
      expect(JSON.stringify(r.errors)).not.toMatch(/\bat .+\.(ts|js):\d+/);
      expect(await row(t)).toBeUndefined();
    },
  );

  it('[C-38] more than 50 script domains, an unknown tool or a rate of 0 are refused', async () => {
    const t = await seedTenant(stack.ds);
    const many = Array.from({ length: 51 }, (_, i) => `h${i}.example.com`);
    for (const i of [{ scriptDomains: many }, { disabledTools: ['approve_post'] }, { callsPerMinute: 0 }]) {
      const r = await stack.gql(t.users.admin, UPDATE, { i: { agencyId: t.agencyId, ...i } });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await row(t)).toBeUndefined();
  });

  it('[C-37] Admins see the registry as the gateway loads it (signed, versioned) and where assistants connect', async () => {
    const t = await seedTenant(stack.ds);
    const q = '{ gatewayTools { url tools { name version state reason } } }';
    const r = await stack.gql<{
      gatewayTools: { url: string; tools: { name: string; version: number; state: string; reason: string | null }[] };
    }>(t.users.admin, q);
    expect(r.errors).toBeUndefined();
    expect(r.data?.gatewayTools.url).toBe(PUBLIC_URL);
    const tools = r.data!.gatewayTools.tools;
    // The same registry the stack's gateway loaded: every tool it serves shows as signed, none refused.
    expect(tools.filter((x) => x.state === 'signed').map((x) => x.name)).toEqual(
      [...stack.gateway.registry.tools.keys()].sort(),
    );
    expect(tools.filter((x) => x.state === 'refused')).toEqual([]);
    for (const who of [t.users.approver, t.users.author]) {
      const refused = await stack.gql(who, q);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("[C-04] another agency's settings are invisible: read or written, they answer exactly like a missing agency", async () => {
    const victim = await seedTenant(stack.ds);
    const attacker = await seedTenant(stack.ds);
    await stack.gql(victim.users.admin, UPDATE, { i: { agencyId: victim.agencyId, callsPerMinute: 12 } });
    const before = await row(victim);
    for (const [q, vars] of [
      [READ, (a: string) => ({ a })],
      [UPDATE, (a: string) => ({ i: { agencyId: a, scriptsEnabled: true, acknowledgeScriptRisk: true } })],
    ] as const) {
      const foreign = await stack.gql(attacker.users.admin, q, vars(victim.agencyId));
      const absent = await stack.gql(attacker.users.admin, q, vars(MISSING));
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(foreign.errors?.[0]).toEqual(absent.errors?.[0]);
      expect(foreign.data ?? null).toBeNull();
    }
    expect(await row(victim)).toEqual(before);
  });
});
