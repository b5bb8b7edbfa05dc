import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { InboundEventsRepository } from '../../../services/core/engagement/inbound-events.repository';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { ingestRoleUrl } from '../../../services/ingest/ingest-config';
import { engagementWorkflowId } from '../../../workflows/contracts/engagement.contract';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import { openDataSource, testEnv } from '../../harness/test-env';
import { post, sandboxComment, sandboxHeaders, startTestIngest, uniqueAccount } from './ingest-harness';
import { receivedIds, seedAccount, startEngagementStandIn, until } from './ingest-test-worker';
import { startedWithQuery } from './ingest-test-workflows';

interface Row {
  id: string;
  delivery_id: string;
  status: string;
  client_id: string | null;
  platform_account_id: string | null;
}

describe('the drainer: stored events reach their account’s engagement episode (C-34)', () => {
  let owner: DataSource;
  let app: DataSource;
  let ingest: RunningIngest;
  let standIn: Awaited<ReturnType<typeof startEngagementStandIn>>;
  let a: SeededTenant;
  let b: SeededTenant;
  const repo = new InboundEventsRepository();

  beforeAll(async () => {
    owner = await openDataSource();
    app = await createAppDataSource(loadAppConfig().databaseAppUrl, { env: 'test' });
    standIn = await startEngagementStandIn();
    ingest = await startTestIngest({
      temporal: standIn.client,
      env: { RAIZE_INGEST_DRAIN: '1', RAIZE_TASK_QUEUE: standIn.taskQueue, RAIZE_INGEST_DRAIN_IDLE_MS: '50' },
    });
    a = await seedTenant(owner);
    b = await seedTenant(owner);
  });
  afterAll(async () => {
    await ingest?.close();
    await standIn?.close();
    await app?.destroy();
    await owner?.destroy();
  });

  const rowsOf = (ids: string[]) =>
    owner.query<Row[]>(
      `SELECT id, delivery_id, status, client_id, platform_account_id FROM inbound_events
       WHERE source = 'sandbox' AND delivery_id = ANY ($1::text[]) ORDER BY seq`,
      [ids],
    );

  it('[C-34] signal-with-starts one episode per account with the ids, marks them drained; an unknown account is kept as unroutable', async () => {
    const acc = await seedAccount(owner, a);
    const sent = [1, 2, 3].map((i) => sandboxComment({ account: acc.externalAccountId, text: `question ${i}` }));
    const stray = sandboxComment({ account: uniqueAccount() });
    for (const s of [...sent, stray])
      expect((await post(`${ingest.url}/webhooks/sandbox`, s.body, sandboxHeaders(s.body))).status).toBe(200);

    const stored = await until(
      'all drained',
      () => rowsOf(sent.map((s) => s.commentId)),
      (rows) => rows.length === 3 && rows.every((r) => r.status === 'drained'),
    );
    expect(stored.every((r) => r.client_id === a.clientId && r.platform_account_id === acc.id)).toBe(true);
    const got = await until(
      'ids at the episode',
      () => receivedIds(standIn.client, a.clientId, acc.id),
      (ids) => ids.length >= 3,
    );
    expect([...new Set(got)].sort()).toEqual(stored.map((r) => r.id).sort());
    const input = await standIn.client.workflow
      .getHandle(engagementWorkflowId(a.clientId, acc.id))
      .query(startedWithQuery);
    expect(input).toEqual({ agencyId: a.agencyId, clientId: a.clientId, platformAccountId: acc.id });

    const [strayRow] = await until(
      'stray routed',
      () => rowsOf([stray.commentId]),
      (r) => r[0]?.status !== 'stored',
    );
    expect(strayRow).toMatchObject({ status: 'unroutable', client_id: null, platform_account_id: null });
  });

  it('[C-34] a disconnected account gets nothing routed to it', async () => {
    const acc = await seedAccount(owner, a, { status: 'disconnected' });
    const s = sandboxComment({ account: acc.externalAccountId });
    expect((await post(`${ingest.url}/webhooks/sandbox`, s.body, sandboxHeaders(s.body))).status).toBe(200);
    const [row] = await until(
      'routed',
      () => rowsOf([s.commentId]),
      (r) => r[0]?.status !== 'stored',
    );
    expect(row!.status).toBe('unroutable');
  });

  it('[C-01] the episode reads its events by id for its own account only; the ingest role reads no table', async () => {
    const accA = await seedAccount(owner, a);
    const accB = await seedAccount(owner, b);
    const s = sandboxComment({ account: accA.externalAccountId });
    await post(`${ingest.url}/webhooks/sandbox`, s.body, sandboxHeaders(s.body));
    const [row] = await until(
      'drained',
      () => rowsOf([s.commentId]),
      (r) => r[0]?.status === 'drained',
    );
    const ids = [row!.id];
    const read = async (t: SeededTenant, accountId: string) =>
      runInTenantScope(app, await clientScope(app, t.clientId), () =>
        repo.findForAccount(app.manager, { clientId: t.clientId, platformAccountId: accountId, ids }),
      );
    expect((await read(a, accA.id)).map((e) => e.text)).toEqual(['Is this in stock?']);
    // Another account of the same client, and another tenant asking for A's id: nothing.
    expect(await read(a, (await seedAccount(owner, a)).id)).toEqual([]);
    expect(await read(b, accB.id)).toEqual([]);
    const bScoped = await runInTenantScope(app, await clientScope(app, b.clientId), () =>
      app.query<{ n: number }[]>('SELECT count(*)::int AS n FROM inbound_events WHERE id = $1', ids),
    );
    expect(bScoped[0]!.n).toBe(0);

    const ingestRole = new PgClient({ connectionString: ingestRoleUrl(testEnv().databaseUrl) });
    await ingestRole.connect();
    try {
      await expect(ingestRole.query('SELECT * FROM inbound_events LIMIT 1')).rejects.toThrow(/permission denied/);
      await expect(ingestRole.query('SELECT * FROM platform_accounts LIMIT 1')).rejects.toThrow(/permission denied/);
    } finally {
      await ingestRole.end();
    }
    // The app role stores only through the function: no direct insert.
    await expect(
      runInTenantScope(app, await clientScope(app, a.clientId), () =>
        app.query(
          `INSERT INTO inbound_events (source, delivery_id, external_account_id, kind, external_id, text, occurred_at)
           VALUES ('sandbox', 'forged', 'x', 'comment', 'forged', 't', now())`,
        ),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
