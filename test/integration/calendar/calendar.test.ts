import { randomUUID } from 'node:crypto';
import { DataSource, type Logger } from 'typeorm';
import { seedCalendarTenant, seedScheduledPosts, type CalendarTenant } from '../../../bench/calendar/seed-calendar';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { calendarPage } from '../../../services/core/scheduling/calendar.repository';
import { ENTITIES } from '../../../services/core/database/entities';
import { PostsCalendarService } from '../../../services/api/modules/posts/posts-calendar.service';
import type { AccessService } from '../../../services/api/auth/access.service';
import { asAppRole } from '../../factories/app-role';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { testEnv } from '../../harness/test-env';
import { MAX_CALENDAR_PAGE_SIZE } from '../../../services/api/modules/posts/dtos/post-page.args';

interface PostRow {
  id: string;
  cursor: string;
  scheduledAt: string;
  status: string;
  authorIds: string[];
  approvals: { approverId: string }[];
}
const FIELDS = 'id cursor scheduledAt status authorIds approvals { approverId }';

/** The calendar and the approvals queue: local date ranges, stable cursor pages, a fixed number of queries. */
describe('calendar at agency volume', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const calendar = async (t: CalendarTenant, from: string, to: string, first = 50, after?: string) => {
    const r = await stack.gql<{ postCalendar: PostRow[] }>(
      t.userId,
      `query($c: ID!, $f: String!, $t: String!, $n: Int!, $a: String) {
         postCalendar(clientId: $c, from: $f, to: $t, first: $n, after: $a) { ${FIELDS} } }`,
      { c: t.clientId, f: from, t: to, n: first, a: after },
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.postCalendar;
  };
  const approvalQueue = async (t: CalendarTenant, first: number, after?: string) => {
    const r = await stack.gql<{ approvalQueue: PostRow[] }>(
      t.userId,
      `query($c: ID!, $n: Int!, $a: String) { approvalQueue(clientId: $c, first: $n, after: $a) { ${FIELDS} } }`,
      { c: t.clientId, n: first, a: after },
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.approvalQueue;
  };
  /** Every page in turn: the next one starts after the last post's cursor; a short page is the last. */
  async function allPages(first: number, next: (after?: string) => Promise<PostRow[]>): Promise<PostRow[]> {
    const out: PostRow[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await next(after);
      out.push(...page);
      if (page.length < first) return out;
      after = page[page.length - 1].cursor;
    }
  }

  it("puts a post at 23:30 local on a month's last day in that month, in the client's timezone", async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'America/New_York' });
    // 2027-01-31 23:30 in New York is 2027-02-01 04:30 UTC; 2027-02-01 00:10 there is 05:10 UTC.
    const [lastOfJanuary] = await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-02-01T04:30:00Z'),
      count: 1,
      spacingMs: 0,
    });
    const [firstOfFebruary] = await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-02-01T05:10:00Z'),
      count: 1,
      spacingMs: 0,
    });
    // And 2027-01-01 00:00 local (05:00 UTC) is the first instant of January there.
    const [newYear] = await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-01-01T05:00:00Z'),
      count: 1,
      spacingMs: 0,
    });
    const [lastOfDecember] = await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-01-01T04:59:00Z'),
      count: 1,
      spacingMs: 0,
    });

    expect((await calendar(t, '2027-01-01', '2027-02-01')).map((n) => n.id)).toEqual([newYear, lastOfJanuary]);
    expect((await calendar(t, '2027-02-01', '2027-03-01')).map((n) => n.id)).toEqual([firstOfFebruary]);
    expect((await calendar(t, '2026-12-01', '2027-01-01')).map((n) => n.id)).toEqual([lastOfDecember]);
  });

  it('pages through posts sharing one timestamp without repeating or losing any', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC', accounts: 3 });
    const same = await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-05-10T09:00:00Z'),
      count: 23,
      spacingMs: 0,
    });
    const around = await seedScheduledPosts(stack.ds, t, {
      // twice a day from 8 May: none of them at or before 09:00 on the 10th, the tie's day
      start: new Date('2027-05-08T10:00:00Z'),
      count: 12,
      spacingMs: 3_600_000 * 12,
    });
    const seen = await allPages(5, (after) => calendar(t, '2027-05-01', '2027-06-01', 5, after));
    expect(seen).toHaveLength(same.length + around.length);
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
    expect(new Set(seen.map((n) => n.id))).toEqual(new Set([...same, ...around]));
    const order = seen.map((n) => `${n.scheduledAt}|${n.id}`);
    expect(order).toEqual([...order].sort());
    // A page boundary inside the tie: the next page starts after the cursor's post, not after its timestamp.
    const first = await calendar(t, '2027-05-10', '2027-05-11', 7);
    const second = await calendar(t, '2027-05-10', '2027-05-11', 7, first[6].cursor);
    expect(first.every((n) => n.scheduledAt === '2027-05-10T09:00:00.000Z')).toBe(true);
    expect(second[0].id > first[6].id).toBe(true);
  });

  it('pages the approvals queue, soonest first, with authors and approvals', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'Europe/Berlin' });
    await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-03-01T08:00:00Z'),
      count: 60,
      spacingMs: 3_600_000,
      awaitingEvery: 3,
      approvedEvery: 2,
    });
    const queue = await allPages(7, (after) => approvalQueue(t, 7, after));
    const awaiting = await stack.ds.query<{ id: string }[]>(
      `SELECT id FROM publish_jobs WHERE client_id = $1 AND status = 'awaiting_approval' ORDER BY scheduled_at, id`,
      [t.clientId],
    );
    expect(queue.map((n) => n.id)).toEqual(awaiting.map((r) => r.id));
    expect(queue.every((n) => n.status === 'awaiting_approval' && n.authorIds.includes(t.userId))).toBe(true);
    const approved = await stack.ds.query<{ publish_job_id: string }[]>(
      'SELECT publish_job_id FROM approvals WHERE client_id = $1',
      [t.clientId],
    );
    const month = await allPages(200, (after) => calendar(t, '2027-03-01', '2027-04-01', 200, after));
    expect(
      month
        .filter((n) => n.approvals.length)
        .map((n) => n.id)
        .sort(),
    ).toEqual(approved.map((a) => a.publish_job_id).sort());
  });

  it('[C-54] refuses a bad range or a forged cursor with a clear error', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const q = (from: string, to: string, after?: string) =>
      stack.gql(
        t.userId,
        'query($c: ID!, $f: String!, $t: String!, $a: String) { postCalendar(clientId: $c, from: $f, to: $t, first: 10, after: $a) { id } }',
        { c: t.clientId, f: from, t: to, a: after },
      );
    for (const [from, to, after, message] of [
      ['2027-02-01', '2027-01-01', undefined, /to must be after from/],
      ['2027-02-30', '2027-03-01', undefined, /must be dates/],
      ['2027-01-01', '2029-01-01', undefined, /at most 366 days/],
      ['2027-01-01', '2027-02-01', 'not-a-cursor', /not a cursor/],
    ] as const) {
      const r = await q(from, to, after);
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(message);
    }
  });

  it('[C-54] pages the calendar up to 2000 posts a call and the approvals queue up to 200', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    // More than the queue's cap in one month: the calendar answers all of them in one call.
    const ids = await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-06-01T00:00:00Z'),
      count: 250,
      spacingMs: 3_600_000,
      awaitingEvery: 1,
    });
    const month = await calendar(t, '2027-06-01', '2027-07-01', MAX_CALENDAR_PAGE_SIZE);
    expect(month.map((n) => n.id)).toEqual(ids);
    expect(await approvalQueue(t, 200)).toHaveLength(200);
    for (const [query, first] of [
      [
        'query($c: ID!, $n: Int!) { postCalendar(clientId: $c, from: "2027-06-01", to: "2027-07-01", first: $n) { id } }',
        MAX_CALENDAR_PAGE_SIZE + 1,
      ],
      ['query($c: ID!, $n: Int!) { approvalQueue(clientId: $c, first: $n) { id } }', 201],
      ['query($c: ID!, $n: Int!) { approvalQueue(clientId: $c, first: $n) { id } }', 0],
    ] as const) {
      const r = await stack.gql(t.userId, query, { c: t.clientId, n: first });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(/first/);
    }
  });

  it('answers each post with its own authors and approvals, only from its own client', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const other = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const boot = new TenantBootstrap(stack.ds);
    const tag = randomUUID().slice(0, 8);
    const writer = await boot.createUser(`writer-${tag}@example.test`, 'Writer');
    const editor = await boot.createUser(`editor-${tag}@example.test`, 'Editor');
    const [asset] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO assets (agency_id, client_id, kind, text, checksum, author_id) VALUES ($1, $2, 'text', 'x', 'c', $3) RETURNING id`,
      [t.agencyId, t.clientId, writer.id],
    );
    const revision = `INSERT INTO asset_revisions (agency_id, client_id, asset_id, editor_id, checksum) VALUES ($1, $2, $3, $4, 'c')`;
    await stack.ds.query(revision, [t.agencyId, t.clientId, asset.id, editor.id]);
    // A row naming the asset under another client: not an author of this post, even where row security is bypassed.
    await stack.ds.query(revision, [other.agencyId, other.clientId, asset.id, other.userId]);
    const [edited] = await seedScheduledPosts(
      stack.ds,
      { ...t, assetId: asset.id },
      { start: new Date('2027-04-02T10:00:00Z'), count: 1, spacingMs: 0 },
    );
    const [plain] = await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-04-03T10:00:00Z'),
      count: 1,
      spacingMs: 0,
    });
    const approval = `INSERT INTO approvals (agency_id, client_id, publish_job_id, approver_id, role, decision, asset_checksum, created_at)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
    // Inserted newest first: the answer lists them oldest first. A rejection and another client's row are not listed.
    await stack.ds.query(approval, [
      t.agencyId,
      t.clientId,
      edited,
      writer.id,
      'Manager',
      'approved',
      'c2',
      '2027-04-01T09:05:00.250Z',
    ]);
    await stack.ds.query(approval, [
      t.agencyId,
      t.clientId,
      edited,
      editor.id,
      'Admin',
      'approved',
      'c1',
      '2027-04-01T09:00:00.125Z',
    ]);
    await stack.ds.query(approval, [
      t.agencyId,
      t.clientId,
      edited,
      t.userId,
      'Manager',
      'rejected',
      'c3',
      '2027-04-01T09:10:00Z',
    ]);
    await stack.ds.query(approval, [
      other.agencyId,
      other.clientId,
      edited,
      other.userId,
      'Manager',
      'approved',
      'c4',
      '2027-04-01T09:20:00Z',
    ]);

    const expected = [
      {
        id: edited,
        authorIds: [t.userId, writer.id, editor.id].sort(),
        approvals: [
          { approverId: editor.id, role: 'Admin', assetChecksum: 'c1', createdAt: '2027-04-01T09:00:00.125Z' },
          { approverId: writer.id, role: 'Manager', assetChecksum: 'c2', createdAt: '2027-04-01T09:05:00.250Z' },
        ],
      },
      { id: plain, authorIds: [t.userId], approvals: [] },
    ];
    const r = await stack.gql<{ postCalendar: unknown[] }>(
      t.userId,
      `query($c: ID!) { postCalendar(clientId: $c, from: "2027-04-01", to: "2027-05-01") {
         id authorIds approvals { approverId role assetChecksum createdAt } } }`,
      { c: t.clientId },
    );
    expect(r.data?.postCalendar).toEqual(expected);
    // A month grid asks neither list, and its page skips their joins; asked through a named or an inline fragment,
    // or by the approvals queue, they are read as above.
    const grid = await stack.gql<{ postCalendar: { id: string }[] }>(
      t.userId,
      `query($c: ID!) { postCalendar(clientId: $c, from: "2027-04-01", to: "2027-05-01") { id status } }`,
      { c: t.clientId },
    );
    expect(grid.data?.postCalendar.map((p) => p.id)).toEqual([edited, plain]);
    for (const doc of [
      `query($c: ID!) { postCalendar(clientId: $c, from: "2027-04-01", to: "2027-05-01") { id ...Who } }
       fragment Who on Post { authorIds approvals { approverId role assetChecksum createdAt } }`,
      `query($c: ID!) { postCalendar(clientId: $c, from: "2027-04-01", to: "2027-05-01") {
         id ... on Post { authorIds } ... on Post { approvals { approverId role assetChecksum createdAt } } } }`,
    ]) {
      const viaFragment = await stack.gql<{ postCalendar: unknown[] }>(t.userId, doc, { c: t.clientId });
      expect(viaFragment.data?.postCalendar).toEqual(expected);
    }
    // The repository as the owner, whom row security does not filter: the joins' own client filter keeps it exact.
    const page = await calendarPage(stack.ds.manager, {
      clientId: t.clientId,
      from: new Date('2027-04-01T00:00:00Z'),
      to: new Date('2027-05-01T00:00:00Z'),
      first: 10,
    });
    expect(
      page.posts.map((p) => ({
        id: p.id,
        authorIds: p.authorIds,
        // An operator's approvals name no client reviewer (reviewerId: issue #14); the API shows approverId for both.
        approvals: p.approvals.map(({ reviewerId, ...a }) => {
          expect(reviewerId).toBeNull();
          return { ...a, createdAt: a.createdAt.toISOString() };
        }),
      })),
    ).toEqual(expected);
    expect(page.hasNextPage).toBe(false);
  });

  it('[C-02] answers another agency’s client like a missing one', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    const other = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    await seedScheduledPosts(stack.ds, other, {
      start: new Date('2027-01-05T10:00:00Z'),
      count: 3,
      spacingMs: 0,
      awaitingEvery: 1,
    });
    for (const query of [
      'query($c: ID!) { postCalendar(clientId: $c, from: "2027-01-01", to: "2027-02-01") { id } }',
      'query($c: ID!) { approvalQueue(clientId: $c) { id } }',
    ]) {
      const r = await stack.gql(t.userId, query, { c: other.clientId });
      expect(r.data).toBeNull();
      expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('reads a page’s authors and approvals in a fixed number of queries, whatever its size', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC', accounts: 2 });
    await seedScheduledPosts(stack.ds, t, {
      start: new Date('2027-08-01T00:00:00Z'),
      count: 150,
      spacingMs: 600_000,
      approvedEvery: 2,
    });
    let queries = 0;
    const counting: Logger = {
      logQuery: () => void queries++,
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    const ds = new DataSource({
      type: 'postgres',
      url: testEnv().databaseUrl,
      entities: ENTITIES,
      logging: ['query'],
      logger: counting,
    });
    await ds.initialize();
    try {
      const client = { id: t.clientId, agencyId: t.agencyId, timezone: 'UTC' };
      const access = { requireClient: async () => ({ client, role: 'Publisher' }) } as unknown as AccessService;
      const service = new PostsCalendarService(ds, access);
      const counted = async (first: number) => {
        queries = 0;
        const page = await service.calendar(
          { userId: t.userId, via: 'dev-token' },
          { clientId: t.clientId, from: '2027-08-01', to: '2027-09-01', first },
        );
        return { queries, size: page.length, approvals: page.filter((n) => n.approvals.length).length };
      };
      const small = await counted(5);
      const large = await counted(150);
      expect(small.size).toBe(5);
      expect(large.size).toBe(150);
      expect(large.approvals).toBeGreaterThan(0);
      // The page with its approvals and its authors (asset and revisions joined in): one query.
      expect(small.queries).toBe(1);
      expect(large.queries).toBe(small.queries);
    } finally {
      await ds.destroy();
    }
  });

  it('[C-01] keeps queue slots and import batches behind row-level security', async () => {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'UTC' });
    await stack.ds.query(
      `INSERT INTO queue_slots (agency_id, client_id, platform_account_id, weekday, minute_of_day, created_by) VALUES ($1, $2, $3, 1, 540, $4)`,
      [t.agencyId, t.clientId, t.accountIds[0], t.userId],
    );
    await stack.ds.query(
      `INSERT INTO import_batches (agency_id, client_id, digest, status, row_count, created_by) VALUES ($1, $2, 'd', 'completed', 1, $3)`,
      [t.agencyId, t.clientId, t.userId],
    );
    const seen = await asAppRole(async (c) => {
      const slots = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM queue_slots');
      const batches = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM import_batches');
      return [slots.rows[0].n, batches.rows[0].n];
    });
    expect(seen).toEqual([0, 0]);
    const forced = await stack.ds.query<{ relname: string; relforcerowsecurity: boolean }[]>(
      `SELECT relname, relforcerowsecurity FROM pg_class WHERE relname IN ('queue_slots', 'import_batches') ORDER BY relname`,
    );
    expect(forced).toEqual([
      { relname: 'import_batches', relforcerowsecurity: true },
      { relname: 'queue_slots', relforcerowsecurity: true },
    ]);
  });
});
