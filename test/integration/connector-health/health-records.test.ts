import {
  clearAlert,
  markAlerted,
  recordFailure,
  recordStanding,
  recordSuccess,
  shouldAlert,
} from '../../../services/core/connector-health/account-health.service';
import { ConnectorHealthAssembler } from '../../../services/core/connector-health/connector-health.service';
import { OPERATOR_WORDS } from '../../../services/core/connector-health/operator-words';
import { ConnectorError } from '../../../services/core/connectors/connector.errors';
import type { AccountStanding } from '../../../services/core/connectors/connector.types';
import { HEALTH_SIGNALS } from '../../../workflows/contracts/vocabulary/health-signals';
import { seedTenant } from '../../factories/tenant.factory';
import type { HealthWorld } from './health-world';
import { openHealthWorld, seedAccount } from './health-world';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const minutes = (n: number) => new Date(T0 + n * 60_000);

describe('the health centre’s records (core, real Postgres under row-level security)', () => {
  let w: HealthWorld;
  beforeAll(async () => {
    w = await openHealthWorld();
  });
  afterAll(() => w?.close());

  async function freshAccount() {
    const t = await seedTenant(w.owner);
    return seedAccount(w.owner, t);
  }
  const row = async (accountId: string) =>
    (
      await w.owner.query<{ recent_errors: { at: string; message: string }[]; last_success_at: Date | null }[]>(
        'SELECT recent_errors, last_success_at, last_failure_at, alerted_signal FROM account_health WHERE platform_account_id = $1',
        [accountId],
      )
    )[0];

  it('words every health signal for operators when a failure is recorded, and reads them back on the account', async () => {
    const account = await freshAccount();
    const views = await w.asClient(account.clientId, async (m) => {
      for (const [i, signal] of HEALTH_SIGNALS.entries())
        await recordFailure(
          m,
          account,
          new ConnectorError('permanent', `POST /x: raw ${signal}`, { health: signal }),
          minutes(i),
        );
      return new ConnectorHealthAssembler().forClients(m, [account.clientId]);
    });
    const kept = views[0]!.recentErrors;
    const newest = HEALTH_SIGNALS.slice(-5).reverse();
    expect(kept.map((e) => e.signal)).toEqual(newest);
    for (const e of kept) {
      expect(e.message).toBe(OPERATOR_WORDS[e.signal!].headline.replaceAll('{platform}', 'Sandbox'));
      expect(e.whatToDo).not.toContain('{platform}');
      expect(JSON.stringify(e)).not.toContain('raw');
    }
  });

  it('keeps the 5 newest errors, newest first, whatever order they arrive in', async () => {
    const account = await freshAccount();
    const order = [3, 0, 6, 1, 5, 2, 4];
    await w.asClient(account.clientId, async (m) => {
      for (const n of order)
        await recordFailure(m, account, new ConnectorError('transient', 'GET /me', { status: 503 }), minutes(n));
    });
    const r = await row(account.id);
    expect(r!.recent_errors.map((e) => e.at)).toEqual([6, 5, 4, 3, 2].map((n) => minutes(n).toISOString()));
    expect(r).toMatchObject({ last_failure_at: minutes(6) });
  });

  it('moves the last success forward only, and records nothing when the caller’s transaction rolls back', async () => {
    const account = await freshAccount();
    await w.asClient(account.clientId, async (m) => {
      await recordSuccess(m, account, minutes(10));
      await recordSuccess(m, account, minutes(5));
    });
    expect((await row(account.id))!.last_success_at).toEqual(minutes(10));
    await expect(
      w.asClient(account.clientId, (m) =>
        m.transaction(async (tx) => {
          await recordSuccess(tx, account, minutes(20));
          await recordFailure(tx, account, new ConnectorError('auth', 'GET /me', { health: 'token_revoked' }));
          throw new Error('the caller fails after recording');
        }),
      ),
    ).rejects.toThrow('the caller fails');
    expect(await row(account.id)).toMatchObject({ last_success_at: minutes(10), recent_errors: [] });
  });

  it('alerts once per signal until it clears: a working call clears a failing-call signal, not a standing one', async () => {
    const account = await freshAccount();
    const answers = await w.asClient(account.clientId, async (m) => {
      const out: unknown[] = [];
      out.push(await shouldAlert(m, account, 'token_revoked'));
      // Two processes racing on the same breakage: one of them sends the alert.
      out.push(await Promise.all([markAlerted(m, account, 'token_revoked'), markAlerted(m, account, 'token_revoked')]));
      out.push(await shouldAlert(m, account, 'token_revoked'), await markAlerted(m, account, 'token_revoked'));
      await clearAlert(m, account, 'private_only');
      out.push(await shouldAlert(m, account, 'token_revoked'));
      await clearAlert(m, account);
      out.push(await markAlerted(m, account, 'token_revoked'));
      await recordSuccess(m, account);
      out.push(await shouldAlert(m, account, 'token_revoked'));
      out.push(await markAlerted(m, account, 'private_only'));
      await recordSuccess(m, account);
      out.push(await markAlerted(m, account, 'private_only'));
      await recordStanding(m, account, { quotas: [], restrictions: [], missing: [] });
      out.push(await markAlerted(m, account, 'private_only'));
      return out;
    });
    expect(answers).toEqual([true, [true, false], false, false, false, true, true, true, false, true]);
  });

  it('keeps a standing only when it has the right shape (it came from a platform)', async () => {
    const account = await freshAccount();
    const bad: AccountStanding = {
      quotas: [{ id: 'x', label: 'L', used: -1, limit: null, unit: 'posts' }],
      restrictions: [],
      missing: [],
    };
    await expect(w.asClient(account.clientId, (m) => recordStanding(m, account, bad))).rejects.toThrow();
    const odd = { quotas: [], restrictions: [{ code: 'not_a_signal', message: 'm' }], missing: [] };
    await expect(w.asClient(account.clientId, (m) => recordStanding(m, account, odd as never))).rejects.toThrow();
    expect(await row(account.id)).toBeUndefined();
  });

  it("[C-01] one client's scope cannot write another client's health row", async () => {
    const victim = await freshAccount();
    const attacker = await freshAccount();
    const err = new ConnectorError('auth', 'GET /me', { health: 'token_revoked' });
    await expect(w.asClient(attacker.clientId, (m) => recordFailure(m, victim, err))).rejects.toThrow();
    await expect(w.asClient(attacker.clientId, (m) => markAlerted(m, victim, 'token_revoked'))).rejects.toThrow();
    expect(await row(victim.id)).toBeUndefined();
  });
});
