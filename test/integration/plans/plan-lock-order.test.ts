import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creationLaneActivities } from '../../../activities/creation/creation-lane';
import { recurringPlanId } from '../../../activities/planning/plan-open.activities';
import { planningLaneActivities } from '../../../activities/planning/planning-lane';
import { rebuildPlan } from '../../../services/core/plans/plan-events.repository';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { creationItemWorkflowId } from '../../../workflows/contracts/creation.contract';
import { planningWorkflowId } from '../../../workflows/contracts/planning.contract';
import { connectSandboxAccount } from '../../factories/connect-account';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import type { LockSighting } from './plan-lock-probe';
import { probePlanLockOrder, WAITS_FOR_THE_PLAN_LOCK_FIRST } from './plan-lock-probe';
import type { SeededPlan } from './plan-lock-world';
import { planEvents, seedPlan } from './plan-lock-world';

/**
 * Issue #11: the planning lane (plan events) and the creation lane (item statuses, review decisions, scheduling)
 * write the same plan graph. A bench saw `40P01 deadlock detected` when recordItemStatus locked an item row and then
 * waited for the plan's advisory lock while recordCreationStarted held that lock and waited for the row. The rule
 * (PlanEventsRepository.lock): every transaction takes the plan lock before it locks a `plans` or `plan_items` row.
 *
 * Each test runs the real activities (the worker's lane factories, app role, tenant scope) and the real API while a
 * second connection holds the plan as a writer mid-append does (plan-lock-probe.ts), and reads from pg_locks how the
 * path is blocked: waiting for the plan's advisory lock and holding none of the plan's rows. A path that takes no
 * plan lock must not be blocked at all (it locks nothing the writer holds).
 */
