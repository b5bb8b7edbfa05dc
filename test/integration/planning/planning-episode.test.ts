import { randomUUID } from 'node:crypto';
import type { Client as TemporalClient } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createPlanningActivities } from '../../../activities/planning/planning.activities';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { projectPlan, rebuildPlan } from '../../../services/core/plans/plan-events.repository';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { creationItemWorkflowId } from '../../../workflows/contracts/creation.contract';
import { decidePlanUpdate, planningScheduleId } from '../../../workflows/contracts/planning.contract';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { dataConverterFor, nativeConnection, temporalClient } from '../../harness/test-env';
import { zonedInstant } from '../../../services/core/plans/zoned-instant';
import { createSlot } from '../imports/import-gql';
import { scriptedGateway } from './scripted-gateway';
import { withTracing } from '../../../services/worker/worker-tracing';

const PLAN_FIELDS = `id status reasons { code message } itemCount createdBy source decidedBy workflowStatus
  items { id position platformAccountId platform format pillar slotAt localDate localTime brief status timing
    crossPostAccountIds }`;
const CREATE = `mutation($i: CreatePlanInput!) { createPlan(input: $i) { id status } }`;
const GET = `query($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`;
const APPROVE = `mutation($i: PlanDecisionInput!) { approvePlan(input: $i) { id status decidedBy } }`;
const REJECT = `mutation($i: PlanDecisionInput!) { rejectPlan(input: $i) { id status } }`;

interface PlanView {
  id: string;
  status: string;
  itemCount: number;
  createdBy: string | null;
  source: string;
  decidedBy: string | null;
  items: {
    id: string;
    position: number;
    platformAccountId: string;
    format: string;
    pillar: string;
    localTime: string;
    slotAt: string;
    brief: string;
    status: string;
    timing: string;
    crossPostAccountIds: string[];
  }[];
}

/**
 * The planning episode for real: the API (GraphQL over HTTP) records the request and starts the episode; a worker
 * on the test's queue runs the real workflow and activities against Postgres under the app role; the provider
 * gateway is a labelled test double; the creation children are a labelled test stand-in.
 */
