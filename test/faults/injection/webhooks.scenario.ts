import { randomUUID } from 'node:crypto';
import { ensurePollSchedule } from '../../../services/ingest/poll/poll-schedules';
import { ingestPollScheduleId } from '../../../workflows/contracts/ingest-poll.contract';
import { connectSandboxAccount } from '../../factories/connect-account';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import type { FaultWorld } from './fault-world';
import { sleep } from './fault-scenes';

interface EventRow {
  delivery_id: string;
  n: number;
}

/** Inbound rows per comment id (the key webhook, redelivery and poll all store under). */
async function storedPer(stack: TestStack, commentIds: string[]): Promise<Map<string, number>> {
  const rows = await stack.ds.query<EventRow[]>(
    `SELECT delivery_id, count(*)::int AS n FROM inbound_events WHERE source = 'sandbox' AND delivery_id = ANY($1)
      GROUP BY delivery_id`,
    [commentIds],
  );
  return new Map(rows.map((r) => [r.delivery_id, r.n]));
}

/** Replies the guard sent for each comment, from Raize's records. */
async function sentPer(stack: TestStack, clientId: string): Promise<Map<string, number>> {
  const rows = await stack.ds.query<EventRow[]>(
    `SELECT e.delivery_id, count(*)::int AS n FROM engagement_replies r JOIN inbound_events e ON e.id = r.inbound_event_id
      WHERE r.client_id = $1 AND r.action = 'reply' AND r.status = 'sent' GROUP BY e.delivery_id`,
    [clientId],
  );
  return new Map(rows.map((r) => [r.delivery_id, r.n]));
}

/** Replies the platform accepted on one comment: the truth, whatever Raize recorded. */
async function repliesOnPlatform(stack: TestStack, commentId: string): Promise<number> {
  return (await stack.sandboxAdmin.listRequests()).filter(
    (r) => r.method === 'POST' && r.path === `/comments/${commentId}/replies` && r.status < 300,
  ).length;
}

async function until(what: string, ok: () => Promise<boolean>, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await sleep(250);
  }
}

export function webhookScenarios(world: () => FaultWorld): void {
  describe('[C-34] lost and duplicated webhooks', () => {
    it('[C-34][C-51] events delivered 4 times and replayed later, and events the platform never sent (recovered by the poll), are each recorded and answered once', async () => {
      const w = world();
      const { stack } = w;
      w.tally.scenario('lost and duplicated webhooks');
      const t = await seedTenant(stack.ds, { autonomy: { reply: 'autonomous' }, fourEyes: false });
      const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
      // The brand's own post, made on the platform directly: this scenario is about what comes back.
      const token = await stack.sandboxAdmin.issueToken({ userId: acc.sandboxUserId });
      const res = await fetch(`${stack.sandbox.url}/posts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Our spring range is here' }),
      });
      const postId = ((await res.json()) as { id: string }).id;
      const fan = await stack.sandboxAdmin.createUser({ username: `fan_${randomUUID().slice(0, 8)}`, password: 'pw' });
      const ask = async (text: string) =>
        (await stack.sandboxAdmin.createComment({ postId, authorId: fan.id, text })).id;
      const deliveriesOf = async (type: string) =>
        (await stack.sandboxAdmin.listWebhookDeliveries()).filter((d) => d.type === type);

      // Each event delivered four times, with one delivery id.
      await stack.sandboxAdmin.setWebhookFaults({ copies: 4 });
      const duplicated = [await ask('Do you ship to Canada?'), await ask('Which sizes do the jackets come in?')];
      await until('both comments stored', async () => (await storedPer(stack, duplicated)).size === 2);
      // The platform loses the next events: never sent at all.
      await stack.sandboxAdmin.setWebhookFaults({ dropRate: 1 });
      const lost = [await ask('Is the blue one back in stock?'), await ask('Do you deliver to Vienna?')];
      const { dropped } = await stack.sandboxAdmin.getWebhookFaults();
      await stack.sandboxAdmin.clearWebhookFaults();
      expect(dropped.length).toBeGreaterThanOrEqual(lost.length);
      expect((await storedPer(stack, lost)).size).toBe(0);

      // The sandbox's delivery ids of the duplicated events, as the ingest stored them.
      const duplicatedEvents = (
        await stack.ds.query<{ delivery: string }[]>(
          `SELECT payload->>'delivery' AS delivery FROM inbound_events WHERE source = 'sandbox' AND delivery_id = ANY($1)`,
          [duplicated],
        )
      ).map((r) => r.delivery);
      const okCopies = async (ids: string[]) =>
        (await deliveriesOf('comment.created')).filter((d) => d.ok && ids.includes(d.deliveryId)).length;
      await until('every copy acknowledged', async () => (await okCopies(duplicatedEvents)) === 8);

      // The account's poll Schedule recovers what the webhooks lost.
      const account = { agencyId: t.agencyId, clientId: t.clientId, platformAccountId: acc.accountId };
      await ensurePollSchedule(w.temporal, { taskQueue: w.queues.engagement, intervalSeconds: 2, account });
      const all = [...duplicated, ...lost];
      try {
        await until('every comment answered', async () => (await sentPer(stack, t.clientId)).size === all.length);
        // Later, the platform redelivers old events: the duplicated ones, and the ones it had dropped (the poll has
        // stored those already).
        for (const id of [...duplicatedEvents, ...dropped]) await stack.sandboxAdmin.replayWebhook(id);
        await until(
          'the replays acknowledged',
          async () => (await okCopies([...duplicatedEvents, ...dropped])) === 8 + 2 + dropped.length,
        );
        // A duplicate would show up within a poll tick and a drain.
        await sleep(5_000);
      } finally {
        await w.temporal.schedule
          .getHandle(ingestPollScheduleId(acc.accountId))
          .delete()
          .catch(() => undefined);
      }

      const stored = await storedPer(stack, all);
      const sent = await sentPer(stack, t.clientId);
      expect(all.map((id) => stored.get(id))).toEqual(all.map(() => 1));
      expect(all.map((id) => sent.get(id))).toEqual(all.map(() => 1));
      const onPlatform = await Promise.all(all.map((id) => repliesOnPlatform(stack, id)));
      expect(onPlatform).toEqual(all.map(() => 1));
      // Every copy and replay was acknowledged (2xx): the ingest answers a duplicate without recording it again.
      const refused = (await deliveriesOf('comment.created')).filter(
        (d) => !d.ok && [...duplicatedEvents, ...dropped].includes(d.deliveryId),
      );
      expect(refused).toEqual([]);
      w.tally.engaged(
        [...stored.values()].reduce((a, b) => a + b, 0),
        onPlatform.reduce((a, b) => a + b, 0),
      );
    });
  });
}
