import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { PlatformStaffBootstrap } from '../../../services/core/bootstrap/platform-staff';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { replayHistory } from '../../../services/core/diagnostics/replay-history';
import { bundleWorkflows } from '../../../services/worker/workflow-bundle';
import type { PublishWorkflowInput } from '../../../workflows/contracts/publish.contract';
import { PUBLISH_WORKFLOW_TYPE } from '../../../workflows/contracts/publish.contract';
import { agencyIdKey, clientIdKey, traceIdKey } from '../../../workflows/contracts/search-attributes';
import { connectSandboxAccount } from '../../factories/connect-account';
import type { PostView } from '../../factories/posts';
import { createAsset, hasStatus, sandboxPostsBy, schedulePost, waitForPost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { dataConverterFor, nativeConnection, temporalClient, testEnv, uniqueTaskQueue } from '../../harness/test-env';
import { withTracing } from '../../../services/worker/worker-tracing';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };
const TRACE_UI = 'http://127.0.0.1:16686';

interface Episode {
  id: string;
  workflowId: string | null;
  runId: string | null;
  workflowType: string | null;
  temporalStatus: string | null;
  raizeStatus: string | null;
  agencyId: string | null;
  clientId: string | null;
  postId: string | null;
  reasonCodes: string[];
  failureType: string | null;
  message: string | null;
  traceId: string | null;
  traceUrl: string | null;
  temporalUrl: string | null;
  canRetry: boolean;
}
const EPISODE_FIELDS =
  'id workflowId runId workflowType temporalStatus raizeStatus agencyId clientId postId reasonCodes failureType ' +
  'message traceId traceUrl temporalUrl canRetry';
type Answer<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

