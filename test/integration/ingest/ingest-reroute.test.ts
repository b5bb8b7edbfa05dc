import { Client as PgClient, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { createAppDataSource } from '../../../services/core/database/data-source';
import {
  InboundEventsRepository,
  viaManager,
  viaPg,
} from '../../../services/core/engagement/inbound-events.repository';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { logger } from '../../../services/core/telemetry/logger';
import { Drainer } from '../../../services/ingest/drain/drainer';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { ingestRoleUrl } from '../../../services/ingest/ingest-config';
import { connectSandboxAccount, createSandboxBrand } from '../../factories/connect-account';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { testEnv } from '../../harness/test-env';
import {
  post,
  sandboxComment,
  sandboxHeaders,
  standardComment,
  standardHeaders,
  startTestIngest,
  uniqueAccount,
} from './ingest-harness';
import { receivedIds, seedAccount, startEngagementStandIn, until } from './ingest-test-worker';

interface Row {
  id: string;
  status: string;
  client_id: string | null;
  platform_account_id: string | null;
}

describe('unroutable inbound events are routed once their account connects (issue #13, C-34)', () => {
  let stack: TestStack;
  let app: DataSource;
  let standIn: Awaited<ReturnType<typeof startEngagementStandIn>>;
  let a: SeededTenant;
  let b: SeededTenant;
  const repo = new InboundEventsRepository();

  beforeAll(async () => {
    // The real API and sandbox, so the account is connected through the operator's OAuth flow and its confirmation.
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
    app = await createAppDataSource(loadAppConfig().databaseAppUrl, { env: 'test' });
    standIn = await startEngagementStandIn();
    a = await seedTenant(stack.ds);
    b = await seedTenant(stack.ds);
  });
  afterAll(async () => {
    await standIn?.close();
    await app?.destroy();
    await stack?.close();
  });

  const rowsBy = (source: string, deliveryIds: string[]) =>
    stack.ds.query<Row[]>(
      `SELECT id, status, client_id, platform_account_id FROM inbound_events
       WHERE source = $1 AND delivery_id = ANY ($2::text[]) ORDER BY seq`,
      [source, deliveryIds],
    );
  const settled = (source: string, deliveryIds: string[], status: string) =>
    until(
      `${deliveryIds.length} ${source} rows ${status}`,
      () => rowsBy(source, deliveryIds),
      (rows) => rows.length === deliveryIds.length && rows.every((r) => r.status === status),
    );
  const requeueAs = async (t: SeededTenant, platformAccountId: string) =>
    runInTenantScope(app, await clientScope(app, t.clientId), () =>
      repo.requeueUnroutable(viaManager(app.manager), { platformAccountId }),
    );

  describe('with the ingest storing and draining', () => {
    let ingest: RunningIngest;
    beforeAll(async () => {
      ingest = await startTestIngest({
        temporal: standIn.client,
        env: { RAIZE_INGEST_DRAIN: '1', RAIZE_TASK_QUEUE: standIn.taskQueue, RAIZE_INGEST_DRAIN_IDLE_MS: '50' },
      });
    });
    afterAll(() => ingest?.close());

    it('[C-34] an event for an account connected later reaches its episode once; older ones and another tenant’s stay unroutable', async () => {
      const brand = await createSandboxBrand(stack);
      // Tenant B's LinkedIn account happens to carry the same external id; it is not connected, so its event is kept.
      await seedAccount(stack.ds, b, {
        platform: 'linkedin',
        externalAccountId: brand.id,
        status: 'needs_reconnect',
      });
      const fresh = sandboxComment({ account: brand.id, text: 'Do you ship to Vienna?' });
      const stale = sandboxComment({ account: brand.id, text: 'Asked over a week ago' });
      const foreign = standardComment({ account: brand.id, text: 'B’s LinkedIn comment' });
      for (const s of [fresh, stale])
        expect((await post(`${ingest.url}/webhooks/sandbox`, s.body, sandboxHeaders(s.body))).status).toBe(200);
      expect(
        (await post(`${ingest.url}/webhooks/standard/linkedin`, foreign.body, standardHeaders(foreign.body))).status,
      ).toBe(200);
      const [freshRow, staleRow] = await settled('sandbox', [fresh.commentId, stale.commentId], 'unroutable');
      await settled('linkedin', [foreign.id], 'unroutable');
      // TEST ONLY: the owner ages one event past the look-back window, as if it had arrived eight days ago.
      await stack.ds.query(`UPDATE inbound_events SET received_at = now() - interval '8 days' WHERE id = $1`, [
        staleRow!.id,
      ]);

      const acc = await connectSandboxAccount(stack, a.users.admin, a.clientId, brand);

      const [routed] = await settled('sandbox', [fresh.commentId], 'drained');
      expect(routed).toMatchObject({ id: freshRow!.id, client_id: a.clientId, platform_account_id: acc.accountId });
      await until(
        'the id at the episode',
        () => receivedIds(standIn.client, a.clientId, acc.accountId),
        (ids) => ids.length > 0,
      );
      // A second connect (a reconnect) finds nothing left to re-queue: what was drained is never sent again.
      expect(await requeueAs(a, acc.accountId)).toBe(0);
      await new Promise((r) => setTimeout(r, 500));
      expect(await receivedIds(standIn.client, a.clientId, acc.accountId)).toEqual([freshRow!.id]);

      expect((await rowsBy('sandbox', [stale.commentId]))[0]).toMatchObject({
        status: 'unroutable',
        client_id: null,
        platform_account_id: null,
      });
      expect((await rowsBy('linkedin', [foreign.id]))[0]).toMatchObject({
        status: 'unroutable',
        client_id: null,
        platform_account_id: null,
      });

      // Audited as a count on the account, in the client's chain, without the events' text.
      const audited = await stack.ds.query<{ actor: string; client_id: string; data: Record<string, unknown> }[]>(
        `SELECT actor, client_id, data FROM audit_events WHERE action = 'inbound.requeued' AND subject_id = $1`,
        [acc.accountId],
      );
      expect(audited).toEqual([
        {
          actor: `user:${a.users.admin}`,
          client_id: a.clientId,
          data: { platform: 'sandbox', requeued: 1, windowDays: 7 },
        },
      ]);
    });

    it('[C-04] another tenant cannot re-queue an account’s events; the ingest role cannot call the function at all', async () => {
      const accB = await seedAccount(stack.ds, b, { status: 'disconnected' });
      const s = sandboxComment({ account: accB.externalAccountId });
      expect((await post(`${ingest.url}/webhooks/sandbox`, s.body, sandboxHeaders(s.body))).status).toBe(200);
      await settled('sandbox', [s.commentId], 'unroutable');
      // TEST ONLY: B's account connected by a path that did not re-queue, so its event waits for someone to ask.
      await stack.ds.query(`UPDATE platform_accounts SET status = 'connected' WHERE id = $1`, [accB.id]);

      expect(await requeueAs(a, accB.id)).toBe(0);
      await new Promise((r) => setTimeout(r, 300));
      expect((await rowsBy('sandbox', [s.commentId]))[0]!.status).toBe('unroutable');

      const ingestRole = new PgClient({ connectionString: ingestRoleUrl(testEnv().databaseUrl) });
      await ingestRole.connect();
      try {
        await expect(ingestRole.query('SELECT raize_inbound_reroute($1, 3600)', [accB.id])).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await ingestRole.end();
      }

      // The probe is not blind: B's own scope re-queues it, and the drainer routes it to B's account.
      expect(await requeueAs(b, accB.id)).toBe(1);
      const [row] = await settled('sandbox', [s.commentId], 'drained');
      expect(row).toMatchObject({ client_id: b.clientId, platform_account_id: accB.id });
    });
  });

  // No drainer runs here but the test's own: a running one would take the event before the test could hold its claim.
  describe('a drainer that claimed the event just before the connect committed', () => {
    it('[C-34] the re-queue waits for that claim, then re-queues the event it marked unroutable', async () => {
      const ingestPool = new Pool({ connectionString: ingestRoleUrl(testEnv().databaseUrl), max: 2 });
      const claiming = await ingestPool.connect();
      try {
        const ext = uniqueAccount();
        const s = sandboxComment({ account: ext });
        await repo.store(viaPg(ingestPool), [
          {
            source: 'sandbox',
            deliveryId: s.commentId,
            externalAccountId: ext,
            kind: 'comment',
            externalId: s.commentId,
            parentExternalId: null,
            authorExternalId: null,
            authorHandle: null,
            text: 'Raced the connect',
            occurredAt: new Date(),
            payload: {},
          },
        ]);
        // The drainer's transaction, as drainOnce runs it: the claim resolves no account, marks the event unroutable
        // (a claim returns routed rows only) and is not committed yet.
        await claiming.query('BEGIN');
        expect(await repo.claimForDrain(viaPg(claiming), 500)).toEqual([]);

        // The connect commits now; its re-queue must wait for the claim rather than pass over a row still `stored`.
        const acc = await seedAccount(stack.ds, a, { externalAccountId: ext });
        let answered: number | undefined;
        const requeue = requeueAs(a, acc.id).then((n) => (answered = n));
        await new Promise((r) => setTimeout(r, 500));
        expect(answered).toBeUndefined();
        await claiming.query('COMMIT');
        expect(await requeue).toBe(1);

        // The real drainer's next pass routes it to the account's episode.
        const drainer = new Drainer({
          pool: ingestPool,
          temporal: standIn.client,
          repository: repo,
          taskQueue: standIn.taskQueue,
          batchSize: 500,
          idleMs: 50,
          log: logger,
        });
        await drainer.drainOnce();
        const [row] = await rowsBy('sandbox', [s.commentId]);
        expect(row).toMatchObject({ status: 'drained', client_id: a.clientId, platform_account_id: acc.id });
        await until(
          'the id at the episode',
          () => receivedIds(standIn.client, a.clientId, acc.id),
          (ids) => ids.length > 0,
        );
        expect(await receivedIds(standIn.client, a.clientId, acc.id)).toEqual([row!.id]);
      } finally {
        await claiming.query('ROLLBACK').catch(() => undefined);
        claiming.release();
        await ingestPool.end();
      }
    });
  });
});
