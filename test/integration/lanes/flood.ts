import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { PlanEventsRepository } from '../../../services/core/plans/plan-events.repository';
import { localDateOf, localTimeOf } from '../../../services/core/plans/zoned-instant';
import type { CreationItemInput } from '../../../workflows/contracts/creation.contract';
import { CREATION_ITEM_WORKFLOW_TYPE, creationItemWorkflowId } from '../../../workflows/contracts/creation.contract';
import type { PlanningInput } from '../../../workflows/contracts/planning.contract';
import {
  PLANNING_WORKFLOW_TYPE,
  planningScheduleId,
  recurringPlanningWorkflowId,
} from '../../../workflows/contracts/planning.contract';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';

/** A client whose recurring planning template makes a plan each time a planning episode starts without one. */
export interface FloodClient {
  tenant: SeededTenant;
  accountId: string;
}

const SET_RECURRING = `mutation($i: SetRecurringPlanningInput!) { setRecurringPlanning(input: $i) { cadence } }`;

/**
 * The flood's client: one connected account and a recurring planning template set through the API. The API also
 * creates the weekly Schedule; it is deleted at once, because the flood starts the runs itself.
 */
export async function seedFloodClient(stack: TestStack, temporal: Client): Promise<FloodClient> {
  const tenant = await seedTenant(stack.ds);
  const [row] = await stack.ds.query<{ id: string }[]>(
    `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
     VALUES ($1, $2, 'sandbox', $3, '@flood', 'fp') RETURNING id`,
    [tenant.agencyId, tenant.clientId, randomUUID()],
  );
  const set = await stack.gql(tenant.users.approver, SET_RECURRING, {
    i: {
      clientId: tenant.clientId,
      cadence: 'weekly',
      goals: 'Weekly tips',
      targets: [{ platformAccountId: row.id, postsPerWeek: 3 }],
      pillars: [{ name: 'tips', weight: 1 }],
      requiresApproval: true,
    },
  });
  if (set.errors) throw new Error(`setRecurringPlanning: ${JSON.stringify(set.errors)}`);
  await temporal.schedule.getHandle(planningScheduleId(tenant.clientId)).delete();
  return { tenant, accountId: row.id };
}

/**
 * `count` plan items as a drafted plan holds them, spread over plans of 50 (an item's status write locks its plan, so
 * one huge plan would measure that lock rather than the lane). Written as the planning episode writes them.
 */
export async function seedCreationItems(
  stack: TestStack,
  c: FloodClient,
  count: number,
): Promise<{ planId: string; itemId: string }[]> {
  const PER_PLAN = 50;
  const timezone = 'Europe/Berlin';
  const slotAt = new Date(Date.now() + 7 * 86_400_000);
  const day = localDateOf(slotAt, timezone);
  const time = localTimeOf(slotAt, timezone);
  const seedPlan = async (n: number) => {
    const planId = randomUUID();
    const made: { planId: string; itemId: string }[] = [];
    await stack.ds.transaction(async (m) => {
      const base = { planId, clientId: c.tenant.clientId, agencyId: c.tenant.agencyId, actor: 'system:lanes-test' };
      await PlanEventsRepository.append(m, {
        ...base,
        type: 'plan.requested',
        data: {
          request: {
            goals: 'Weekly tips',
            targets: [{ platformAccountId: c.accountId, platform: 'sandbox', postsPerWeek: 1, postingTimes: [time] }],
            pillars: [{ name: 'tips', weight: 1 }],
            formats: [],
            requiresApproval: false,
            startDate: day,
            endDate: day,
            timezone,
          },
          source: 'operator',
          createdBy: null,
          workflowId: null,
        },
      });
      for (let position = 0; position < n; position++) {
        const itemId = randomUUID();
        await PlanEventsRepository.append(m, {
          ...base,
          type: 'item.planned',
          data: {
            itemId,
            position,
            platformAccountId: c.accountId,
            platform: 'sandbox',
            crossPosts: [],
            timing: 'posting_times',
            format: 'text',
            pillar: 'tips',
            slotAt: slotAt.toISOString(),
            localDate: day,
            localTime: time,
            timezone,
            brief: 'One practical tip a week',
          },
        });
        made.push({ planId, itemId });
      }
    });
    return made;
  };
  const sizes = Array.from({ length: Math.ceil(count / PER_PLAN) }, (_, i) => Math.min(PER_PLAN, count - i * PER_PLAN));
  const plans: { planId: string; itemId: string }[][] = [];
  // A few plans at a time: the test's pool has five connections.
  await inParallel(
    sizes.map((n, i) => async () => {
      plans[i] = await seedPlan(n);
    }),
    4,
  );
  const items = plans.flat();
  return items;
}

export interface FloodQueues {
  planning: string;
  creation: string;
}

/**
 * Starts `plans` planning episodes exactly as the client's recurring Schedule does (each opens a plan of its own
 * from the template) and one creation episode per item, as a plan's episode does, on the given queues.
 */
export async function startFlood(
  temporal: Client,
  c: FloodClient,
  queues: FloodQueues,
  o: { plans: number; items: { planId: string; itemId: string }[]; tag: string },
): Promise<number> {
  const { agencyId, clientId } = c.tenant;
  const starts: (() => Promise<unknown>)[] = [];
  for (let i = 0; i < o.plans; i++) {
    const input: PlanningInput = { agencyId, clientId, options: { creationTaskQueue: queues.creation } };
    starts.push(() =>
      temporal.workflow.start(PLANNING_WORKFLOW_TYPE, {
        taskQueue: queues.planning,
        workflowId: `${recurringPlanningWorkflowId(clientId)}-${o.tag}-${i}`,
        args: [input],
      }),
    );
  }
  for (const it of o.items) {
    const input: CreationItemInput = { agencyId, clientId, planId: it.planId, itemId: it.itemId };
    starts.push(() =>
      temporal.workflow.start(CREATION_ITEM_WORKFLOW_TYPE, {
        taskQueue: queues.creation,
        workflowId: creationItemWorkflowId(clientId, it.itemId),
        args: [input],
      }),
    );
  }
  // Interleaved, so both lanes fill from the first second as a busy week would fill them.
  const order = interleave(starts.slice(0, o.plans), starts.slice(o.plans));
  await inParallel(order, 64);
  return order.length;
}

function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]);
    if (i < b.length) out.push(b[i]);
  }
  return out;
}

async function inParallel(tasks: (() => Promise<unknown>)[], width: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: width }, lane));
}

/**
 * Flood episodes that have not yet done their first step (a planning run that has not opened its plan, an item whose
 * episode has not recorded `generating`): each still has a task waiting on its lane. Counted in the database, exactly,
 * beside the server's approximate backlog.
 */
export async function untouchedEpisodes(
  stack: TestStack,
  c: FloodClient,
  o: { plans: number; items: { itemId: string }[]; tag: string },
): Promise<number> {
  const [opened] = await stack.ds.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM plan_events
      WHERE client_id = $1 AND type = 'plan.requested' AND data->>'workflowId' LIKE $2`,
    [c.tenant.clientId, `${recurringPlanningWorkflowId(c.tenant.clientId)}-${o.tag}-%`],
  );
  const [planned] = await stack.ds.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM plan_items WHERE client_id = $1 AND id = ANY ($2::uuid[]) AND status = 'planned'`,
    [c.tenant.clientId, o.items.map((i) => i.itemId)],
  );
  return o.plans - opened.n + planned.n;
}