describe('planning episode (real Temporal, Postgres, API)', () => {
  let stack: TestStack;
  let temporal: { client: TemporalClient; close: () => Promise<void> };
  let workerDs: DataSource;
  let worker: Worker;
  let running: Promise<void>;
  const ai = scriptedGateway();

  beforeAll(async () => {
    // The planner reaches its text provider only through the stack's MCP tool gateway, which holds the double.
    stack = await startTestStack({ gatewayProviders: ai.gateway });
    temporal = await temporalClient();
    workerDs = await createAppDataSource(loadAppConfig().databaseAppUrl, {
      applicationName: 'raize-test-planning',
      env: 'test',
    });
    const code = (
      await bundleWorkflowCode({
        workflowsPath: require.resolve('./planning-test-workflows'),
        logger: new DefaultLogger('ERROR'),
      })
    ).code;
    const connection = await nativeConnection();
    worker = await Worker.create(
      withTracing({
        connection,
        namespace: process.env.RAIZE_TEST_NAMESPACE,
        taskQueue: stack.taskQueue,
        workflowBundle: { code },
        dataConverter: dataConverterFor(stack.dataDir),
        activities: createPlanningActivities({
          ds: workerDs,
          tools: stack.gateway.tools,
          creationTaskQueue: stack.taskQueue,
        }),
      }),
    );
    running = worker.run().finally(() => connection.close());
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await workerDs?.destroy();
    await temporal?.close();
    await stack?.close();
  });

  async function accounts(t: SeededTenant, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const [row] = await stack.ds.query<{ id: string }[]>(
        `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
         VALUES ($1, $2, 'sandbox', $3, $4, 'fp') RETURNING id`,
        [t.agencyId, t.clientId, randomUUID(), `@brand_${i}`],
      );
      ids.push(row.id);
    }
    return ids;
  }

  async function createPlan(actor: string, input: Record<string, unknown>): Promise<string> {
    const res = await stack.gql<{ createPlan: { id: string } }>(actor, CREATE, { i: input });
    if (!res.data) throw new Error(`createPlan failed: ${JSON.stringify(res.errors)}`);
    return res.data.createPlan.id;
  }

  async function planUntil(actor: string, id: string, ok: (p: PlanView) => boolean): Promise<PlanView> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await stack.gql<{ plan: PlanView }>(actor, GET, { id });
      if (res.data && ok(res.data.plan)) return res.data.plan;
      if (Date.now() > deadline) throw new Error(`the plan did not get there: ${JSON.stringify(res)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The projection rows of a plan as the database holds them (read as the owner, RLS aside). */
  async function projectionRows(planId: string) {
    const plans = await stack.ds.query<unknown[]>('SELECT * FROM plans WHERE id = $1', [planId]);
    const items = await stack.ds.query<unknown[]>('SELECT * FROM plan_items WHERE plan_id = $1 ORDER BY position', [
      planId,
    ]);
    return JSON.parse(JSON.stringify({ plans, items })) as { plans: unknown[]; items: unknown[] };
  }

  const twoWeeks = (clientId: string, targets: string[], requiresApproval: boolean) => ({
    clientId,
    goals: 'Grow the newsletter with practical tips',
    startDate: '2030-03-25',
    endDate: '2030-04-07',
    targets: targets.map((platformAccountId, i) => ({
      platformAccountId,
      postsPerWeek: 3 - i,
      postingTimes: i ? ['12:15'] : undefined,
    })),
    pillars: [
      { name: 'tips', weight: 2 },
      { name: 'community', weight: 1 },
    ],
    formats: [{ platform: 'sandbox', formats: ['text', 'image'] }],
    requiresApproval,
  });

  it('[C-21] a plan runs from the API to `creating` with one creation child per item; its requester cannot approve it', async () => {
    const t = await seedTenant(stack.ds);
    const targets = await accounts(t, 2);
    const planId = await createPlan(t.users.author, twoWeeks(t.clientId, targets, true));
    const drafted = await planUntil(t.users.author, planId, (p) => p.status === 'awaiting_approval');
    expect(drafted.itemCount).toBe(10); // 3 + 2 per week, two weeks
    expect(drafted.createdBy).toBe(t.users.author);
    expect(drafted.items.map((i) => i.position)).toEqual([...Array(10).keys()]);
    expect(drafted.items.every((i) => i.status === 'planned' && i.brief.length > 0)).toBe(true);
    expect(new Set(drafted.items.filter((i) => i.platformAccountId === targets[1]).map((i) => i.localTime))).toEqual(
      new Set(['12:15']),
    );
    expect(new Set(drafted.items.map((i) => i.format))).toEqual(new Set(['text', 'image']));
    const ofPlan = (stepId: string) => stepId.startsWith(`plan:${planId}/`);
    expect(ai.calls.filter((c) => ofPlan(c.scope.stepId))).toHaveLength(10);
    expect(ai.calls.every((c) => c.scope.clientId === t.clientId || !ofPlan(c.scope.stepId))).toBe(true);

    // Four eyes at the API: the requester is refused before anything is recorded or sent.
    const own = await stack.gql(t.users.author, APPROVE, { i: { planId } });
    expect(own.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(own.errors?.[0].message).toMatch(/four eyes/);
    // An analyst may read the plan but not decide on it.
    const analyst = await stack.gql(t.users.analyst, APPROVE, { i: { planId } });
    expect(analyst.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    // Refused at the API: nothing was recorded, nothing was sent to the episode.
    const recorded = await stack.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM plan_events WHERE plan_id = $1 AND type = 'plan.decision_recorded'`,
      [planId],
    );
    expect(recorded[0].n).toBe(0);

    // Four eyes in the episode: a decision row naming the requester (as a forged or stale one would) is refused
    // by the workflow's activity, whatever the message says.
    const [forged] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO plan_events (id, plan_id, agency_id, client_id, seq, type, data, actor)
       SELECT gen_random_uuid(), $1, agency_id, client_id, (SELECT max(seq) + 1 FROM plan_events WHERE plan_id = $1),
              'plan.decision_recorded', jsonb_build_object('kind', 'approve', 'actorId', $2::text, 'role', 'Publisher'), 'user:' || $2
         FROM plans WHERE id = $1 RETURNING id`,
      [planId, t.users.author],
    );
    const handle = temporal.client.workflow.getHandle(`plan-${t.clientId}-${planId}`);
    const refused = await handle.executeUpdate(decidePlanUpdate, { args: [{ decisionId: forged.id }] });
    expect(refused).toMatchObject({ accepted: false, refusal: 'four_eyes' });
    const unknown = await handle.executeUpdate(decidePlanUpdate, { args: [{ decisionId: randomUUID() }] });
    expect(unknown).toMatchObject({ accepted: false, refusal: 'not_found' });
    expect((await planUntil(t.users.author, planId, () => true)).status).toBe('awaiting_approval');

    const approved = await stack.gql<{ approvePlan: { decidedBy: string } }>(t.users.approver, APPROVE, {
      i: { planId },
    });
    expect(approved.errors).toBeUndefined();
    const creating = await planUntil(t.users.author, planId, (p) => p.status === 'creating');
    expect(creating.decidedBy).toBe(t.users.approver);
    expect(creating.items.every((i) => i.status === 'creating')).toBe(true);
    for (const item of creating.items) {
      const child = await temporal.client.workflow.getHandle(creationItemWorkflowId(t.clientId, item.id)).describe();
      expect(child.type).toBe('creationItemWorkflow');
      expect(child.taskQueue).toBe(stack.taskQueue);
    }
    const types = (
      await stack.ds.query<{ type: string }[]>('SELECT type FROM plan_events WHERE plan_id = $1 ORDER BY seq', [planId])
    ).map((r) => r.type);
    expect(types.filter((x) => x === 'item.planned')).toHaveLength(10);
    expect(types.filter((x) => x === 'item.creation_started')).toHaveLength(10);
    expect(types).toContain('plan.approved');
  });

  it('[C-02] a plan rebuilt from its events alone equals its projection, also after the projection rows are deleted', async () => {
    const t = await seedTenant(stack.ds);
    const targets = await accounts(t, 1);
    const planId = await createPlan(t.users.author, twoWeeks(t.clientId, targets, false));
    await planUntil(t.users.author, planId, (p) => p.status === 'creating');
    const before = await projectionRows(planId);
    expect(before.items).toHaveLength(6);

    // [C-02] another agency's operator gets exactly the answer of a plan that does not exist.
    const stranger = (await seedTenant(stack.ds)).users.admin;
    const foreign = await stack.gql(stranger, GET, { id: planId });
    const missing = await stack.gql(stranger, GET, { id: randomUUID() });
    expect(foreign.errors?.[0]).toMatchObject({ message: 'plan not found', extensions: { code: 'NOT_FOUND' } });
    expect(foreign.errors?.[0].message).toBe(missing.errors?.[0].message);
    const foreignRebuild = await runInTenantScope(workerDs, await clientScope(workerDs, randomUUID()), () =>
      projectPlan(workerDs.manager, planId),
    );
    expect(foreignRebuild.plan).toBeNull();

    const inScope = async <T>(fn: () => Promise<T>) =>
      runInTenantScope(workerDs, await clientScope(workerDs, t.clientId), fn);
    const computed = await inScope(() => projectPlan(workerDs.manager, planId));
    expect(computed.plan?.status).toBe('creating');
    expect(computed.items.size).toBe(6);
    await inScope(() => rebuildPlan(workerDs.manager, planId));
    expect(await projectionRows(planId)).toEqual(before);

    await stack.ds.query('DELETE FROM plan_items WHERE plan_id = $1', [planId]);
    await stack.ds.query('DELETE FROM plans WHERE id = $1', [planId]);
    expect((await projectionRows(planId)).plans).toHaveLength(0);
    await inScope(() => rebuildPlan(workerDs.manager, planId));
    expect(await projectionRows(planId)).toEqual(before);
  });

  it("queue targets fill the account's free queue slots (a pending item of another plan holds its slot until that plan is rejected); cross-posts ride on each item", async () => {
    const t = await seedTenant(stack.ds);
    const [a, b, noSlots] = await accounts(t, 3);
    const [{ timezone }] = await stack.ds.query<{ timezone: string }[]>('SELECT timezone FROM clients WHERE id = $1', [
      t.clientId,
    ]);
    // Monday, Wednesday and Friday 09:00 in the client's timezone.
    for (const weekday of [1, 3, 5])
      expect(
        (await createSlot(stack, t.users.admin, { clientId: t.clientId, platformAccountId: a, weekday, time: '09:00' }))
          .errors,
      ).toBeUndefined();
    const week = (targets: Record<string, unknown>[]) => ({
      ...twoWeeks(t.clientId, [], true),
      startDate: '2030-03-25', // a Monday
      endDate: '2030-03-31',
      targets,
    });
    const at = (day: string) => zonedInstant(day, '09:00', timezone).toISOString();
    const itemsOf = async (planId: string) =>
      (await planUntil(t.users.author, planId, (p) => p.status === 'awaiting_approval')).items;

    const first = await createPlan(t.users.author, week([{ platformAccountId: a, postsPerWeek: 1, timing: 'queue' }]));
    expect((await itemsOf(first)).map((i) => i.slotAt)).toEqual([at('2030-03-25')]);

    // The first plan's pending item holds Monday: the second plan fills Wednesday and Friday, each also posted to b.
    const second = await createPlan(
      t.users.author,
      week([{ platformAccountId: a, postsPerWeek: 3, timing: 'queue', crossPostAccountIds: [b] }]),
    );
    const items = await itemsOf(second);
    expect(items.map((i) => i.slotAt)).toEqual([at('2030-03-27'), at('2030-03-29')]);
    expect(items.map((i) => i.localTime)).toEqual(['09:00', '09:00']);
    expect(items.every((i) => i.timing === 'queue')).toBe(true);
    expect(items.map((i) => i.crossPostAccountIds)).toEqual([[b], [b]]);

    // A rejected plan's items give their slots back.
    const rejected = await stack.gql(t.users.approver, REJECT, { i: { planId: first } });
    expect(rejected.errors).toBeUndefined();
    await planUntil(t.users.author, first, (p) => p.status === 'rejected');
    const third = await createPlan(t.users.author, week([{ platformAccountId: a, postsPerWeek: 3, timing: 'queue' }]));
    expect((await itemsOf(third)).map((i) => i.slotAt)).toEqual([at('2030-03-25')]);

    // Refused with a reason an operator can act on, nothing recorded: no queue slots, an account twice.
    const before = await stack.ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans WHERE client_id = $1', [
      t.clientId,
    ]);
    const none = await stack.gql(t.users.author, CREATE, {
      i: week([{ platformAccountId: noSlots, postsPerWeek: 1, timing: 'queue' }]),
    });
    expect(none.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(none.errors?.[0].message).toMatch(/no queue slots/);
    const twice = await stack.gql(t.users.author, CREATE, {
      i: week([{ platformAccountId: a, postsPerWeek: 1, crossPostAccountIds: [a] }]),
    });
    expect(twice.errors?.[0].message).toMatch(/each account appears once/);
    const after = await stack.ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans WHERE client_id = $1', [
      t.clientId,
    ]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('the history of a 20-item plan stays small: ids and counts only', async () => {
    const t = await seedTenant(stack.ds);
    const [target] = await accounts(t, 1);
    const planId = await createPlan(t.users.author, {
      ...twoWeeks(t.clientId, [target], false),
      startDate: '2030-06-03',
      endDate: '2030-06-30',
      targets: [{ platformAccountId: target, postsPerWeek: 5 }],
    });
    const done = await planUntil(t.users.author, planId, (p) => p.status === 'creating');
    expect(done.itemCount).toBe(20);
    const history = await temporal.client.workflow.getHandle(`plan-${t.clientId}-${planId}`).fetchHistory();
    const events = history.events ?? [];
    let payloadBytes = 0;
    const walk = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      const o = v as { metadata?: unknown; data?: unknown };
      if (o.metadata && o.data instanceof Uint8Array) payloadBytes += o.data.length;
      else for (const x of Object.values(v)) walk(x);
    };
    walk(events);
    expect(events.length).toBeGreaterThan(20);
    expect(events.length).toBeLessThan(200);
    expect(payloadBytes).toBeGreaterThan(0);
    expect(payloadBytes).toBeLessThan(64 * 1024);
  });

  it('the recurring planning Schedule, fired, creates a plan from the template; paused, it shows paused', async () => {
    const t = await seedTenant(stack.ds);
    const [target] = await accounts(t, 1);
    const SET = `mutation($i: SetRecurringPlanningInput!) { setRecurringPlanning(input: $i) { cadence paused nextRunAt } }`;
    const set = await stack.gql<{
      setRecurringPlanning: { cadence: string; paused: boolean; nextRunAt: string | null };
    }>(t.users.approver, SET, {
      i: {
        clientId: t.clientId,
        cadence: 'weekly',
        goals: 'Weekly tips',
        targets: [{ platformAccountId: target, postsPerWeek: 2 }],
        pillars: [{ name: 'tips', weight: 1 }],
        requiresApproval: true,
      },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setRecurringPlanning).toMatchObject({ cadence: 'weekly', paused: false });
    expect(set.data?.setRecurringPlanning.nextRunAt).not.toBeNull();
    // A Publisher may ask for plans but not set up recurring ones.
    const byAuthor = await stack.gql(
      t.users.author,
      `mutation($c: ID!) { pauseRecurringPlanning(clientId: $c) { paused } }`,
      { c: t.clientId },
    );
    expect(byAuthor.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const schedule = temporal.client.schedule.getHandle(planningScheduleId(t.clientId));
    try {
      await schedule.trigger();
      const LIST = `query($c: ID!) { plans(clientId: $c) { id status source createdBy itemCount } }`;
      const deadline = Date.now() + 30_000;
      let plans: { id: string; status: string; source: string; createdBy: string | null; itemCount: number }[] = [];
      while (Date.now() < deadline) {
        plans = (await stack.gql<{ plans: typeof plans }>(t.users.author, LIST, { c: t.clientId })).data?.plans ?? [];
        if (plans.some((p) => p.status === 'awaiting_approval')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(plans).toHaveLength(1);
      expect(plans[0]).toMatchObject({
        source: 'schedule',
        createdBy: null,
        status: 'awaiting_approval',
        itemCount: 2,
      });
      // Nobody asked for it, so anyone allowed to decide may approve it: four eyes has no requester to exclude.
      expect((await stack.gql(t.users.author, APPROVE, { i: { planId: plans[0].id } })).errors).toBeUndefined();

      const PAUSE = `mutation($c: ID!) { pauseRecurringPlanning(clientId: $c) { paused nextRunAt } }`;
      const paused = await stack.gql<{ pauseRecurringPlanning: { paused: boolean } }>(t.users.approver, PAUSE, {
        c: t.clientId,
      });
      expect(paused.data?.pauseRecurringPlanning).toEqual({ paused: true, nextRunAt: null });
      const shown = await stack.gql<{ recurringPlanning: { paused: boolean } }>(
        t.users.analyst,
        `query($c: ID!) { recurringPlanning(clientId: $c) { paused cadence } }`,
        { c: t.clientId },
      );
      expect(shown.data?.recurringPlanning).toEqual({ paused: true, cadence: 'weekly' });
      expect((await schedule.describe()).state.paused).toBe(true);
    } finally {
      await schedule.delete().catch(() => undefined);
    }
  });
});
