import { AuditEvent } from '../../../services/core/database/entities';
import type { TikTokEmulator } from '../../../services/emulators/platforms/tiktok/tiktok.emulator';
import { startTikTokEmulator } from '../../../services/emulators/platforms/tiktok/tiktok.emulator';
import { connectSandboxAccount } from '../../factories/connect-account';
import { connectEmulatedAccount } from '../../factories/connect-emulated';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { seedAccount } from './health-world';

const MISSING = '00000000-0000-4000-8000-000000000000';

// What the admin app asks for a client's connections: within the API's cost limit (C-10) with every list it shows.
const HEALTH = `query($c: ID!) { connectorHealth(clientId: $c) {
  accountId clientId platform platformName handle status statusReason tokenExpiresAt refreshExpiresAt nextRefreshAt
  signInAgainBy tokenRefreshable lastSuccessAt standingCheckedAt apiVersion apiVersionSunsetsAt daysToSunset missing
  worstSeverity
  quotas { id label used limit unit resetsAt }
  restrictions { code message }
  recentErrors { at signal message whatToDo }
  attention { code severity headline whatToDo }
} }`;
const ATTENTION = `query($f: Int, $a: String, $g: ID) { connectorAttention(first: $f, after: $a, agencyId: $g) {
  entries { accountId clientId clientName platform handle accountStatus code signal severity headline whatToDo }
  endCursor
} }`;
const REFRESH = `mutation($a: ID!) { refreshConnectorStanding(accountId: $a) {
  accountId standingCheckedAt restrictions { code message } missing attention { code severity }
  recentErrors { signal message }
} }`;

interface Health {
  accountId: string;
  status: string;
  platform: string;
  standingCheckedAt: string | null;
  restrictions: { code: string; message: string }[];
  attention: { code: string; severity: string; headline: string; whatToDo: string }[];
  recentErrors: { signal: string | null; message: string }[];
  worstSeverity: string | null;
}
interface Entry {
  accountId: string;
  clientId: string;
  clientName: string;
  code: string;
  severity: string;
}

