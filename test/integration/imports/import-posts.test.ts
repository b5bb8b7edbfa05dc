import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedCalendarTenant, type CalendarTenant } from '../../../bench/calendar/seed-calendar';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { temporalClient } from '../../harness/test-env';
import { createSlot, dryRun, localsAt, runImport } from './import-gql';
import { importEnv, startMediaServer, type MediaServer } from './media-server';

/**
 * The import carries out exactly the dry run the operator saw (real API, Postgres, Temporal, artifact store):
 * all or nothing, bound to the CSV and to what it resolved to.
 */
describe('CSV import', () => {
  let stack: TestStack;
  let media: MediaServer;
  let temporal: Awaited<ReturnType<typeof temporalClient>>;
  beforeAll(async () => {
    media = await startMediaServer();
    stack = await startTestStack({ env: importEnv(mkdtempSync(join(tmpdir(), 'raize-import-'))) });
    temporal = await temporalClient();
  });
  afterAll(async () => {
    await temporal?.close();
    await stack?.close();
    await media?.close();
  });

  const year = new Date().getUTCFullYear() + 1;
  const handleOf = async (id: string) =>
    (await stack.ds.query<{ handle: string }[]>('SELECT handle FROM platform_accounts WHERE id = $1', [id]))[0].handle;
  const jobsOf = (t: CalendarTenant) =>
    stack.ds.query<
      {
        id: string;
        scheduled_at: Date;
        platform_account_id: string;
        workflow_id: string;
        created_by: string;
        asset_id: string;
      }[]
    >(
      'SELECT id, scheduled_at, platform_account_id, workflow_id, created_by, asset_id FROM publish_jobs WHERE client_id = $1 ORDER BY scheduled_at',
      [t.clientId],
    );
  const written = async (t: CalendarTenant) =>
    (
      await stack.ds.query<{ n: number }[]>(
        `SELECT (SELECT count(*) FROM publish_jobs WHERE client_id = $1) + (SELECT count(*) FROM assets WHERE client_id = $1)
              + (SELECT count(*) FROM import_batches WHERE client_id = $1 AND status <> 'failed') AS n`,
        [t.clientId],
      )
    )[0].n;

  async function tenantWithSlots(): Promise<{ t: CalendarTenant; a: string; b: string }> {
    const t = await seedCalendarTenant(stack.ds, { timezone: 'Europe/Berlin', accounts: 2 });
    for (const weekday of [1, 3, 5])
      await createSlot(stack, t.userId, {
        clientId: t.clientId,
        platformAccountId: t.accountIds[0],
        weekday,
        time: '09:30',
      });
    return { t, a: await handleOf(t.accountIds[0]), b: await handleOf(t.accountIds[1]) };
  }

  it('schedules exactly the posts of the dry run, starts their workflows, stores the media and audits the batch', async () => {
    const { t, a, b } = await tenantWithSlots();
    const before = await written(t);
    const csv = [
      'text,accounts,date,media_urls,recurrence',
      `"Launch day, finally",sandbox:${a} @${b},${year}-03-02T10:00,,`,
      `From the queue,@${a},next,${media.url}/image.png,`,
      `"Weekly tip
with two lines",@${b},${year}-03-03T08:15,,weekly:3`,
    ].join('\r\n');
    const preview = (await dryRun(stack, t.userId, t.clientId, csv)).data!.importPostsDryRun;
    expect(preview.valid).toBe(true);
    expect(preview.postCount).toBe(6);
    expect(await written(t)).toBe(before);

    const res = await runImport(stack, t.userId, t.clientId, csv, preview.digest);
    expect(res.errors).toBeUndefined();
    const { postIds, batchId } = res.data!.importPosts;
    expect(postIds).toHaveLength(6);

    const jobs = await jobsOf(t);
    expect(jobs.map((j) => j.id).sort()).toEqual([...postIds].sort());
    const planned = preview.occurrences
      .map((o) => `${o.platformAccountId}@${new Date(o.scheduledAt).toISOString()}`)
      .sort();
    expect(jobs.map((j) => `${j.platform_account_id}@${j.scheduled_at.toISOString()}`).sort()).toEqual(planned);
    expect(new Set(jobs.map((j) => j.created_by))).toEqual(new Set([t.userId]));
    // The weekly row keeps its local 08:15 across the weeks.
    const weekly = localsAt(preview, 4);
    expect(weekly).toEqual([`${year}-03-03T08:15`, `${year}-03-10T08:15`, `${year}-03-17T08:15`]);

    for (const j of jobs) {
      const d = await temporal.client.workflow.getHandle(j.workflow_id).describe();
      expect(d.status.name).toBe('RUNNING');
    }

    const [image] = await stack.ds.query<
      { kind: string; media_key: string; media_content_type: string; text: string }[]
    >(`SELECT kind, media_key, media_content_type, text FROM assets WHERE client_id = $1 AND media_key IS NOT NULL`, [
      t.clientId,
    ]);
    expect(image).toMatchObject({ kind: 'image', media_content_type: 'image/png', text: 'From the queue' });
    expect(image.media_key).toMatch(new RegExp(`^${t.agencyId}/${t.clientId}/image/[0-9a-f]{64}\\.png$`));
    expect(media.requests.filter((r) => r === '/image.png').length).toBeGreaterThanOrEqual(2); // probe + fetch
    const [multi] = await stack.ds.query<{ text: string }[]>(
      `SELECT text FROM assets WHERE client_id = $1 AND text LIKE 'Weekly tip%'`,
      [t.clientId],
    );
    expect(multi.text).toBe('Weekly tip\nwith two lines');

    const [batch] = await stack.ds.query<{ status: string; post_ids: string[]; digest: string }[]>(
      'SELECT status, post_ids, digest FROM import_batches WHERE id = $1',
      [batchId],
    );
    expect(batch).toMatchObject({ status: 'completed', digest: preview.digest });
    expect([...batch.post_ids].sort()).toEqual([...postIds].sort());
    const audit = await stack.ds.query<{ action: string; data: { posts: number } }[]>(
      `SELECT action, data FROM audit_events WHERE client_id = $1 AND subject_id = $2`,
      [t.clientId, batchId],
    );
    expect(audit).toEqual([
      { action: 'import.completed', data: expect.objectContaining({ posts: 6, rows: 3 }) as unknown },
    ]);
    const scheduled = await stack.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1 AND action = 'post.scheduled' AND data->>'source' = 'import'`,
      [t.clientId],
    );
    expect(scheduled[0].n).toBe(6);

    // The same dry run a second time (a double click, a retried request) creates nothing more.
    const again = await runImport(stack, t.userId, t.clientId, csv, preview.digest);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/already imported/);
    expect((await jobsOf(t)).length).toBe(6);
  });

  it('[C-54] refuses a CSV changed since its dry run, and a plan whose slots were taken since, creating nothing', async () => {
    const { t, a } = await tenantWithSlots();
    const csv = `text,accounts,date\nQueued,@${a},next\n`;
    const preview = (await dryRun(stack, t.userId, t.clientId, csv)).data!.importPostsDryRun;
    expect(preview.valid).toBe(true);
    const before = await written(t);

    const edited = csv.replace('Queued', 'Queued!');
    const changed = await runImport(stack, t.userId, t.clientId, edited, preview.digest);
    expect(changed.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(changed.errors?.[0].message).toMatch(/changed since the dry run/);
    expect(await written(t)).toBe(before);

    // Another import takes the slot the first dry run showed: the first plan is stale now.
    const other = `text,accounts,date\nFirst come,@${a},next\n`;
    const otherPreview = (await dryRun(stack, t.userId, t.clientId, other)).data!.importPostsDryRun;
    expect((await runImport(stack, t.userId, t.clientId, other, otherPreview.digest)).errors).toBeUndefined();
    const stale = await runImport(stack, t.userId, t.clientId, csv, preview.digest);
    expect(stale.errors?.[0].message).toMatch(/changed since the dry run/);
    expect((await jobsOf(t)).length).toBe(1);
  });

  it('[C-54] refuses to import a CSV whose rows have errors, even with its own digest', async () => {
    const { t, a } = await tenantWithSlots();
    const csv = `text,accounts,date\nGood,@${a},${year}-04-01T10:00\n,@${a},${year}-04-02T10:00\n`;
    const preview = (await dryRun(stack, t.userId, t.clientId, csv)).data!.importPostsDryRun;
    expect(preview.valid).toBe(false);
    const before = await written(t);
    const res = await runImport(stack, t.userId, t.clientId, csv, preview.digest);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/1 row\(s\) have errors \(lines 3\); nothing was imported/);
    expect(await written(t)).toBe(before);
  });
});
