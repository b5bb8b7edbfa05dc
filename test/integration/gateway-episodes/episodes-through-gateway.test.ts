import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { Lane } from '../../../services/core/config/temporal-config';
import { loadAppConfig } from '../../../services/core/config/app-config';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { LANE_REGISTRATIONS } from '../../../services/worker/lane-workers';
import { createWorkerDeps } from '../../../services/worker/worker-deps';
import { withTracing } from '../../../services/worker/worker-tracing';
import { engagementStatusQuery, engagementWorkflowId } from '../../../workflows/contracts/engagement.contract';
import { planningWorkflowId } from '../../../workflows/contracts/planning.contract';
import { connectSandboxAccount } from '../../factories/connect-account';
import type { ConnectedAccount } from '../../factories/connect-account';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { nativeConnection, temporalClient, testEnv } from '../../harness/test-env';
import { SANDBOX_SECRET, startTestIngest, testSecrets } from '../ingest/ingest-harness';

// Issue #16, "done when": the planning, creation and engagement episodes reach their tools only through the MCP tool
// gateway. Real episodes (the production bundle and the lanes' own activities, one worker on the test's queue), the
// real gateway (signed registry, OPA, tools, audit) with the local provider behind it, Postgres, sandbox and ingest.
// The proof is the audit trail's `gateway.tool_called` digests, and a stopped gateway stopping the AI steps.

const CREATE = `mutation($i: CreatePlanInput!) { createPlan(input: $i) { id status } }`;
const PLAN = `query($id: ID!) { plan(id: $id) { id status items { id status } } }`;
const LANES: Lane[] = ['planning', 'creation', 'engagement'];

interface ToolCalled {
  actor: string;
  data: { tool?: string; callerKind?: string; taskClass?: string; role?: string; decision?: string };
}

