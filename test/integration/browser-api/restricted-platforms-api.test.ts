import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { addOperator, codeOf, MISSING } from './browser-api-world';

const LIST = `query($c: ID!) { restrictedPlatforms(clientId: $c) {
  platform riskStatement riskVersion enabled enabledBy { id displayName } enabledAt } }`;
const ENABLE = `mutation($c: ID!, $p: String!, $a: Boolean!) { enableRestrictedPlatform(clientId: $c, platform: $p,
  acknowledgeRisk: $a) { platform enabled enabledBy { id } } }`;
const DISABLE = `mutation($c: ID!, $p: String!) { disableRestrictedPlatform(clientId: $c, platform: $p) { platform enabled } }`;

/** The policy's own data: the list of restricted platforms and their risk statements live there, once. */
const policyDefaults = JSON.parse(readFileSync(join(__dirname, '../../../policies/raize/data.json'), 'utf8')) as {
  raize: {
    defaults: {
      disallowed_platforms: string[];
      restricted_platform_risks: Record<string, { version: number; statement: string }>;
    };
  };
};
const skool = policyDefaults.raize.defaults.restricted_platform_risks.skool;

describe('restricted platforms through GraphQL (C-45)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const enabledPlatforms = async (clientId: string) =>
    (
      await stack.ds.query<{ enabled_platforms: string[] }[]>(
        'SELECT enabled_platforms FROM client_policy_settings WHERE client_id = $1',
        [clientId],
      )
    )[0].enabled_platforms;
  const audits = (clientId: string) =>
    stack.ds.query<{ action: string; actor: string; subject_id: string; data: Record<string, unknown> }[]>(
      `SELECT action, actor, subject_id, data FROM audit_events
        WHERE client_id = $1 AND action LIKE 'client.restricted_platform_%' ORDER BY seq`,
      [clientId],
    );

  it('[C-45] a restricted platform needs an explicit, audited opt-in', async () => {
    const t = await seedTenant(stack.ds);
    const listed = await stack.gql(t.users.analyst, LIST, { c: t.clientId });
    expect(listed.errors).toBeUndefined();
    expect(listed.data).toEqual({
      restrictedPlatforms: policyDefaults.raize.defaults.disallowed_platforms.map((platform) => ({
        platform,
        riskStatement: policyDefaults.raize.defaults.restricted_platform_risks[platform].statement,
        riskVersion: policyDefaults.raize.defaults.restricted_platform_risks[platform].version,
        enabled: false,
        enabledBy: null,
        enabledAt: null,
      })),
    });
    expect(skool.statement).toMatch(/terms of service forbid automated access/);

    // Without the acknowledgement: refused, nothing stored, nothing audited.
    const unacknowledged = await stack.gql(t.users.admin, ENABLE, { c: t.clientId, p: 'skool', a: false });
    expect(codeOf(unacknowledged)).toBe('BAD_USER_INPUT');
    expect(unacknowledged.errors?.[0].message).toMatch(/acknowledgeRisk/);
    // Not an Admin: refused whatever they acknowledge.
    for (const actor of [t.users.approver, t.users.author, t.users.analyst])
      expect(codeOf(await stack.gql(actor, ENABLE, { c: t.clientId, p: 'skool', a: true }))).toBe('FORBIDDEN');
    // Only platforms the policy refuses by default have an opt-in.
    expect(codeOf(await stack.gql(t.users.admin, ENABLE, { c: t.clientId, p: 'sandbox', a: true }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await enabledPlatforms(t.clientId)).toEqual([]);
    expect(await audits(t.clientId)).toEqual([]);

    const on = await stack.gql(t.users.admin, ENABLE, { c: t.clientId, p: 'skool', a: true });
    expect(on.errors).toBeUndefined();
    expect(on.data).toEqual({
      enableRestrictedPlatform: { platform: 'skool', enabled: true, enabledBy: { id: t.users.admin } },
    });
    expect(await enabledPlatforms(t.clientId)).toEqual(['skool']);
    expect(await audits(t.clientId)).toEqual([
      {
        action: 'client.restricted_platform_enabled',
        actor: `user:${t.users.admin}`,
        subject_id: 'skool',
        data: {
          platform: 'skool',
          riskVersion: skool.version,
          riskSha256: createHash('sha256').update(skool.statement).digest('hex'),
        },
      },
    ]);
    const after = await stack.gql(t.users.analyst, LIST, { c: t.clientId });
    expect(after.data?.restrictedPlatforms).toEqual([
      expect.objectContaining({
        platform: 'skool',
        enabled: true,
        enabledBy: { id: t.users.admin, displayName: expect.stringMatching(/^admin /) as unknown },
        enabledAt: expect.any(String) as unknown,
      }),
    ]);
    // Enabling again changes nothing and records nothing more.
    await stack.gql(t.users.admin, ENABLE, { c: t.clientId, p: 'skool', a: true });
    expect(await audits(t.clientId)).toHaveLength(1);

    // Turning it off is an Admin's too, and audited.
    expect(codeOf(await stack.gql(t.users.approver, DISABLE, { c: t.clientId, p: 'skool' }))).toBe('FORBIDDEN');
    const off = await stack.gql(t.users.admin, DISABLE, { c: t.clientId, p: 'skool' });
    expect(off.data).toEqual({ disableRestrictedPlatform: { platform: 'skool', enabled: false } });
    expect(await enabledPlatforms(t.clientId)).toEqual([]);
    expect((await audits(t.clientId)).map((a) => a.action)).toEqual([
      'client.restricted_platform_enabled',
      'client.restricted_platform_disabled',
    ]);
  });

  it("an Admin of the client only, or of another agency, cannot turn one on; another tenant's client reads as missing", async () => {
    const t = await seedTenant(stack.ds);
    const clientAdmin = await addOperator(stack, t, 'Admin', 'Client Admin', t.clientId);
    expect(codeOf(await stack.gql(clientAdmin, ENABLE, { c: t.clientId, p: 'skool', a: true }))).toBe('FORBIDDEN');
    const attacker = (await seedTenant(stack.ds)).users.admin;
    for (const [query, vars] of [
      [LIST, (c: string) => ({ c })],
      [ENABLE, (c: string) => ({ c, p: 'skool', a: true })],
      [DISABLE, (c: string) => ({ c, p: 'skool' })],
    ] as const) {
      const foreign = await stack.gql(attacker, query, vars(t.clientId));
      const absent = await stack.gql(attacker, query, vars(MISSING));
      expect(codeOf(foreign)).toBe('NOT_FOUND');
      expect(foreign.errors?.[0].message).toBe(absent.errors?.[0].message);
    }
    expect(await enabledPlatforms(t.clientId)).toEqual([]);
  });
});
