import { randomUUID } from 'node:crypto';
import {
  upsertFailure,
  upsertStanding,
  upsertSuccess,
} from '../../../services/core/connector-health/account-health.repository';
import { ConnectorHealthAssembler } from '../../../services/core/connector-health/connector-health.service';
import type { AccountHealthView } from '../../../services/core/connector-health/connector-health.types';
import type { PlatformDescriptor } from '../../../services/core/connectors/connector.types';
import { platformDescriptor } from '../../../services/core/connectors/platform-registry';
import { seedTenant } from '../../factories/tenant.factory';
import type { HealthWorld } from './health-world';
import { openHealthWorld, seedAccount, seedUsage } from './health-world';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const day = (days: number) => at(days).toISOString().slice(0, 10);

/** The sandbox's descriptor with an API version of the test's choosing (the registry stays as it is). */
const sandboxWith = (sunsetsAt: string | null): PlatformDescriptor => ({
  ...platformDescriptor('sandbox'),
  apiVersion: { version: 'v7', sunsetsAt, source: 'https://example.test/versions' },
});

/** A platform no registry has: metered per call and per project, its tokens not renewable without the owner. */
const fakegram = (id: string): PlatformDescriptor => ({
  ...platformDescriptor('sandbox'),
  id: id as PlatformDescriptor['id'],
  displayName: 'Fakegram',
  apiVersion: { version: '202601', sunsetsAt: null, source: 'p' },
  tokens: { refreshable: false, refreshLeadSeconds: 3 * 86_400, rotatesRefreshToken: false, checkEverySeconds: 3600 },
});

