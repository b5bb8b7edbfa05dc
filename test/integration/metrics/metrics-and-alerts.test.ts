import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../../deploy/local/free-port';
import { PlatformStaffBootstrap } from '../../../services/core/bootstrap/platform-staff';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { AuditService } from '../../../services/core/audit/audit.service';
import { recordFailure } from '../../../services/core/connector-health/account-health.service';
import { ConnectorError } from '../../../services/core/connectors/connector.errors';
import { METRIC_LABELS } from '../../../services/core/metrics/metric-catalog';
import { repoRoot } from '../../../services/core/util/repo-root';
import type { ConnectedAccount } from '../../factories/connect-account';
import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset, hasStatus, schedulePost, waitForPost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant, setPolicy } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { testEnv } from '../../harness/test-env';

const WORKER_MAIN = join(repoRoot(), 'dist', 'services', 'worker', 'main.js');
const TOKEN = `scrape-${randomUUID()}-${randomUUID()}`;
const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };
const ALERT_FIELDS = 'id name severity firing value threshold summary runbook since';

interface AlertStatus {
  id: string;
  name: string;
  severity: string;
  firing: boolean;
  value: number | null;
  threshold: number;
  summary: string;
  runbook: string;
  since: string | null;
}

/** One sample of a Prometheus text exposition: name, labels, value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
      if (!m) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]),
      );
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

const find = (all: Sample[], name: string, labels: Record<string, string>) =>
  all.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('metrics and alert rules: a real episode scraped from the API and the worker (real Temporal, Postgres, sandbox)', () => {
  let stack: TestStack;
  let worker: ChildProcess | undefined;
  let workerPort: number;
  let staff: string;
  let t: SeededTenant;
  let other: SeededTenant;
  let account: ConnectedAccount;

  const scrape = async (url: string, token: string | null = TOKEN) => {
    const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, text: await res.text() };
  };
  const apiMetrics = () => scrape(`${stack.apiUrl}/metrics`);
  const workerMetrics = () => scrape(`http://127.0.0.1:${workerPort}/metrics`);
  const alerts = (actor: string) => stack.gql<{ alerts: AlertStatus[] }>(actor, `query { alerts { ${ALERT_FIELDS} } }`);
  const alertOf = async (actor: string, id: string) => {
    const r = await alerts(actor);
    if (!r.data) throw new Error(`alerts: ${JSON.stringify(r.errors)}`);
    return r.data.alerts.find((a) => a.id === id)!;
  };

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(`${WORKER_MAIN} is missing: build first (npx tsc -p tsconfig.build.json; npm test does it)`);
    stack = await startTestStack({ env: { RAIZE_METRICS_TOKEN: TOKEN } });
    const email = `engineer-${randomUUID().slice(0, 8)}@raize.test`;
    staff = (await new TenantBootstrap(stack.ds).createUser(email, 'Platform Engineer')).id;
    await new PlatformStaffBootstrap(stack.ds).grant(email, 'test');
    t = await seedTenant(stack.ds, AUTONOMOUS);
    other = await seedTenant(stack.ds, AUTONOMOUS);
    account = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    workerPort = await freePort();
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker!.once('exit', r));
    }
    await stack.close();
  });

  it('the alert rules: a lane nobody polls fires, naming it, and stops firing once a worker polls it', async () => {
    // The stack's task queue (every lane's, as RAIZE_TASK_QUEUE makes it) is new: no worker has polled it yet.
    const before = await alertOf(staff, 'lane_without_pollers');
    expect(before).toMatchObject({ name: 'RaizeLaneWithoutPollers', severity: 'critical', firing: true, value: 0 });
    expect(before.threshold).toBe(1);
    expect(before.summary).toContain('publish');
    expect(before.runbook).toBe('docs/metrics.md#raizelanewithoutpollers');
    expect(new Date(before.since!).getTime()).toBeLessThanOrEqual(Date.now());

    const env = testEnv();
    worker = fork(WORKER_MAIN, [], {
      env: {
        ...process.env,
        RAIZE_ENV: 'test',
        RAIZE_LANES: 'publish',
        RAIZE_WORKFLOW_BUNDLE: env.bundlePath,
        RAIZE_TASK_QUEUE: stack.taskQueue,
        RAIZE_DATA_DIR: stack.dataDir,
        SANDBOX_URL: stack.sandbox.url,
        DATABASE_URL: env.databaseUrl,
        TEMPORAL_ADDRESS: env.temporalAddress,
        RAIZE_METRICS_PORT: String(workerPort),
        RAIZE_METRICS_TOKEN: TOKEN,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      worker!.once('message', () => resolve());
      worker!.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
    });

    const after = await until('the lane to have a poller', async () => {
      const a = await alertOf(staff, 'lane_without_pollers');
      return !a.firing && a;
    });
    expect(after).toMatchObject({ firing: false, since: null });
    expect(after.value).toBeGreaterThanOrEqual(1);
  });

  it("a published post: the worker's scrape counts the guard's decision, the platform calls and Temporal's own metrics; the API's counts the episode", async () => {
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Counted, not quoted');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: account.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));

    const w = await until('the workflow completion in the worker scrape', async () => {
      const r = await workerMetrics();
      const all = samples(r.text);
      return find(all, 'temporal_workflow_completed', { task_queue: stack.taskQueue }).length ? all : null;
    });
    expect(
      find(w, 'raize_guard_decisions_total', { kind: 'publish', state: 'allowed', reason: 'none' })[0]?.value,
    ).toBeGreaterThanOrEqual(1);
    expect(
      find(w, 'raize_connector_calls_total', { platform: 'sandbox', class: 'ok' })[0]?.value,
    ).toBeGreaterThanOrEqual(2);
    // The Temporal SDK's metrics come through the same port, labelled by the lane's queue and the workflow type.
    expect(
      find(w, 'temporal_workflow_completed', { task_queue: stack.taskQueue, namespace: testEnv().namespace })[0],
    ).toBeDefined();
    expect(w.some((s) => s.name.startsWith('temporal_workflow_task_schedule_to_start_latency'))).toBe(true);

    const a = await until('the completed publish episode in the API scrape', async () => {
      const all = samples((await apiMetrics()).text);
      return find(all, 'raize_episodes', { kind: 'publish', state: 'completed' })[0]?.value ? all : null;
    });
    expect(find(a, 'raize_task_queue_pollers', { lane: 'publish', kind: 'workflow' })[0]?.value).toBeGreaterThanOrEqual(
      1,
    );
    expect(find(a, 'raize_task_queue_backlog_age_seconds', { lane: 'publish', kind: 'workflow' })).toHaveLength(1);
  });

  it('[C-49] both scrapes carry only allowlisted labels, and no tenant id, handle or text', async () => {
    const texts = [(await apiMetrics()).text, (await workerMetrics()).text];
    const allowed = new Set<string>([...METRIC_LABELS, 'le']);
    for (const text of texts) {
      for (const s of samples(text).filter((x) => x.name.startsWith('raize_')))
        for (const key of Object.keys(s.labels)) expect(allowed).toContain(key);
      for (const secret of [t.agencyId, t.clientId, account.accountId, account.handle, 'Counted, not quoted', TOKEN])
        expect(text).not.toContain(secret);
    }
  });

  it('who may scrape: the bearer token, nobody without it', async () => {
    for (const url of [`${stack.apiUrl}/metrics`, `http://127.0.0.1:${workerPort}/metrics`]) {
      expect((await scrape(url, null)).status).toBe(401);
      expect((await scrape(url, `${TOKEN}-not`)).status).toBe(401);
      expect((await scrape(url)).status).toBe(200);
    }
  });

  it("the alert rules read the database as the kernel and the health centre write it: the Admin's caps, refusals, failing calls, failed posts", async () => {
    const value = async (id: string) => (await alertOf(t.users.admin, id)).value;
    // The post published above used the account's one publish a day.
    await setPolicy(stack.ds, t.clientId, { caps: [{ action: 'publish', scope: 'account', max_per_day: 1 }] });
    expect(await alertOf(t.users.admin, 'cap_near_limit')).toMatchObject({ firing: true, value: 1, threshold: 0.8 });
    await setPolicy(stack.ds, t.clientId, { caps: [{ action: 'publish', scope: 'account', max_per_day: 25 }] });
    expect(await value('cap_near_limit')).toBeCloseTo(0.04);

    expect(await value('guard_refusal_spike')).toBe(0);
    await new AuditService(stack.ds).append({
      agencyId: t.agencyId,
      clientId: t.clientId,
      actor: 'workflow:test',
      action: 'guard.denied',
      subjectType: 'post',
      subjectId: randomUUID(),
      data: {
        reasons: [
          { code: 'quiet_hours', message: 'x' },
          { code: 'cooldown', message: 'y' },
        ],
      },
    });
    expect(await alertOf(t.users.admin, 'guard_refusal_spike')).toMatchObject({ firing: false, value: 2 });

    await stack.ds.transaction((m) =>
      recordFailure(
        m,
        { id: account.accountId, agencyId: t.agencyId, clientId: t.clientId, platform: 'sandbox' },
        new ConnectorError('transient', 'GET /me answered 503', { status: 503 }),
      ),
    );
    expect(await alertOf(t.users.admin, 'connector_errors')).toMatchObject({ firing: false, value: 1, threshold: 3 });

    expect(await alertOf(t.users.admin, 'episodes_failed_or_parked')).toMatchObject({ firing: false, value: 0 });
    const failed = await createAsset(stack, t.users.author, t.clientId, 'Goes wrong');
    await stack.sandboxAdmin.setFaults([{ match: { method: 'POST', path: '/posts' }, errorStatus: 422, times: 1 }]);
    const bad = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: account.accountId,
      assetId: failed.id,
      inSeconds: 0,
    });
    await waitForPost(stack, t.users.author, bad.id, hasStatus('failed'));
    await stack.sandboxAdmin.clearFaults();
    const alert = await alertOf(t.users.admin, 'episodes_failed_or_parked');
    expect(alert).toMatchObject({ firing: true, value: 1 });
    // The other agency's Admin sees none of it.
    expect(await alertOf(other.users.admin, 'episodes_failed_or_parked')).toMatchObject({ firing: false, value: 0 });
    expect(await alertOf(other.users.admin, 'guard_refusal_spike')).toMatchObject({ value: 0 });
  });

  it('the alert rules: an account losing access within 24 h fires for staff and its Admin, not for another agency; other roles get nothing', async () => {
    expect(await alertOf(t.users.admin, 'token_expiring_24h')).toMatchObject({ firing: false, value: 0 });
    const soon = new Date(Date.now() + 2 * 3_600_000);
    await stack.ds.query(`UPDATE platform_accounts SET token_expires_at = $2, refresh_expires_at = $2 WHERE id = $1`, [
      account.accountId,
      soon,
    ]);
    try {
      expect(await alertOf(t.users.admin, 'token_expiring_24h')).toMatchObject({
        name: 'RaizeTokenExpiringWithin24h',
        firing: true,
        value: 1,
        threshold: 0,
      });
      const forStaff = await until('staff to see the expiring token', async () => {
        const a = await alertOf(staff, 'token_expiring_24h');
        return a.firing && a;
      });
      expect(forStaff.value).toBeGreaterThanOrEqual(1);
      expect(forStaff.summary).toMatch(/^\d+ connected account\(s\) lose access within 24 hours/);
      // Another agency's Admin: their own figures only.
      expect(await alertOf(other.users.admin, 'token_expiring_24h')).toMatchObject({ firing: false, value: 0 });
      for (const who of [t.users.author, t.users.approver, t.users.reviewer]) {
        const r = await alerts(who);
        expect(r.data?.alerts).toBeUndefined();
        expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    } finally {
      await stack.ds.query(
        `UPDATE platform_accounts SET token_expires_at = NULL, refresh_expires_at = NULL WHERE id = $1`,
        [account.accountId],
      );
    }
  });
});