describe('diagnostics: lanes, failed episodes, retry, reset and replay (real Temporal, Postgres, sandbox)', () => {
  let stack: TestStack;
  let staff: string;
  let a: SeededTenant;
  let b: SeededTenant;
  let accountA: { accountId: string; sandboxUserId: string };
  let refused: PostView;

  beforeAll(async () => {
    stack = await startTestStack({
      withWorker: true,
      connectorTimeoutMs: 1500,
      env: { RAIZE_TRACE_UI_URL: TRACE_UI, RAIZE_WORKFLOW_BUNDLE: testEnv().bundlePath },
    });
    const email = `engineer-${randomUUID().slice(0, 8)}@raize.test`;
    staff = (await new TenantBootstrap(stack.ds).createUser(email, 'Platform Engineer')).id;
    await new PlatformStaffBootstrap(stack.ds).grant(email, 'test');
    a = await seedTenant(stack.ds, AUTONOMOUS);
    b = await seedTenant(stack.ds, AUTONOMOUS);
    accountA = await connectSandboxAccount(stack, a.users.admin, a.clientId);
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.sandboxAdmin.clearFaults();
    await stack.sandboxAdmin.clearRequests();
  });

  const failedEpisodes = async (actor: string): Promise<Answer<{ failedEpisodes: Episode[] }>> =>
    stack.gql(actor, `query { failedEpisodes(days: 1, limit: 200) { ${EPISODE_FIELDS} } }`);
  const episodeOf = async (actor: string, workflowId: string) =>
    (await failedEpisodes(actor)).data?.failedEpisodes.find((e) => e.workflowId === workflowId);
  const resetPoints = (actor: string, workflowId: string, runId: string) =>
    stack.gql<{
      episodeResetPoints: { eventId: number; after: string; activityType: string | null; first: boolean }[];
    }>(
      actor,
      'query($w: String!, $r: String!) { episodeResetPoints(workflowId: $w, runId: $r) { eventId after activityType first } }',
      { w: workflowId, r: runId },
    );
  const retry = (actor: string, workflowId: string, runId: string) =>
    stack.gql<{ retryEpisode: { runId: string; previousRunId: string; eventId: number } }>(
      actor,
      'mutation($w: String!, $r: String!) { retryEpisode(workflowId: $w, runId: $r) { runId previousRunId eventId } }',
      { w: workflowId, r: runId },
    );
  const reset = (actor: string, workflowId: string, runId: string, eventId: number, reason: string) =>
    stack.gql<{ resetEpisode: { runId: string; eventId: number; temporalUrl: string } }>(
      actor,
      `mutation($w: String!, $r: String!, $e: Int!, $why: String!) {
         resetEpisode(workflowId: $w, runId: $r, eventId: $e, reason: $why) { runId eventId temporalUrl } }`,
      { w: workflowId, r: runId, e: eventId, why: reason },
    );
  const replay = (actor: string, workflowId: string, runId: string) =>
    stack.gql<{
      replayEpisode: {
        sameDecisions: boolean;
        outcome: string;
        workflowType: string;
        divergenceEventId: number | null;
        message: string | null;
      };
    }>(
      actor,
      `mutation($w: String!, $r: String!) {
         replayEpisode(workflowId: $w, runId: $r) { sameDecisions outcome workflowType divergenceEventId message } }`,
      { w: workflowId, r: runId },
    );
  const auditOf = (clientId: string) =>
    stack.ds.query<{ action: string; actor: string; subject_id: string; data: Record<string, unknown> }[]>(
      `SELECT action, actor, subject_id, data FROM audit_events WHERE client_id = $1 AND action LIKE 'episode.%' ORDER BY seq`,
      [clientId],
    );
  const latestRunId = async (workflowId: string): Promise<string> => {
    const { client, close } = await temporalClient();
    try {
      return (await client.workflow.getHandle(workflowId).describe()).runId;
    } finally {
      await close();
    }
  };
  /** A post the platform refuses for good (422: not retried), ended as failed. */
  const refusedPost = async (text: string, inSeconds: number): Promise<PostView> => {
    await stack.sandboxAdmin.setFaults([{ match: { method: 'POST', path: '/posts' }, errorStatus: 422 }]);
    try {
      const asset = await createAsset(stack, a.users.author, a.clientId, text);
      const post = await schedulePost(stack, a.users.author, {
        clientId: a.clientId,
        platformAccountId: accountA.accountId,
        assetId: asset.id,
        inSeconds,
      });
      return await waitForPost(stack, a.users.author, post.id, (p) => hasStatus('failed')(p) && !p.workflowStatus);
    } finally {
      await stack.sandboxAdmin.clearFaults();
    }
  };
  const until = async <T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await read();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`${what}: not seen in time`);
      await new Promise((r) => setTimeout(r, 300));
    }
  };

  it('lanes show the worker polling the publish lane, its slots and its backlog', async () => {
    const q = `query { diagnosticsLanes { lane taskQueue alive workflowSlots activitySlots backlogKnown workflowBacklog
      activityBacklog pollers { kind identity lastAccessAt } } }`;
    const r = await stack.gql<{
      diagnosticsLanes: {
        lane: string;
        taskQueue: string;
        alive: boolean;
        workflowSlots: number;
        activitySlots: number;
        backlogKnown: boolean;
        workflowBacklog: number | null;
        pollers: { kind: string; identity: string; lastAccessAt: string | null }[];
      }[];
    }>(staff, q);
    expect(r.errors).toBeUndefined();
    const publish = r.data!.diagnosticsLanes.find((l) => l.lane === 'publish')!;
    expect(publish).toMatchObject({
      taskQueue: stack.taskQueue,
      alive: true,
      workflowSlots: 200,
      activitySlots: 50,
      backlogKnown: true,
    });
    expect(publish.workflowBacklog).toEqual(expect.any(Number));
    expect(new Set(publish.pollers.map((p) => p.kind))).toEqual(new Set(['workflow', 'activity']));
    expect(publish.pollers.every((p) => p.identity.length > 0 && p.lastAccessAt)).toBe(true);
    expect(r.data!.diagnosticsLanes.map((l) => l.lane)).toEqual(['publish', 'engagement', 'creation', 'planning']);
    // An agency Admin reads them too; a Publisher does not.
    expect((await stack.gql(a.users.admin, q)).errors).toBeUndefined();
    expect((await stack.gql(a.users.author, q)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('[C-04] a publish the platform refused appears with its reason and links; Admins see their own, codes only', async () => {
    refused = await refusedPost('Refused by the platform', 0);
    const seen = await until('the failed post among failed episodes', () => episodeOf(staff, refused.workflowId));
    expect(seen).toMatchObject({
      workflowType: PUBLISH_WORKFLOW_TYPE,
      temporalStatus: 'COMPLETED',
      raizeStatus: 'failed',
      agencyId: a.agencyId,
      clientId: a.clientId,
      postId: refused.id,
      reasonCodes: ['publish_failed'],
      canRetry: true,
    });
    expect(seen.message).toContain('POST /posts answered 422');
    expect(seen.temporalUrl).toBe(
      `http://127.0.0.1:8233/namespaces/${testEnv().namespace}/workflows/${encodeURIComponent(refused.workflowId)}/${seen.runId}/history`,
    );
    // The trace link follows the run's RaizeTraceId: null when the start carried none.
    expect(seen.traceUrl).toBe(seen.traceId ? `${TRACE_UI}/trace/${seen.traceId}` : null);

    // The agency's Admin sees the episode and its codes, never the platform's words, the trace or Temporal Web.
    const own = await episodeOf(a.users.admin, refused.workflowId);
    expect(own).toMatchObject({ raizeStatus: 'failed', reasonCodes: ['publish_failed'], postId: refused.id });
    expect(own).toMatchObject({ message: null, traceId: null, traceUrl: null, temporalUrl: null, canRetry: false });
    // Another agency's Admin does not see it at all, and cannot reach its run by id.
    const other = await failedEpisodes(b.users.admin);
    expect(other.errors).toBeUndefined();
    expect(other.data!.failedEpisodes.filter((e) => e.clientId === a.clientId)).toEqual([]);
    expect((await resetPoints(b.users.admin, refused.workflowId, seen.runId!)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await resetPoints(a.users.admin, refused.workflowId, seen.runId!)).data?.episodeResetPoints.length,
    ).toBeGreaterThan(1);
    // An operator without the Admin role gets nothing.
    for (const role of [a.users.author, a.users.approver, a.users.analyst])
      expect((await failedEpisodes(role)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a run Temporal failed appears with its failure type, the decrypted message for staff only, and its trace link', async () => {
    const job = (
      await stack.ds.query<{ payload: PublishWorkflowInput }[]>('SELECT payload FROM publish_jobs WHERE id = $1', [
        refused.id,
      ])
    )[0];
    const traceId = randomBytes(16).toString('hex');
    const workflowId = `doctored-${refused.id}`;
    const { client, close } = await temporalClient();
    try {
      // A payload edited to carry another idempotency key: the guard refuses it and the run fails (C-05).
      const handle = await client.workflow.start(PUBLISH_WORKFLOW_TYPE, {
        taskQueue: stack.taskQueue,
        workflowId,
        args: [{ ...job.payload, idempotencyKey: `${job.payload.idempotencyKey}-x` }],
        typedSearchAttributes: [
          { key: clientIdKey, value: a.clientId },
          { key: agencyIdKey, value: a.agencyId },
          { key: traceIdKey, value: traceId },
        ],
      });
      await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    } finally {
      await close();
    }
    const seen = await until('the failed run among failed episodes', () => episodeOf(staff, workflowId));
    expect(seen).toMatchObject({
      temporalStatus: 'FAILED',
      raizeStatus: null,
      failureType: 'TenantRefused',
      clientId: a.clientId,
      traceId,
      traceUrl: `${TRACE_UI}/trace/${traceId}`,
      canRetry: true,
    });
    expect(seen.message).toMatch(/does not match the stored job/);
    const own = await episodeOf(a.users.admin, workflowId);
    expect(own).toMatchObject({ failureType: 'TenantRefused', message: null, traceUrl: null });
  });

  it('[C-14] an Admin who is not staff cannot retry, reset or replay; nothing changes', async () => {
    const runId = await latestRunId(refused.workflowId);
    const answers = [
      await retry(a.users.admin, refused.workflowId, runId),
      await reset(a.users.admin, refused.workflowId, runId, 4, 'an Admin tries'),
      await replay(a.users.admin, refused.workflowId, runId),
      // Refused before the input is read: a malformed call learns nothing more.
      await reset(a.users.admin, 'x', 'y', -1, ''),
    ];
    expect(answers.map((r) => [r.errors?.[0].extensions?.code, r.data ?? null])).toEqual(
      answers.map(() => ['FORBIDDEN', null]),
    );
    expect(await latestRunId(refused.workflowId)).toBe(runId);
    expect(await auditOf(a.clientId)).toEqual([]);
  });

  it('[C-22] retry runs the failed publish again from its start: it goes out once, is audited, and leaves the list; a retry of the published run sends nothing', async () => {
    const runId = (await episodeOf(staff, refused.workflowId))!.runId!;
    const r = await retry(staff, refused.workflowId, runId);
    expect(r.errors).toBeUndefined();
    expect(r.data!.retryEpisode.previousRunId).toBe(runId);
    expect(r.data!.retryEpisode.runId).not.toBe(runId);
    const done = await waitForPost(stack, a.users.author, refused.id, hasStatus('verified', 'unverified'));
    expect(done.status).toBe('verified');
    expect(await sandboxPostsBy(stack, accountA.sandboxUserId)).toHaveLength(1);
    expect(await episodeOf(staff, refused.workflowId)).toBeUndefined();
    // The old run is no longer the episode: acting on it again is refused.
    expect((await retry(staff, refused.workflowId, runId)).errors?.[0].extensions?.code).toBe('CONFLICT');
    // Retrying the run that published: its guarded publish runs again, finds its key settled, and sends nothing.
    const published = r.data!.retryEpisode.runId;
    const again = await retry(staff, refused.workflowId, published);
    expect(again.errors).toBeUndefined();
    const { client, close } = await temporalClient();
    try {
      await client.workflow.getHandle(refused.workflowId, again.data!.retryEpisode.runId).result();
    } finally {
      await close();
    }
    expect((await waitForPost(stack, a.users.author, refused.id, hasStatus('verified'))).status).toBe('verified');
    expect(await sandboxPostsBy(stack, accountA.sandboxUserId)).toHaveLength(1);
    const audit = await auditOf(a.clientId);
    expect(audit.map((e) => [e.action, e.actor, e.subject_id, e.data.runId, e.data.newRunId])).toEqual([
      ['episode.retried', `user:${staff}`, refused.workflowId, runId, published],
      ['episode.retried', `user:${staff}`, refused.workflowId, published, again.data!.retryEpisode.runId],
    ]);
    const chain = await stack.gql<{ verifyAuditChain: { ok: boolean } }>(
      a.users.analyst,
      'query($c: ID!) { verifyAuditChain(clientId: $c) { ok } }',
      { c: a.clientId },
    );
    expect(chain.data!.verifyAuditChain.ok).toBe(true);
  });

  it('reset to a chosen point (after the slot’s timer) publishes from there, and is audited with the reason', async () => {
    const failed = await refusedPost('Reset me after the timer', 3);
    const runId = await latestRunId(failed.workflowId);
    const points = (await resetPoints(staff, failed.workflowId, runId)).data!.episodeResetPoints;
    expect(points[0]).toMatchObject({ first: true, after: 'the start of the run' });
    expect(points.map((p) => p.activityType)).toEqual(expect.arrayContaining(['preparePublish', 'guardedPublish']));
    const afterTimer = points.find((p) => /timer \S+ fired/.test(p.after))!;
    expect(afterTimer).toBeDefined();
    const notAPoint = await reset(staff, failed.workflowId, runId, afterTimer.eventId + 1, 'not a task');
    expect(notAPoint.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const r = await reset(staff, failed.workflowId, runId, afterTimer.eventId, 'platform fixed its 422; publish now');
    expect(r.errors).toBeUndefined();
    expect(r.data!.resetEpisode.temporalUrl).toContain(`/${r.data!.resetEpisode.runId}/history`);
    const done = await waitForPost(stack, a.users.author, failed.id, hasStatus('verified', 'unverified'));
    expect(done.status).toBe('verified');
    expect((await sandboxPostsBy(stack, accountA.sandboxUserId)).map((p) => p.text)).toContain(
      'Reset me after the timer',
    );
    // The new run kept the old one up to the chosen task (preparePublish, the slot's timer) and went on from there:
    // nothing before the point ran again, the publish after it did.
    const { client, close } = await temporalClient();
    try {
      const history = await client.workflow.getHandle(failed.workflowId, r.data!.resetEpisode.runId).fetchHistory();
      const scheduled = history
        .events!.filter((e) => e.activityTaskScheduledEventAttributes)
        .map((e) => [e.activityTaskScheduledEventAttributes!.activityType!.name, Number(e.eventId)] as const);
      expect(scheduled.filter(([n]) => n === 'preparePublish').map(([, id]) => id < afterTimer.eventId)).toEqual([
        true,
      ]);
      expect(scheduled.filter(([n]) => n === 'guardedPublish').map(([, id]) => id > afterTimer.eventId)).toEqual([
        true,
      ]);
      expect(history.events!.filter((e) => e.timerStartedEventAttributes)).toHaveLength(1);
    } finally {
      await close();
    }
    const audited = (await auditOf(a.clientId)).find((e) => e.action === 'episode.reset')!;
    expect([audited.actor, audited.subject_id, audited.data.runId, audited.data.eventId, audited.data.reason]).toEqual([
      `user:${staff}`,
      failed.workflowId,
      runId,
      afterTimer.eventId,
      'platform fixed its 422; publish now',
    ]);
  });

  it('replay says the current code makes the same decisions for a real history, and names the event for a doctored one', async () => {
    const real = await replay(staff, refused.workflowId, await latestRunId(refused.workflowId));
    expect(real.errors).toBeUndefined();
    expect(real.data!.replayEpisode).toMatchObject({
      sameDecisions: true,
      outcome: 'same',
      workflowType: PUBLISH_WORKFLOW_TYPE,
      divergenceEventId: null,
    });

    // A run of a workflow of the same name whose code decided otherwise (a deploy without a patch).
    const queue = uniqueTaskQueue('doctored');
    const connection = await nativeConnection();
    const worker = await Worker.create(
      withTracing({
        connection,
        namespace: testEnv().namespace,
        taskQueue: queue,
        workflowBundle: { code: await bundleWorkflows(join(__dirname, 'fixtures', 'doctored-publish.workflow.ts')) },
        dataConverter: dataConverterFor(stack.dataDir),
      }),
    );
    const workflowId = `doctored-code-${randomUUID()}`;
    const { client, close } = await temporalClient();
    let runId = '';
    try {
      await worker.runUntil(async () => {
        const h = await client.workflow.start(PUBLISH_WORKFLOW_TYPE, {
          taskQueue: queue,
          workflowId,
          args: [{ ...doctoredInput(a), scheduledAt: new Date().toISOString() }],
        });
        runId = h.firstExecutionRunId;
        await h.result();
      });
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      const timer = history.events!.find((e) => e.timerStartedEventAttributes)!;
      const verdict = await replay(staff, workflowId, runId);
      expect(verdict.errors).toBeUndefined();
      expect(verdict.data!.replayEpisode).toMatchObject({
        sameDecisions: false,
        outcome: 'diverged',
        divergenceEventId: Number(timer.eventId),
      });
      expect(verdict.data!.replayEpisode.message).toMatch(/nondetermin/i);
    } finally {
      await close();
      await connection.close();
    }
  });

  it('a malformed history gives a verdict of its own, never a hang or a crash, and the API keeps answering', async () => {
    const bundlePath = testEnv().bundlePath;
    const started = {
      eventId: 1 as never,
      eventType: 1,
      workflowExecutionStartedEventAttributes: { workflowType: { name: 'noSuchWorkflow' }, taskQueue: { name: 'q' } },
    };
    const task = [
      { eventId: 2 as never, eventType: 5, workflowTaskScheduledEventAttributes: {} },
      { eventId: 3 as never, eventType: 6, workflowTaskStartedEventAttributes: {} },
    ];
    const verdicts = await Promise.all(
      [
        { events: [{ eventId: 1 as never }] },
        { events: [started, { ...task[1], eventId: 7 as never }] },
        // Without a workflow task the SDK's replayer would wait forever: refused before it starts.
        { events: [started] },
        { events: [started, ...task] },
      ].map((h, i) => replayHistory({ bundlePath }, h, `malformed-${i}`)),
    );
    expect(verdicts.map((v) => [v.outcome, v.sameDecisions])).toEqual(verdicts.map(() => ['failed', false]));
    expect(verdicts.map((v) => v.message)).toEqual([
      expect.stringMatching(/does not begin with a WorkflowExecutionStarted/),
      expect.stringMatching(/event ids/),
      expect.stringMatching(/no workflow task/),
      expect.stringMatching(/.+/),
    ]);
    expect(verdicts[3].workflowType).toBe('noSuchWorkflow');
    const missing = await replay(staff, 'no-such-workflow', randomUUID());
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await stack.gql(staff, 'query { diagnosticsLanes { lane } }')).errors).toBeUndefined();
  });
});

/** An input of the real publish episode's shape for the doctored code (which ignores it). */
function doctoredInput(t: SeededTenant): PublishWorkflowInput {
  return {
    jobId: randomUUID(),
    agencyId: t.agencyId,
    clientId: t.clientId,
    platformAccountId: randomUUID(),
    platform: 'sandbox',
    assetId: randomUUID(),
    assetChecksum: '0'.repeat(64),
    idempotencyKey: randomUUID(),
    scheduledAt: new Date().toISOString(),
    timezone: 'UTC',
    authorId: t.users.author,
  };
}
