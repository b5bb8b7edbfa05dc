import { addDays, localDateOf, weekdayOf } from '../../../services/core/scheduling/zoned-time';
import { zonedInstant } from '../../../services/core/plans/zoned-instant';
import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset, getPost, schedulePost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import { createSlot } from '../imports/import-gql';
import type { CreationLane } from './creation-harness';
import { plannedItem, startCreationLane, until } from './creation-harness';

// Where an approved item goes out: every account it targets (its target and its cross-posts), each with the review
// as its approval, and — for an item timed by the account's queue — the next free queue slot when its own was taken
// after it was planned. Real Temporal, Postgres under row-level security, OPA wasm, the local provider, the sandbox.

interface ItemView {
  id: string;
  status: string;
  reasons: { code: string; message: string }[];
  publishJobIds: string[];
  crossPostAccountIds: string[];
  asset: { checksum: string } | null;
  previews: { platform: string }[];
}
const FIELDS =
  'id status reasons { code message } publishJobIds crossPostAccountIds asset { checksum } previews { platform }';

describe('an approved item goes out on each of its accounts, in its queue slot (real Temporal, Postgres, OPA wasm)', () => {
  let lane: CreationLane;
  beforeAll(async () => {
    lane = await startCreationLane();
  });
  afterAll(async () => {
    await lane?.close();
  });

  const item = (actor: string, id: string) =>
    lane.stack
      .gql<{ reviewItem: ItemView }>(actor, `query($id: ID!) { reviewItem(id: $id) { ${FIELDS} } }`, { id })
      .then((r) => {
        if (!r.data) throw new Error(`reviewItem: ${JSON.stringify(r.errors)}`);
        return r.data.reviewItem;
      });
  const itemWhen = (actor: string, id: string, status: string) =>
    until(
      () => item(actor, id),
      (i) => i.status === status,
      `item ${id} (${status})`,
    );
  const approve = (actor: string, itemId: string, assetChecksum: string) =>
    lane.stack.gql(actor, 'mutation($i: ApproveItemInput!) { approveItem(input: $i) { id } }', {
      i: { itemId, assetChecksum },
    });
  const jobsOf = (ids: string[]) =>
    lane.stack.ds.query<{ id: string; platform_account_id: string; scheduled_at: Date }[]>(
      'SELECT id, platform_account_id, scheduled_at FROM publish_jobs WHERE id = ANY ($1::uuid[]) ORDER BY scheduled_at',
      [ids],
    );

  it('schedules one post per account of the item, each approved by the review; an account disconnected since is said, the others go out', async () => {
    const t = await seedTenant(lane.stack.ds);
    const [a, b, c] = [
      await connectSandboxAccount(lane.stack, t.users.admin, t.clientId),
      await connectSandboxAccount(lane.stack, t.users.admin, t.clientId),
      await connectSandboxAccount(lane.stack, t.users.admin, t.clientId),
    ];
    const slotAt = new Date(Date.now() + 3 * 86_400_000);
    const { itemId } = await plannedItem(lane, t, a.accountId, {
      creator: t.users.author,
      format: 'text',
      slotAt,
      crossPosts: [b, c].map((x) => ({ platformAccountId: x.accountId, platform: 'sandbox' })),
    });
    const inReview = await itemWhen(t.users.approver, itemId, 'in_review');
    expect(inReview.crossPostAccountIds).toEqual([b.accountId, c.accountId]);
    expect(inReview.previews.map((p) => p.platform)).toEqual(['sandbox']);

    await lane.stack.ds.query(`UPDATE platform_accounts SET status = 'disconnected' WHERE id = $1`, [c.accountId]);
    expect((await approve(t.users.approver, itemId, inReview.asset!.checksum)).errors).toBeUndefined();
    // The refused account's reason lands with or just after the status: wait for both, then check them exactly.
    const scheduled = await until(
      () => item(t.users.approver, itemId),
      (i) => i.status === 'scheduled' && i.reasons.length > 0,
      `item ${itemId} (scheduled, with the refused account said)`,
    );

    const jobs = await jobsOf(scheduled.publishJobIds);
    expect(jobs.map((j) => j.platform_account_id).sort()).toEqual([a.accountId, b.accountId].sort());
    expect(jobs.every((j) => new Date(j.scheduled_at).getTime() === slotAt.getTime())).toBe(true);
    for (const j of jobs) {
      const post = await getPost(lane.stack, t.users.approver, j.id);
      expect(post.approvals.map((x) => x.approverId)).toEqual([t.users.approver]);
    }
    expect(scheduled.reasons).toEqual([
      { code: 'account_refused', message: expect.stringMatching(/disconnected/) as unknown as string },
    ]);
  });

  it("moves a queue item to the account's next free queue slot when its own was taken after planning", async () => {
    const t: SeededTenant = await seedTenant(lane.stack.ds);
    const acc = await connectSandboxAccount(lane.stack, t.users.admin, t.clientId);
    const tz = 'Europe/Berlin';
    // The Monday at least three days ahead, and its queue: Monday and Tuesday at 09:00.
    let day = addDays(localDateOf(new Date(Date.now() + 3 * 86_400_000), tz), 0);
    while (weekdayOf(day) !== 1) day = addDays(day, 1);
    const iso = (d: typeof day) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    const monday = zonedInstant(iso(day), '09:00', tz);
    const tuesday = zonedInstant(iso(addDays(day, 1)), '09:00', tz);
    await lane.stack.ds.query('UPDATE clients SET timezone = $2 WHERE id = $1', [t.clientId, tz]);
    for (const weekday of [1, 2])
      expect(
        (
          await createSlot(lane.stack, t.users.admin, {
            clientId: t.clientId,
            platformAccountId: acc.accountId,
            weekday,
            time: '09:00',
          })
        ).errors,
      ).toBeUndefined();

    const { itemId } = await plannedItem(lane, t, acc.accountId, {
      creator: t.users.author,
      format: 'text',
      slotAt: monday,
      timezone: tz,
      timing: 'queue',
    });
    const inReview = await itemWhen(t.users.approver, itemId, 'in_review');
    // An operator schedules another post into Monday 09:00 while the item waits for its review.
    const asset = await createAsset(lane.stack, t.users.author, t.clientId, 'A post that took the Monday slot');
    await schedulePost(lane.stack, t.users.admin, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
      at: monday,
    });

    expect((await approve(t.users.approver, itemId, inReview.asset!.checksum)).errors).toBeUndefined();
    const scheduled = await itemWhen(t.users.approver, itemId, 'scheduled');
    const [job] = await jobsOf(scheduled.publishJobIds);
    expect(new Date(job.scheduled_at).toISOString()).toBe(tuesday.toISOString());
  });
});