describe('the assembled health of accounts in various states (core, real Postgres under row-level security)', () => {
  let w: HealthWorld;
  beforeAll(async () => {
    w = await openHealthWorld();
  });
  afterAll(() => w?.close());

  const assemble = (clientId: string, lookup: (p: string) => PlatformDescriptor | undefined, quota?: number) =>
    w.asClient(clientId, (m) =>
      new ConnectorHealthAssembler({ descriptorOf: lookup, clock: () => NOW, dailyQuotaOf: () => quota }).forClients(
        m,
        [clientId],
      ),
    );
  const codes = (v: AccountHealthView | undefined) => v?.attention.map((a) => `${a.code}:${a.severity}`);

  it('computes days to the API version’s sunset from the descriptor: soon is a warning, past is critical', async () => {
    const t = await seedTenant(w.owner);
    await seedAccount(w.owner, t, { tokenExpiresAt: at(20) });
    const soon = (await assemble(t.clientId, () => sandboxWith(day(30))))[0]!;
    expect(soon.apiVersion).toEqual({
      version: 'v7',
      sunsetsAt: day(30),
      daysToSunset: 30,
      source: 'https://example.test/versions',
    });
    expect(soon.attention).toEqual([
      expect.objectContaining({
        code: 'api_version_sunset',
        severity: 'warning',
        headline: 'Sandbox retires API version v7 in 30 days',
      }),
    ]);
    const retired = (await assemble(t.clientId, () => sandboxWith(day(-3))))[0]!;
    expect([retired.apiVersion.daysToSunset, codes(retired)]).toEqual([-3, ['api_version_sunset:critical']]);
    expect(codes((await assemble(t.clientId, () => sandboxWith(day(61))))[0])).toEqual([]);
    expect(codes((await assemble(t.clientId, () => sandboxWith(null)))[0])).toEqual([]);
    // Without a descriptor (a platform Raize no longer knows), the account is still shown, by its id.
    const unknown = (await assemble(t.clientId, () => undefined))[0]!;
    expect(unknown).toMatchObject({ platformName: 'sandbox', apiVersion: { version: null, daysToSunset: null } });
  });

  it('shows each account’s state, token timeline, standing and errors, and what needs attention', async () => {
    const t = await seedTenant(w.owner);
    const lookup = () => sandboxWith(null);
    const revoked = await seedAccount(w.owner, t, {
      status: 'needs_reconnect',
      statusReason: 'token_revoked',
      connectedAt: at(-5),
    });
    const quarantined = await seedAccount(w.owner, t, { status: 'quarantined', connectedAt: at(-4) });
    const ending = await seedAccount(w.owner, t, {
      tokenExpiresAt: at(0.05),
      refreshExpiresAt: at(3),
      tokenCheckedAt: at(-0.1),
      connectedAt: at(-3),
    });
    const restricted = await seedAccount(w.owner, t, { tokenExpiresAt: at(10), connectedAt: at(-2) });
    await seedAccount(w.owner, t, { status: 'disconnected', connectedAt: at(-1) });
    await w.asClient(t.clientId, async (m) => {
      await upsertStanding(
        m,
        restricted,
        {
          quotas: [
            {
              id: 'p.posts_24h',
              label: 'Posts in 24 h',
              used: 25,
              limit: 25,
              unit: 'posts',
              resetsAt: at(0.5).toISOString(),
            },
          ],
          restrictions: [{ code: 'private_only', message: 'Ask for the audit.' }],
          missing: ['the CREATE_CONTENT task on the Page'],
        },
        at(-0.2),
      );
      await upsertFailure(m, restricted, {
        at: at(-1).toISOString(),
        signal: 'action_blocked',
        kind: 'permanent',
        status: 400,
        platformCode: '9007/2207051',
        message: 'blocked',
        whatToDo: 'w',
      });
      await upsertSuccess(m, restricted, at(-0.5));
    });

    const views = await assemble(t.clientId, lookup);
    const byId = new Map(views.map((v) => [v.accountId, v]));
    expect(views.map((v) => v.accountId)).toEqual([revoked.id, quarantined.id, ending.id, restricted.id]);
    expect(codes(byId.get(revoked.id))).toEqual(['token_revoked:critical']);
    expect(codes(byId.get(quarantined.id))).toEqual(['account_quarantined:critical']);
    const e = byId.get(ending.id)!;
    expect(e.token).toEqual({
      expiresAt: at(0.05),
      refreshExpiresAt: at(3),
      checkedAt: at(-0.1),
      refreshable: true,
      nextRefreshAt: new Date(at(0.05).getTime() - 600_000),
      signInAgainBy: at(3),
    });
    expect(codes(e)).toEqual(['reconsent_due:warning']);
    const r = byId.get(restricted.id)!;
    expect(r).toMatchObject({
      lastSuccessAt: at(-0.5),
      lastFailureAt: at(-1),
      standingCheckedAt: at(-0.2),
      missing: ['the CREATE_CONTENT task on the Page'],
      restrictions: [{ code: 'private_only', message: 'Ask for the audit.' }],
      recentErrors: [expect.objectContaining({ signal: 'action_blocked', platformCode: '9007/2207051' })],
      worstSeverity: 'critical',
    });
    // The block came before the last success: history, not something to do now.
    expect(codes(r)).toEqual(['missing_permissions:critical', 'private_only:warning', 'daily_limit:warning']);
  });

  it('meters what a client spent this month and what the whole installation used of a project quota today', async () => {
    const platform = `fakegram_${randomUUID().slice(0, 6)}`;
    const lookup = (p: string) => (p === platform ? fakegram(platform) : undefined);
    const t = await seedTenant(w.owner);
    const other = await seedTenant(w.owner);
    const acc = await seedAccount(w.owner, t, { platform, tokenExpiresAt: at(2), tokenCheckedAt: at(-0.1) });
    const theirs = await seedAccount(w.owner, other, { platform });
    await seedUsage(w.owner, acc, { unit: 'usd_micros', amount: 15_000, at: at(-1) });
    await seedUsage(w.owner, acc, { unit: 'usd_micros', amount: 200_000, at: at(-0.5) });
    await seedUsage(w.owner, acc, { unit: 'usd_micros', amount: 9_000_000, at: new Date('2026-10-31T23:00:00Z') });
    await seedUsage(w.owner, theirs, { unit: 'usd_micros', amount: 5_000_000, at: at(-0.5) });
    await seedUsage(w.owner, acc, { unit: 'quota_units', amount: 1_600, at: at(-0.1) });
    await seedUsage(w.owner, theirs, { unit: 'quota_units', amount: 3_200, at: at(-0.2) });
    await seedUsage(w.owner, theirs, { unit: 'quota_units', amount: 9_999, at: at(-1.5) });

    const [v] = await assemble(t.clientId, lookup, 10_000);
    expect(v!.quotas).toEqual([
      {
        id: `${platform}.spend_month`,
        label: 'Spent on Fakegram API calls this month (this client)',
        used: 0.215,
        limit: null,
        unit: 'usd',
        resetsAt: '2026-12-01T00:00:00.000Z',
      },
      {
        id: `${platform}.units_24h`,
        label: 'Fakegram API units used in the last 24 hours (whole installation, every client)',
        used: 4_800,
        limit: 10_000,
        unit: 'quota_units',
      },
    ]);
    // Not renewable and ending in two days: the owner must sign in again.
    expect(v!.token).toMatchObject({ refreshable: false, nextRefreshAt: null, signInAgainBy: at(2) });
    expect(codes(v)).toEqual(['reconsent_due:warning']);

    // With the connector's own meter (its window and ceiling), the fresher figure takes its place, in its window.
    await w.asClient(t.clientId, (m) =>
      upsertStanding(
        m,
        acc,
        {
          quotas: [
            {
              id: 'fakegram.units_today',
              label: 'Units today (whole project)',
              used: 1,
              limit: 4_000,
              unit: 'quota_units',
              resetsAt: at(-0.75).toISOString(),
            },
          ],
          restrictions: [],
          missing: [],
        },
        at(-1),
      ),
    );
    const [again] = await assemble(t.clientId, lookup, 10_000);
    expect(again!.quotas[1]).toEqual({
      id: 'fakegram.units_today',
      label: 'Units today (whole project)',
      used: 4_800,
      limit: 4_000,
      unit: 'quota_units',
      resetsAt: at(0.25).toISOString(),
    });
    expect(codes(again)).toEqual(['reconsent_due:warning', 'quota_exhausted:warning']);
  });

  it("[C-01] a client's scope assembles nothing of another client, even when asked for it by id", async () => {
    const a = await seedTenant(w.owner);
    const b = await seedTenant(w.owner);
    const own = await seedAccount(w.owner, a);
    await seedAccount(w.owner, b, { status: 'needs_reconnect', statusReason: 'token_revoked' });
    const seen = await w.asClient(a.clientId, (m) =>
      new ConnectorHealthAssembler({ clock: () => NOW }).forClients(m, [a.clientId, b.clientId]),
    );
    expect(seen.map((v) => v.accountId)).toEqual([own.id]);
  });
});