describe('episodes reach their tools only through the MCP tool gateway (issue #16)', () => {
  let stack: TestStack;
  let built: Awaited<ReturnType<typeof createWorkerDeps>>;
  let worker: Worker;
  let running: Promise<void>;
  let temporal: { client: Client; close: () => Promise<void> };
  let ingest: RunningIngest;
  let t: SeededTenant;
  let acc: ConnectedAccount;

  beforeAll(async () => {
    stack = await startTestStack({
      connectorTimeoutMs: 2000,
      env: { RAIZE_ARTIFACTS_DIR: mkdtempSync(join(tmpdir(), 'raize-artifacts-')) },
    });
    // The worker as services/worker/main.ts builds it: its tool client comes from RAIZE_GATEWAY_URL (the stack's).
    built = await createWorkerDeps(loadAppConfig(), { taskQueue: stack.taskQueue, connectorTimeoutMs: 2000 });
    const connection = await nativeConnection();
    worker = await Worker.create(
      withTracing({
        connection,
        namespace: testEnv().namespace,
        taskQueue: stack.taskQueue,
        workflowBundle: { codePath: testEnv().bundlePath },
        dataConverter: built.dataConverter,
        // The three lanes' own registrations on one queue (the lanes' isolation is another test's, C-26).
        activities: Object.assign(
          {},
          ...LANES.map((l) => LANE_REGISTRATIONS[l].activities?.(built.deps) ?? {}),
        ) as object,
      }),
    );
    running = worker.run().finally(() => connection.close());
    temporal = await temporalClient({ dataDir: stack.dataDir });
    ingest = await startTestIngest({
      env: { RAIZE_INGEST_DRAIN: '1', RAIZE_TASK_QUEUE: stack.taskQueue, RAIZE_INGEST_DRAIN_IDLE_MS: '50' },
      temporal: temporal.client,
      secrets: testSecrets(),
    });
    await stack.sandboxAdmin.registerWebhook({ url: `${ingest.url}/webhooks/sandbox`, secret: SANDBOX_SECRET });
    t = await seedTenant(stack.ds);
    acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
  }, 120_000);

  afterAll(async () => {
    await ingest?.close();
    worker?.shutdown();
    await running;
    await built?.close();
    await built?.ds.destroy();
    await temporal?.close();
    await stack?.close();
  });

  const toolCalls = (clientId: string) =>
    stack.ds.query<ToolCalled[]>(
      `SELECT actor, data FROM audit_events WHERE client_id = $1 AND action = 'gateway.tool_called' ORDER BY seq`,
      [clientId],
    );

  async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
    const deadline = Date.now() + ms;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`${what} did not get there; last seen ${JSON.stringify(last)}`);
  }

  // One week, one post: one item.
  const plan = (startDate: string, endDate: string) => ({
    clientId: t.clientId,
    goals: 'Grow the newsletter with practical tips',
    startDate,
    endDate,
    targets: [{ platformAccountId: acc.accountId, postsPerWeek: 1 }],
    pillars: [{ name: 'tips', weight: 1 }],
    formats: [{ platform: 'sandbox', formats: ['text'] }],
    requiresApproval: false,
  });

  async function createPlan(startDate: string, endDate: string): Promise<string> {
    const res = await stack.gql<{ createPlan: { id: string } }>(t.users.author, CREATE, {
      i: plan(startDate, endDate),
    });
    if (!res.data) throw new Error(`createPlan failed: ${JSON.stringify(res.errors)}`);
    return res.data.createPlan.id;
  }

  it('[C-30][C-39] planning, creation and engagement steps call brand_kit and text_generate through the gateway, audited as their task class', async () => {
    // Planning, then the plan's creation episode (no approval asked): drafted, generated and checked.
    const planId = await createPlan('2030-03-25', '2030-03-31');
    type PlanView = { status: string; items: { id: string; status: string }[] };
    await until(
      'the plan and its item',
      async () => (await stack.gql<{ plan: PlanView }>(t.users.author, PLAN, { id: planId })).data?.plan,
      (p) => !!p && p.items.length === 1 && ['in_review', 'policy_blocked'].includes(p.items[0].status),
      90_000,
    );

    // Engagement: a fan's direct message is recorded, routed (router) and drafted (drafter) by the account's episode.
    const fan = await stack.sandboxAdmin.createUser({
      username: `gw_fan_${Date.now().toString(36)}`,
      password: 'correct horse battery',
    });
    await stack.sandboxAdmin.sendDm({
      fromUserId: fan.id,
      toUserId: acc.sandboxUserId,
      text: 'Do you ship to Canada?',
    });
    const handle = temporal.client.workflow.getHandle(engagementWorkflowId(t.clientId, acc.accountId));
    await until(
      'the engagement episode',
      () => handle.query(engagementStatusQuery).catch(() => ({ handled: 0 })),
      (s) => s.handled >= 1,
    );

    const calls = await until(
      'the audit trail',
      () => toolCalls(t.clientId),
      (c) => c.some(of('engagement')),
    );
    function of(taskClass: string) {
      return (c: ToolCalled) => c.data.taskClass === taskClass;
    }
    // Every call any of them made is an activity's, allowed, and named for the workflow it ran for.
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(c.data.callerKind).toBe('activity');
      expect(c.actor).toMatch(/^workflow:/);
    }
    const tools = (taskClass: string) => new Set(calls.filter(of(taskClass)).map((c) => c.data.tool));
    expect(tools('planning')).toEqual(new Set(['brand_kit', 'text_generate']));
    expect(
      calls.filter(of('planning')).every((c) => c.actor === `workflow:${planningWorkflowId(t.clientId, planId)}`),
    ).toBe(true);
    expect(tools('creation')).toEqual(new Set(['brand_kit', 'text_generate']));
    expect(tools('engagement')).toContain('brand_kit');
    expect(
      calls
        .filter(of('engagement'))
        .every((c) => c.actor === `workflow:${engagementWorkflowId(t.clientId, acc.accountId)}`),
    ).toBe(true);
  }, 180_000);

  it('with the gateway stopped the planner fails at the transport and never calls a provider directly', async () => {
    await stack.gateway.stop();
    const planId = await createPlan('2030-04-08', '2030-04-14');
    const handle = temporal.client.workflow.getHandle(planningWorkflowId(t.clientId, planId));
    // The drafting activity fails (and is retried: a gateway that comes back lets it go on), it never falls back.
    const pending = await until(
      'a failed drafting attempt',
      async () => (await handle.describe()).raw.pendingActivities ?? [],
      (p) => p.some((a) => a.activityType?.name === 'draftPlan' && (a.attempt ?? 0) >= 2),
      45_000,
    );
    const draft = pending.find((a) => a.activityType?.name === 'draftPlan')!;
    expect(draft.lastFailure?.message).not.toMatch(/GatewayRefused|refused/);
    const usage = await stack.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ai_usage WHERE step_id LIKE $1`,
      [`plan:${planId}/%`],
    );
    expect(usage[0].n).toBe(0);
    const items = await stack.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM plan_items WHERE plan_id = $1`,
      [planId],
    );
    expect(items[0].n).toBe(0);
    await handle.terminate('test over');
  }, 90_000);
});
