import { seedCalendarTenant, seedScheduledPosts, type CalendarTenant } from '../../../bench/calendar/seed-calendar';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { nextFreeSlots } from '../../../services/core/scheduling/next-free-slots';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { testEnv } from '../../harness/test-env';
import { createSlot } from '../imports/import-gql';

/** Queue slots through the API, and the next free slots as the app role reads them under row-level security. */
describe('queue slots and the next free slot', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** nextFreeSlots run the way the API runs it: the app role, in the client's tenant scope. */
  async function freeSlots(t: CalendarTenant, after: Date, count: number): Promise<string[]> {
    const ds = await createAppDataSource(testEnv().databaseUrl.replace('postgres@', 'raize_app@'), {
      env: 'test',
      poolSize: 1,
    });
    try {
      const scope = { actorId: null, agencyIds: [], clientIds: [t.clientId], memberAgencyIds: [] };
      const found = await runInTenantScope(ds, scope, () =>
        nextFreeSlots(ds.manager, {
          clientId: t.clientId,
          accountId: t.accountIds[0],
          after,
          count,
          timezone: t.timezone,
        }),
      );
      return found.map((d) => d.toISOString());
    } finally {
      await ds.destroy();
    }
  }

  it('skips slots a post already holds, and frees the slot of a cancelled one', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'Europe/Berlin' });
    for (const [weekday, time] of [
      [1, '09:00'],
      [1, '18:30'],
      [3, '12:00'],
    ] as const)
      expect(
        (await createSlot(stack, t.userId, { clientId: t.clientId, platformAccountId: t.accountIds[0], weekday, time }))
          .errors,
      ).toBeUndefined();
    // Monday 2027-06-07 09:00 Berlin (07:00 UTC) is taken; Monday 18:30 (16:30 UTC) held by a cancelled post.
    await seedScheduledPosts(stack.ds, t, { start: new Date('2027-06-07T07:00:00Z'), count: 1, spacingMs: 0 });
    const [cancelled] = await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-06-07T16:30:00Z'),
      count: 1,
      spacingMs: 0,
    });
    await stack.ds.query(`UPDATE publish_jobs SET status = 'cancelled' WHERE id = $1`, [cancelled]);
    expect(await freeSlots(t, new Date('2027-06-06T12:00:00Z'), 4)).toEqual([
      '2027-06-07T16:30:00.000Z',
      '2027-06-09T10:00:00.000Z',
      '2027-06-14T07:00:00.000Z',
      '2027-06-14T16:30:00.000Z',
    ]);
  });

  it('keeps the local wall time across DST and moves a slot in the spring-forward gap past it', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'Europe/Berlin' });
    for (const time of ['02:30', '10:00'])
      await createSlot(stack, t.userId, { clientId: t.clientId, platformAccountId: t.accountIds[0], weekday: 0, time });
    // Sundays: 2027-03-21 (CET, +1), 2027-03-28 (the change: 02:00 → 03:00), 2027-04-04 (CEST, +2).
    await seedScheduledPosts(stack.ds, t, { start: new Date('2027-03-28T08:00:00Z'), count: 1, spacingMs: 0 });
    expect(await freeSlots(t, new Date('2027-03-20T12:00:00Z'), 5)).toEqual([
      '2027-03-21T01:30:00.000Z', // 02:30 CET
      '2027-03-21T09:00:00.000Z', // 10:00 CET
      '2027-03-28T01:30:00.000Z', // 02:30 does not exist that night: 03:30 CEST
      // 10:00 CEST on the 28th (08:00 UTC) is taken
      '2027-04-04T00:30:00.000Z', // 02:30 CEST
      '2027-04-04T08:00:00.000Z', // 10:00 CEST
    ]);
    // Autumn: 2027-10-31 02:30 happens twice; the slot is its first (CEST) instant.
    expect(await freeSlots(t, new Date('2027-10-30T12:00:00Z'), 2)).toEqual([
      '2027-10-31T00:30:00.000Z',
      '2027-10-31T09:00:00.000Z',
    ]);
  });

  it('[C-02] refuses a slot on another tenant’s account like a missing account, and answers slot reads per client', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const other = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const foreign = await createSlot(stack, t.userId, {
      clientId: t.clientId,
      platformAccountId: other.accountIds[0],
      weekday: 1,
      time: '09:00',
    });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe('platform account not found');
    const theirs = await createSlot(stack, t.userId, {
      clientId: other.clientId,
      platformAccountId: other.accountIds[0],
      weekday: 1,
      time: '09:00',
    });
    expect(theirs.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const count = await stack.ds.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM queue_slots WHERE client_id = $1',
      [other.clientId],
    );
    expect(count[0].n).toBe(0);
  });

  it('creates, lists, moves and deletes slots, auditing each change', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const created = await createSlot(stack, t.userId, {
      clientId: t.clientId,
      platformAccountId: t.accountIds[0],
      weekday: 2,
      time: '07:45',
    });
    const id = created.data!.createQueueSlot.id;
    const again = await createSlot(stack, t.userId, {
      clientId: t.clientId,
      platformAccountId: t.accountIds[0],
      weekday: 2,
      time: '07:45',
    });
    expect(again.data!.createQueueSlot.id).toBe(id);
    const moved = await stack.gql<{ updateQueueSlot: { id: string; weekday: number; time: string } }>(
      t.userId,
      'mutation($i: UpdateQueueSlotInput!) { updateQueueSlot(input: $i) { id weekday time } }',
      { i: { clientId: t.clientId, slotId: id, weekday: 4, time: '16:05' } },
    );
    expect(moved.data!.updateQueueSlot).toMatchObject({ weekday: 4, time: '16:05' });
    const list = await stack.gql<{ queueSlots: { id: string; time: string }[] }>(
      t.userId,
      'query($c: ID!) { queueSlots(clientId: $c) { id time } }',
      { c: t.clientId },
    );
    expect(list.data!.queueSlots).toEqual([{ id: moved.data!.updateQueueSlot.id, time: '16:05' }]);
    const bad = await createSlot(stack, t.userId, {
      clientId: t.clientId,
      platformAccountId: t.accountIds[0],
      weekday: 7,
      time: '25:00',
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const deleted = await stack.gql<{ deleteQueueSlot: boolean }>(
      t.userId,
      'mutation($i: DeleteQueueSlotInput!) { deleteQueueSlot(input: $i) }',
      { i: { clientId: t.clientId, slotId: moved.data!.updateQueueSlot.id } },
    );
    expect(deleted.data!.deleteQueueSlot).toBe(true);
    const audit = await stack.ds.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE client_id = $1 AND action LIKE 'queue_slot.%' ORDER BY seq`,
      [t.clientId],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'queue_slot.created',
      'queue_slot.deleted',
      'queue_slot.created',
      'queue_slot.deleted',
    ]);
  });
});
