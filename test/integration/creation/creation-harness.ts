import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { creationLaneActivities } from '../../../activities/creation/creation-lane';
import type { PlannedAccount, PlanTiming } from '../../../services/core/plans/plan-request';
import { PlanEventsRepository } from '../../../services/core/plans/plan-events.repository';
import { localDateOf, localTimeOf } from '../../../services/core/plans/zoned-instant';
import { CREATION_ITEM_WORKFLOW_TYPE, creationItemWorkflowId } from '../../../workflows/contracts/creation.contract';
import type { PlanFormat } from '../../../workflows/contracts/vocabulary/plan-status';
import type { SeededTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { dataConverterFor, nativeConnection, temporalClient, testEnv, uniqueTaskQueue } from '../../harness/test-env';
import { withTracing } from '../../../services/worker/worker-tracing';

/**
 * The creation lane for an integration test: the test stack (API, publish lane) and a worker on its own creation
 * queue running the real worker bundle with the lane's real activities (local provider, artifact store, OPA).
 */
export interface CreationLane {
  stack: TestStack;
  queue: string;
  close(): Promise<void>;
}

export async function startCreationLane(): Promise<CreationLane> {
  const stack = await startTestStack({
    withWorker: true,
    connectorTimeoutMs: 1500,
    env: { RAIZE_ARTIFACTS_DIR: mkdtempSync(join(tmpdir(), 'raize-artifacts-')) },
  });
  const queue = uniqueTaskQueue('create');
  const connection = await nativeConnection();
  const worker = await Worker.create(
    withTracing({
      connection,
      namespace: testEnv().namespace,
      taskQueue: queue,
      workflowBundle: { codePath: testEnv().bundlePath },
      dataConverter: dataConverterFor(stack.dataDir),
      activities: creationLaneActivities(stack.deps!),
    }),
  );
  const running = worker.run().finally(() => connection.close());
  return {
    stack,
    queue,
    async close() {
      worker.shutdown();
      await running;
      await stack.close();
    },
  };
}

export interface PlannedItemOptions {
  creator: string;
  format: PlanFormat;
  slotAt: Date;
  timezone?: string;
  crossPosts?: PlannedAccount[];
  timing?: PlanTiming;
}

/** A plan with one item for the account, asked for by `creator`, as the planning episode records it; its episode started. */
export async function plannedItem(
  lane: CreationLane,
  t: SeededTenant,
  accountId: string,
  o: PlannedItemOptions,
): Promise<{ planId: string; itemId: string }> {
  const planId = randomUUID();
  const itemId = randomUUID();
  const timezone = o.timezone ?? 'Europe/Berlin';
  const day = localDateOf(o.slotAt, timezone);
  const time = localTimeOf(o.slotAt, timezone);
  const crossPosts = o.crossPosts ?? [];
  await lane.stack.ds.transaction(async (m) => {
    const base = { planId, clientId: t.clientId, agencyId: t.agencyId, actor: `user:${o.creator}` };
    await PlanEventsRepository.append(m, {
      ...base,
      type: 'plan.requested',
      data: {
        request: {
          goals: 'Launch the spring range',
          targets: [
            { platformAccountId: accountId, platform: 'sandbox', postsPerWeek: 1, postingTimes: [time], crossPosts },
          ],
          pillars: [{ name: 'Launch', weight: 1 }],
          formats: [],
          requiresApproval: false,
          startDate: day,
          endDate: day,
          timezone,
        },
        source: 'operator',
        createdBy: o.creator,
        workflowId: null,
      },
    });
    await PlanEventsRepository.append(m, {
      ...base,
      type: 'item.planned',
      data: {
        itemId,
        position: 0,
        platformAccountId: accountId,
        platform: 'sandbox',
        crossPosts,
        timing: o.timing ?? 'posting_times',
        format: o.format,
        pillar: 'Launch',
        slotAt: o.slotAt.toISOString(),
        localDate: day,
        localTime: time,
        timezone,
        brief: 'Our spring range is here: light jackets in three colours',
      },
    });
    await PlanEventsRepository.append(m, {
      ...base,
      actor: 'system:test',
      type: 'item.creation_started',
      data: { itemId, workflowId: creationItemWorkflowId(t.clientId, itemId) },
    });
  });
  const { client, close } = await temporalClient();
  try {
    await client.workflow.start(CREATION_ITEM_WORKFLOW_TYPE, {
      taskQueue: lane.queue,
      workflowId: creationItemWorkflowId(t.clientId, itemId),
      args: [{ agencyId: t.agencyId, clientId: t.clientId, planId, itemId }],
    });
  } finally {
    await close();
  }
  return { planId, itemId };
}

/** Polls a GraphQL read until `ok` holds (or a minute passes, then says what it last saw). */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not get there; last seen: ${JSON.stringify(last)}`);
}