describe('the connector health centre through GraphQL (real API, Postgres; sandbox and TikTok emulator)', () => {
  let stack: TestStack;
  let tiktok: TikTokEmulator;
  beforeAll(async () => {
    tiktok = await startTikTokEmulator();
    stack = await startTestStack({ platforms: [tiktok], env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await stack?.close();
    await tiktok?.close();
  });

  const health = async (actor: string, clientId: string) => {
    const r = await stack.gql<{ connectorHealth: Health[] }>(actor, HEALTH, { c: clientId });
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.connectorHealth;
  };
  const attention = async (actor: string, vars: { f?: number; a?: string; g?: string } = {}) => {
    const r = await stack.gql<{ connectorAttention: { entries: Entry[]; endCursor: string | null } }>(
      actor,
      ATTENTION,
      vars,
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.connectorAttention;
  };
  const troubled = async (t: SeededTenant) => ({
    revoked: await seedAccount(stack.ds, t, { status: 'needs_reconnect', statusReason: 'refresh_expired' }),
    quarantined: await seedAccount(stack.ds, t, { status: 'quarantined' }),
  });

  it('shows every connection of a client, in words, to any role that reads the client', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const { revoked } = await troubled(t);
    const list = await health(t.users.analyst, t.clientId);
    expect(list).toHaveLength(3);
    expect(list[0]!.accountId).toBe(acc.accountId);
    const connected = list.find((h) => h.accountId === acc.accountId)!;
    expect(connected).toMatchObject({ status: 'connected', platform: 'sandbox', attention: [], worstSeverity: null });
    const broken = list.find((h) => h.accountId === revoked.id)!;
    expect(broken.attention).toEqual([
      expect.objectContaining({
        code: 'refresh_expired',
        severity: 'critical',
        headline: 'The connection to Sandbox ran out and cannot be renewed automatically',
      }),
    ]);
  });

  it("[C-02] another tenant's client answers exactly like one that does not exist", async () => {
    const victim = await seedTenant(stack.ds);
    const attacker = await seedTenant(stack.ds);
    await troubled(victim);
    const foreign = await stack.gql(attacker.users.admin, HEALTH, { c: victim.clientId });
    const absent = await stack.gql(attacker.users.admin, HEALTH, { c: MISSING });
    expect(foreign.data).toBeNull();
    expect(foreign.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(foreign.errors?.[0]?.message).toBe(absent.errors?.[0]?.message);
  });

  it('[C-04] the agency-wide list shows what needs doing on the operator’s own tenants only, most severe first, page by page', async () => {
    const mine = await seedTenant(stack.ds);
    const theirs = await seedTenant(stack.ds);
    const own = await troubled(mine);
    await seedAccount(stack.ds, mine, { status: 'read_only' });
    await troubled(theirs);

    const seen: Entry[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await attention(mine.users.admin, { f: 1, ...(after ? { a: after } : {}) });
      seen.push(...page.entries);
      after = page.endCursor ?? undefined;
      pages += 1;
    } while (after && pages < 10);
    expect(seen.map((e) => e.clientId)).toEqual([mine.clientId, mine.clientId, mine.clientId]);
    expect(seen.map((e) => e.severity)).toEqual(['critical', 'critical', 'warning']);
    expect(seen.map((e) => e.code).sort()).toEqual(['account_quarantined', 'account_read_only', 'refresh_expired']);
    expect(
      seen
        .filter((e) => e.severity === 'critical')
        .map((e) => e.accountId)
        .sort(),
    ).toEqual([own.revoked.id, own.quarantined.id].sort());
    expect(seen[0]!.clientName).toMatch(/^Client /);
    // The other agency's accounts are not there, not even by naming that agency.
    expect((await attention(mine.users.admin, { g: theirs.agencyId })).entries).toEqual([]);
    expect((await attention(mine.users.admin, { g: mine.agencyId })).entries).toHaveLength(3);
    // A client-scoped Reviewer sees the client's entries too; nobody sees another agency's.
    expect((await attention(mine.users.reviewer)).entries).toHaveLength(3);
    expect((await attention(theirs.users.analyst)).entries.map((e) => e.clientId)).toEqual([
      theirs.clientId,
      theirs.clientId,
    ]);
    const bad = await stack.gql(mine.users.admin, ATTENTION, { a: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refreshes the standing from the platform with the account’s own credential, keeps it and audits it', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectEmulatedAccount(stack, t.users.admin, t.clientId, tiktok);
    // A stale standing the platform no longer reports: replaced, not merged.
    await stack.ds.query(
      `INSERT INTO account_health (platform_account_id, agency_id, client_id, restrictions)
       VALUES ($1, $2, $3, '[{"code":"app_in_testing","message":"stale"}]'::jsonb)`,
      [acc.accountId, t.agencyId, t.clientId],
    );
    const r = await stack.gql<{ refreshConnectorStanding: Health }>(t.users.approver, REFRESH, { a: acc.accountId });
    expect(r.errors).toBeUndefined();
    const h = r.data!.refreshConnectorStanding;
    expect(h.standingCheckedAt).not.toBeNull();
    // An unaudited app posts privately only: the platform's restriction, in the connector's words.
    expect(h.restrictions.map((x) => x.code)).toContain('private_only');
    expect(h.restrictions.map((x) => x.code)).not.toContain('app_in_testing');
    expect(h.attention).toContainEqual({ code: 'private_only', severity: 'warning' });
    const audited = await stack.ds.getRepository(AuditEvent).findOneOrFail({
      where: { subjectId: acc.accountId, action: 'account.standing_checked' },
    });
    expect(audited).toMatchObject({ actor: `user:${t.users.approver}`, clientId: t.clientId });
    expect(JSON.stringify(audited.data)).not.toMatch(/token/i);
    // Pressed again at once: the fresh standing is the answer, and the platform's meter is not spent again.
    const calls = tiktok.server.requests.length;
    const again = await stack.gql<{ refreshConnectorStanding: Health }>(t.users.admin, REFRESH, { a: acc.accountId });
    expect(again.data?.refreshConnectorStanding.standingCheckedAt).toBe(h.standingCheckedAt);
    expect(tiktok.server.requests.length).toBe(calls);
    expect(
      await stack.ds.getRepository(AuditEvent).count({
        where: { subjectId: acc.accountId, action: 'account.standing_checked' },
      }),
    ).toBe(1);
  });

  it('records a refusal in words and answers it, when the platform no longer accepts the credential', async () => {
    const t = await seedTenant(stack.ds);
    const emulated = tiktok.accounts()[1]!;
    const acc = await connectEmulatedAccount(stack, t.users.admin, t.clientId, tiktok, emulated.id);
    tiktok.tokens.revokeAccount(emulated.id);
    const r = await stack.gql(t.users.admin, REFRESH, { a: acc.accountId });
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    expect(r.errors?.[0]?.message).toContain('TikTok');
    expect(r.errors?.[0]?.message).not.toMatch(/access_token|Bearer|act\./);
    const [h] = (await health(t.users.admin, t.clientId)).filter((x) => x.accountId === acc.accountId);
    expect(h!.recentErrors[0]).toMatchObject({
      signal: 'token_revoked',
      message: 'TikTok no longer accepts this connection',
    });
    expect(h!.attention[0]).toMatchObject({ code: 'token_revoked', severity: 'critical' });
  });

  it('[C-03] [C-02] only Admins and Managers of the client refresh a standing; others are refused and nothing is kept', async () => {
    const t = await seedTenant(stack.ds);
    const other = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const analyst = await stack.gql(t.users.analyst, REFRESH, { a: acc.accountId });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await stack.gql(other.users.admin, REFRESH, { a: acc.accountId });
    const absent = await stack.gql(other.users.admin, REFRESH, { a: MISSING });
    expect(foreign.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(foreign.errors?.[0]?.message).toBe(absent.errors?.[0]?.message);
    expect(
      await stack.ds.query('SELECT 1 FROM account_health WHERE platform_account_id = $1', [acc.accountId]),
    ).toEqual([]);
    // The sandbox reports no restrictions: the Admin's refresh keeps an empty standing.
    const ok = await stack.gql<{ refreshConnectorStanding: Health }>(t.users.admin, REFRESH, { a: acc.accountId });
    expect(ok.data?.refreshConnectorStanding).toMatchObject({ restrictions: [], attention: [] });
    const needsReconnect = await seedAccount(stack.ds, t, { status: 'needs_reconnect', statusReason: 'token_revoked' });
    const refused = await stack.gql(t.users.admin, REFRESH, { a: needsReconnect.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
