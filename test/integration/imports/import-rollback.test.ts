import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { seedCalendarTenant } from '../../../bench/calendar/seed-calendar';
import type { ArtifactStore } from '../../../services/core/artifacts/artifact-store.port';
import { AuditService } from '../../../services/core/audit/audit.service';
import { loadImportContext } from '../../../services/core/scheduling/import-context';
import { planImport } from '../../../services/core/scheduling/import-plan';
import { importPosts, ImportRefusedError } from '../../../services/core/scheduling/import-posts';
import type { SchedulePublishInput } from '../../../services/core/publishing/schedule-publish';
import { SchedulePublishError } from '../../../services/core/publishing/schedule-publish';
import { openDataSource } from '../../harness/test-env';

/**
 * All or nothing past validation: when one post of a batch cannot be scheduled (the scheduler went away, the account
 * was disconnected a moment ago), the posts already scheduled are undone and the batch is recorded as failed.
 */
describe('CSV import rollback', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await openDataSource();
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  const noStore: ArtifactStore = {
    backend: 'local',
    put: () => Promise.reject(new Error('no media in this test')),
    get: () => Promise.reject(new Error('no media in this test')),
    signedUrl: () => Promise.reject(new Error('no media in this test')),
  };

  it('[C-54] cancels the posts scheduled before a failing one and records the batch as failed', async () => {
    const t = await seedCalendarTenant(ds, { timezone: 'UTC' });
    const handle = (
      await ds.query<{ handle: string }[]>('SELECT handle FROM platform_accounts WHERE id = $1', [t.accountIds[0]])
    )[0].handle;
    const year = new Date().getUTCFullYear() + 1;
    const csv = `text,accounts,date,recurrence\nTip,@${handle},${year}-02-01T10:00,daily:4\n`;
    const client = { id: t.clientId, agencyId: t.agencyId, timezone: 'UTC' };
    const ctx = () => loadImportContext(ds.manager, client, { checkMediaUrl: () => Promise.resolve({}) });
    const plan = await planImport(csv, await ctx());
    expect(plan.valid).toBe(true);

    const scheduled: SchedulePublishInput[] = [];
    const undone: string[][] = [];
    const ids: string[] = [];
    const attempt = importPosts(
      {
        ds,
        audit: new AuditService(ds),
        store: noStore,
        fetchMedia: () => Promise.reject(new Error('no media in this test')),
        schedule: (s) => {
          if (scheduled.length === 2)
            return Promise.reject(new SchedulePublishError('scheduler_unavailable', 'the scheduler is unreachable'));
          scheduled.push(s);
          ids.push(randomUUID());
          return Promise.resolve({ jobId: ids[ids.length - 1], workflowId: `wf-${ids.length}`, assetChecksum: 'x' });
        },
        unschedule: (jobIds) => {
          undone.push(jobIds);
          return Promise.resolve();
        },
      },
      { client, actorId: t.userId, csv, dryRunDigest: plan.digest, ctx: await ctx() },
    );
    await expect(attempt).rejects.toThrow(ImportRefusedError);
    await expect(attempt).rejects.toThrow(
      /line 2 could not be scheduled .*the 2 post\(s\) scheduled before it were cancelled/,
    );
    expect(scheduled.map((s) => s.scheduledAt.toISOString())).toEqual([
      `${year}-02-01T10:00:00.000Z`,
      `${year}-02-02T10:00:00.000Z`,
    ]);
    expect(undone).toEqual([ids]);
    const [batch] = await ds.query<{ status: string; post_ids: string[]; error: string }[]>(
      'SELECT status, post_ids, error FROM import_batches WHERE client_id = $1',
      [t.clientId],
    );
    expect(batch.status).toBe('failed');
    expect([...batch.post_ids].sort()).toEqual([...ids].sort());
    const audit = await ds.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE client_id = $1 AND action LIKE 'import.%'`,
      [t.clientId],
    );
    expect(audit.map((a) => a.action)).toEqual(['import.failed']);

    // A failed batch does not block importing the same plan again once the scheduler is back.
    const retry = await importPosts(
      {
        ds,
        audit: new AuditService(ds),
        store: noStore,
        fetchMedia: () => Promise.reject(new Error('no media in this test')),
        schedule: () => Promise.resolve({ jobId: randomUUID(), workflowId: 'wf', assetChecksum: 'x' }),
        unschedule: () => Promise.resolve(),
      },
      { client, actorId: t.userId, csv, dryRunDigest: plan.digest, ctx: await ctx() },
    );
    expect(retry.postIds).toHaveLength(4);
  });
});