describe('plan lock order: the planning and creation lanes take the plan lock before the plan rows (issue #11)', () => {
  let stack: TestStack;
  let t: SeededTenant;
  let accountId: string;
  let creation: ReturnType<typeof creationLaneActivities>;
  let planning: ReturnType<typeof planningLaneActivities>;

  beforeAll(async () => {
    stack = await startTestStack({
      withWorker: true,
      env: { RAIZE_ARTIFACTS_DIR: mkdtempSync(join(tmpdir(), 'raize-artifacts-')) },
    });
    t = await seedTenant(stack.ds);
    accountId = (await connectSandboxAccount(stack, t.users.admin, t.clientId)).accountId;
    creation = creationLaneActivities(stack.deps!);
    planning = planningLaneActivities({
      ds: stack.deps!.ds,
      tools: stack.deps!.tools,
      taskQueues: { creation: stack.taskQueue },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const probe = <T>(planId: string, path: () => Promise<T>) => probePlanLockOrder(stack.ds, planId, path);
  const item = (p: SeededPlan, i = 0) => ({
    agencyId: t.agencyId,
    clientId: t.clientId,
    planId: p.planId,
    itemId: p.itemIds[i],
    workflowId: creationItemWorkflowId(t.clientId, p.itemIds[i]),
  });
  const plan = (planId: string) => ({
    agencyId: t.agencyId,
    clientId: t.clientId,
    planId,
    workflowId: planningWorkflowId(t.clientId, planId),
  });
  const itemRow = async (itemId: string) =>
    (
      (await stack.ds.query('SELECT status, asset_id, workflow_id FROM plan_items WHERE id = $1', [itemId])) as {
        status: string;
        asset_id: string | null;
        workflow_id: string | null;
      }[]
    )[0];
  const assetChecksumOf = async (assetId: string) =>
    ((await stack.ds.query('SELECT checksum FROM assets WHERE id = $1', [assetId])) as { checksum: string }[])[0]
      .checksum;
  /** A path that takes no plan lock is never blocked behind the writer; one that does, only by the plan lock. */
  const neverBlockedOrPlanLockFirst = (s: LockSighting | null) =>
    expect([null, WAITS_FOR_THE_PLAN_LOCK_FIRST]).toContainEqual(s);

  it('creation lane: recordItemStatus waits for the plan lock before it locks the item row', async () => {
    const p = await seedPlan(stack.ds, t, accountId, { items: 1, drafted: 'approved', creationStarted: true });
    const r = await probe(p.planId, () =>
      creation.recordItemStatus({ ...item(p), status: 'generating', reasons: [{ code: 'round', message: 'one' }] }),
    );
    expect(r.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    expect((await itemRow(p.itemIds[0])).status).toBe('generating');
    expect((await planEvents(stack.ds, p.planId)).types.at(-1)).toBe('item.status_changed');
  });

  it('creation lane: the creator step and the statuses that follow a decision wait for the plan lock first', async () => {
    const p = await seedPlan(stack.ds, t, accountId, { items: 1, drafted: 'approved', creationStarted: true });

    // The creator's last transaction writes the asset and its audit event, then appends item.asset_generated.
    const generated = await probe(p.planId, () => creation.generateItemAsset({ ...item(p), round: 0 }));
    expect(generated.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    if (generated.value.kind !== 'generated') throw new Error(`no asset: ${JSON.stringify(generated.value)}`);
    const assetId = generated.value.assetId;
    expect((await itemRow(p.itemIds[0])).asset_id).toBe(assetId);

    const inReview = await probe(p.planId, () =>
      creation.recordItemStatus({ ...item(p), status: 'in_review', reasons: [], assetId }),
    );
    expect(inReview.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);

    // A hand edit's status records the new revision (item.asset_generated) before the status itself.
    const edited = await probe(p.planId, () =>
      creation.recordItemStatus({
        ...item(p),
        status: 'checking',
        reasons: [],
        assetId,
        actorId: t.users.admin,
        decision: { decisionId: randomUUID(), kind: 'edit' },
      }),
    );
    expect(edited.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);

    // A review's status records item.reviewed first.
    const reviewed = await probe(p.planId, () =>
      creation.recordItemStatus({
        ...item(p),
        status: 'scheduling',
        reasons: [],
        assetId,
        actorId: t.users.approver,
        decision: { decisionId: randomUUID(), kind: 'approve' },
      }),
    );
    expect(reviewed.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);

    const { types, gapless } = await planEvents(stack.ds, p.planId);
    expect(gapless).toBe(true);
    // The edit's and the review's events already set the statuses asked for: no item.status_changed follows them.
    expect(types.slice(-4)).toEqual([
      'item.asset_generated',
      'item.status_changed',
      'item.asset_generated',
      'item.reviewed',
    ]);
  });

  it('review and scheduling: API decisions lock no plan row; scheduling waits for the plan lock first', async () => {
    const p = await seedPlan(stack.ds, t, accountId, { items: 1, drafted: 'approved', creationStarted: true });
    const generated = await creation.generateItemAsset({ ...item(p), round: 0 });
    if (generated.kind !== 'generated') throw new Error(`no asset: ${JSON.stringify(generated)}`);
    const assetId = generated.assetId;
    await creation.recordItemStatus({ ...item(p), status: 'in_review', reasons: [], assetId });
    const decisions = async (kind: string) =>
      (
        (await stack.ds.query(
          'SELECT id FROM creation_decisions WHERE item_id = $1 AND kind = $2 ORDER BY created_at',
          [p.itemIds[0], kind],
        )) as { id: string }[]
      ).map((d) => d.id);

    // The API records each decision in its own transaction, then tells the item's episode (none runs here, so it
    // answers that the item is no longer being created: the decision was committed before that).
    const edit = await probe(p.planId, () =>
      stack.gql(t.users.admin, 'mutation($i: EditItemTextInput!) { editItemText(input: $i) { id } }', {
        i: { itemId: p.itemIds[0], text: 'Light jackets in three colours, edited by hand.' },
      }),
    );
    neverBlockedOrPlanLockFirst(edit.sighting);
    expect(edit.value.errors?.[0].message).toMatch(/no longer being created/);
    expect(await decisions('edit')).toHaveLength(1);

    const checksum = await assetChecksumOf(assetId);
    const approve = await probe(p.planId, () =>
      stack.gql(t.users.approver, 'mutation($i: ApproveItemInput!) { approveItem(input: $i) { id } }', {
        i: { itemId: p.itemIds[0], assetChecksum: checksum },
      }),
    );
    neverBlockedOrPlanLockFirst(approve.sighting);
    expect(approve.value.errors?.[0].message).toMatch(/no longer being created/);
    const [decisionId] = await decisions('approve');
    expect(decisionId).toBeDefined();

    // The episode's check of the decision (it may write a refusal to the audit chain) takes no plan lock either.
    const verified = await probe(p.planId, () => creation.verifyCreationDecision({ ...item(p), decisionId, assetId }));
    neverBlockedOrPlanLockFirst(verified.sighting);
    expect(verified.value).toMatchObject({ valid: true, kind: 'approve', actorId: t.users.approver });

    await creation.recordItemStatus({
      ...item(p),
      status: 'scheduling',
      reasons: [],
      assetId,
      actorId: t.users.approver,
      decision: { decisionId, kind: 'approve' },
    });
    // Scheduling makes the publish job (the stack's publish worker takes the approval), then appends item.scheduled.
    const scheduled = await probe(p.planId, () =>
      creation.scheduleApprovedItem({ ...item(p), decisionId, assetId, assetChecksum: checksum }),
    );
    expect(scheduled.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    expect(scheduled.value.jobIds).toHaveLength(1);
    expect((await itemRow(p.itemIds[0])).status).toBe('scheduled');
  });

  it('planning lane: drafting and the plan statuses wait for the plan lock first', async () => {
    const drafting = await seedPlan(stack.ds, t, accountId, { items: 0 });
    const drafted = await probe(drafting.planId, () => planning.draftPlan(plan(drafting.planId)));
    expect(drafted.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    expect(drafted.value).toMatchObject({ ok: true });
    expect((await planEvents(stack.ds, drafting.planId)).types).toEqual([
      'plan.requested',
      'item.planned',
      'item.planned',
      'plan.drafted',
    ]);

    const p = await seedPlan(stack.ds, t, accountId, { items: 2 });
    const waiting = await probe(p.planId, () =>
      planning.recordPlanStatus({
        ...plan(p.planId),
        status: 'waiting',
        reason: { code: 'budget', message: 'the monthly budget is spent' },
      }),
    );
    expect(waiting.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    const resumed = await probe(p.planId, () => planning.recordPlanStatus({ ...plan(p.planId), status: 'resumed' }));
    expect(resumed.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    expect((await planEvents(stack.ds, p.planId)).types.slice(-2)).toEqual(['plan.waiting', 'plan.resumed']);
  });

  it('planning lane and API: the plan decision, its verification and the creation start wait for the plan lock first', async () => {
    const p = await seedPlan(stack.ds, t, accountId, { items: 3, drafted: 'awaiting_approval' });

    // The API records the decision, then asks the episode (none runs here: it answers that it did not answer).
    const decided = await probe(p.planId, () =>
      stack.gql(t.users.approver, 'mutation($i: PlanDecisionInput!) { approvePlan(input: $i) { id } }', {
        i: { planId: p.planId },
      }),
    );
    expect(decided.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    expect(decided.value.errors?.[0].message).toMatch(/did not answer/);
    const [{ id: decisionId }]: { id: string }[] = await stack.ds.query(
      `SELECT id FROM plan_events WHERE plan_id = $1 AND type = 'plan.decision_recorded'`,
      [p.planId],
    );

    const verified = await probe(p.planId, () => planning.verifyPlanDecision({ ...plan(p.planId), decisionId }));
    expect(verified.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    expect(verified.value).toMatchObject({ accepted: true, kind: 'approve' });

    // item.creation_started for every item, in one transaction that updates each item row: the bench's other side.
    const started = await probe(p.planId, () => planning.recordCreationStarted(plan(p.planId)));
    expect(started.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    for (const id of p.itemIds)
      expect(await itemRow(id)).toMatchObject({
        status: 'creating',
        workflow_id: creationItemWorkflowId(t.clientId, id),
      });
  });

  it('planning lane: a recurring run opens its plan under the plan lock; a rebuild takes it before deleting rows', async () => {
    const template = {
      goals: 'Keep the spring range in view',
      targets: [{ platformAccountId: accountId, platform: 'sandbox', postsPerWeek: 2, postingTimes: ['09:30'] }],
      pillars: [{ name: 'Launch', weight: 1 }],
      formats: [],
      requiresApproval: true,
    };
    await stack.ds.query(
      `INSERT INTO recurring_plans (client_id, agency_id, cadence, template, updated_by)
       VALUES ($1, $2, 'weekly', $3, $4)
       ON CONFLICT (client_id) DO UPDATE SET template = EXCLUDED.template`,
      [t.clientId, t.agencyId, JSON.stringify(template), t.users.admin],
    );
    const workflowId = `lock-order-recurring-${randomUUID()}`;
    const planId = recurringPlanId(workflowId);
    const opened = await probe(planId, () =>
      planning.openPlan({ agencyId: t.agencyId, clientId: t.clientId, workflowId }),
    );
    expect(opened.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    expect(opened.value.planId).toBe(planId);
    expect((await planEvents(stack.ds, planId)).types).toEqual(['plan.requested']);

    const p = await seedPlan(stack.ds, t, accountId, { items: 2, drafted: 'approved', creationStarted: true });
    const workerDs = stack.deps!.ds;
    const rebuilt = await probe(p.planId, async () =>
      runInTenantScope(workerDs, await clientScope(workerDs, t.clientId), () =>
        rebuildPlan(workerDs.manager, p.planId),
      ),
    );
    expect(rebuilt.sighting).toEqual(WAITS_FOR_THE_PLAN_LOCK_FIRST);
    expect(rebuilt.value.items.size).toBe(2);
  });

  // A smoke, not the proof (the tests above are): the bench's collision, repeated. Without the lock order Postgres
  // answers some of these with 40P01 (deadlock detected); the activities are called directly, so nothing retries.
  it('both lanes at once on one plan: no deadlock, one gapless sequence (smoke)', async () => {
    const ROUNDS = 4;
    const ITEMS = 12;
    const workerDs = stack.deps!.ds;
    for (let round = 0; round < ROUNDS; round++) {
      const p = await seedPlan(stack.ds, t, accountId, { items: ITEMS, drafted: 'approved' });
      const scope = await clientScope(workerDs, t.clientId);
      // Every item's episode reports its status while the planner records their starts, a status and a rebuild.
      const runs: Promise<unknown>[] = [
        planning.recordCreationStarted(plan(p.planId)),
        ...p.itemIds.map((_, i) =>
          creation.recordItemStatus({
            ...item(p, i),
            // Every third one follows a "request changes" (item.reviewed, then its status, in one transaction).
            ...(i % 3 === 0
              ? {
                  status: 'checking' as const,
                  decision: { decisionId: randomUUID(), kind: 'request_changes' as const },
                }
              : { status: 'generating' as const }),
            reasons: [],
          }),
        ),
        planning.recordPlanStatus({ ...plan(p.planId), status: 'waiting', reason: { code: 'x', message: 'x' } }),
        runInTenantScope(workerDs, scope, () => rebuildPlan(workerDs.manager, p.planId)),
      ];
      const failures = (await Promise.allSettled(runs)).flatMap((r) => {
        if (r.status === 'fulfilled') return [];
        const e = r.reason as { code?: string; driverError?: { code?: string }; message?: string };
        return [`round ${round}: ${e.driverError?.code ?? e.code ?? '-'} ${e.message ?? String(r.reason)}`];
      });
      expect(failures).toEqual([]);
      const { types, gapless } = await planEvents(stack.ds, p.planId);
      expect(gapless).toBe(true);
      expect(types.filter((x) => x === 'item.status_changed')).toHaveLength(ITEMS);
      for (const id of p.itemIds) expect((await itemRow(id)).workflow_id).not.toBeNull();
    }
  });
});
