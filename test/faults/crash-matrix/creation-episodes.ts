import type { Client } from '@temporalio/client';
import { creationItemWorkflowId } from '../../../workflows/contracts/creation.contract';
import { connectSandboxAccount } from '../../factories/connect-account';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { plannedItem } from '../../integration/creation/creation-harness';
import type { Episode, EpisodeDriver } from './episode';
import { OperatorCalls, workflowStatus } from './episode';

export interface CreationEpisode extends Episode {
  kind: 'creation';
  itemId: string;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The creation episode of one plan item: generate (the local provider, through the tool gateway) → content policy →
 * review → a Manager approves → one publish job scheduled for the item's slot, two days ahead so it stays scheduled.
 */
export async function creationEpisodes(
  stack: TestStack,
  temporal: Client,
  creationQueue: string,
): Promise<EpisodeDriver<CreationEpisode>> {
  const t: SeededTenant = await seedTenant(stack.ds);
  const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
  const lane = { stack, queue: creationQueue, close: () => Promise.resolve() };
  const started: CreationEpisode[] = [];
  const calls = new OperatorCalls();
  let n = 0;

  return {
    kind: 'creation',
    async start(count) {
      const made = await Promise.all(
        Array.from({ length: count }, async (): Promise<CreationEpisode> => {
          // One slot per item: each is a post of its own on the account's calendar.
          const slotAt = new Date(Date.now() + 2 * DAY_MS + ++n * 60_000);
          const { itemId } = await plannedItem(lane, t, acc.accountId, {
            creator: t.users.author,
            format: 'text',
            slotAt,
          });
          return { kind: 'creation', workflowId: creationItemWorkflowId(t.clientId, itemId), itemId };
        }),
      );
      started.push(...made);
      return made;
    },

    async operate() {
      if (!started.length) return;
      const waiting = await stack.ds.query<{ id: string; asset_checksum: string }[]>(
        `SELECT id, asset_checksum FROM plan_items WHERE client_id = $1 AND status = 'in_review' AND id = ANY($2)`,
        [t.clientId, started.map((e) => e.itemId)],
      );
      for (const item of waiting)
        calls.fire(item.id, async () => {
          const r = await stack.gql(
            t.users.approver,
            'mutation($i: ApproveItemInput!) { approveItem(input: $i) { id status } }',
            { i: { itemId: item.id, assetChecksum: item.asset_checksum } },
          );
          return !r.errors;
        });
    },

    async verdict(e) {
      const [item] = await stack.ds.query<{ status: string; asset_id: string | null; publish_job_ids: string[] }[]>(
        `SELECT status, asset_id, publish_job_ids FROM plan_items WHERE id = $1`,
        [e.itemId],
      );
      // Every asset the creator step made for the item (one per round; this item has one round).
      const assets = await stack.ds.query<{ asset_id: string }[]>(
        `SELECT data->>'assetId' AS asset_id FROM plan_events WHERE client_id = $1 AND type = 'item.asset_generated'
           AND data->>'itemId' = $2`,
        [t.clientId, e.itemId],
      );
      const jobs = await stack.ds.query<{ id: string }[]>(
        `SELECT id FROM publish_jobs WHERE client_id = $1 AND asset_id = ANY($2::uuid[])`,
        [t.clientId, assets.map((a) => a.asset_id)],
      );
      const wf = await workflowStatus(temporal, e.workflowId);
      return {
        ended: item?.status === 'scheduled' && wf === 'COMPLETED' && (item.publish_job_ids ?? []).length === 1,
        made: jobs.length,
        twice: assets.length > 1 ? [`${assets.length} assets generated`] : [],
        seen: `item ${item?.status}, workflow ${wf}, ${assets.length} asset(s), ${jobs.length} publish job(s)`,
      };
    },

    close: () => Promise.resolve(),
  };
}
