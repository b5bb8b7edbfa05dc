import { randomUUID } from 'node:crypto';
import { PlatformStaffBootstrap } from '../../../services/core/bootstrap/platform-staff';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { addLogSink, setLogLevel } from '../../../services/core/telemetry/logger';
import type { Tracing } from '../../../services/core/telemetry/otel-sdk';
import { startTracing } from '../../../services/core/telemetry/otel-sdk';
import type { RunningJaeger } from '../../../deploy/local/stack/jaeger';
import { gqlAs, signIn } from '../../factories/operator-session';
import { describeWithJaeger, readTrace, startTestJaeger } from '../../harness/jaeger';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { temporalClient } from '../../harness/test-env';
import type { TracedEpisode } from './traced-episode';
import { runTracedEpisode } from './traced-episode';

type TraceSpans = Awaited<ReturnType<typeof readTrace>>;

/** Polls Jaeger until the trace holds every span `complete` asks for (spans arrive in batches). */
async function traceFromJaeger(uiUrl: string, traceId: string, complete: (s: TraceSpans) => boolean) {
  const deadline = Date.now() + 30_000;
  let spans: TraceSpans = [];
  while (Date.now() < deadline) {
    spans = await readTrace(uiUrl, traceId);
    if (complete(spans)) return spans;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`trace ${traceId} incomplete in Jaeger: ${spans.map((s) => s.operationName).join(', ')}`);
}

const names = (spans: TraceSpans) => spans.map((s) => s.operationName);

describeWithJaeger('one trace and one correlation id per action, read back from Jaeger (C-50)', (bin) => {
  let jaeger: RunningJaeger;
  let tracing: Tracing;
  let stack: TestStack;
  const lines: Record<string, unknown>[] = [];
  let stopLogs: () => void;
  let episode: TracedEpisode;

  beforeAll(async () => {
    jaeger = await startTestJaeger(bin);
    // As a process started with OTEL_EXPORTER_OTLP_ENDPOINT: the API and the worker of this stack export to it.
    tracing = startTracing({ ...loadAppConfig().observability, otlpEndpoint: jaeger.otlpEndpoint }, 'raize-test', {
      scheduledDelayMillis: 200,
    });
    stopLogs = addLogSink((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    setLogLevel('info');
    stack = await startTestStack({
      withWorker: true,
      connectorTimeoutMs: 3000,
      env: { RAIZE_TRACE_UI_URL: jaeger.uiUrl },
    });
    episode = await runTracedEpisode(stack);
    await tracing.forceFlush();
  });
  afterAll(async () => {
    setLogLevel('warn');
    stopLogs?.();
    await stack?.close();
    await tracing?.shutdown();
    await jaeger?.stop();
  });

  it('[C-50] the author’s click, the API, the workflow, each activity, the kernel steps and the platform call are one trace', async () => {
    const { scheduleCorrelation: traceId, approveCorrelation } = episode;
    expect(episode.post.status).toBe('verified');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(approveCorrelation).toMatch(/^[0-9a-f]{32}$/);
    expect(approveCorrelation).not.toBe(traceId);

    const has = (spans: TraceSpans, ...wanted: (string | RegExp)[]) =>
      wanted.every((w) => names(spans).some((n) => (typeof w === 'string' ? n === w : w.test(n))));
    const schedule = await traceFromJaeger(jaeger.uiUrl, traceId, (s) =>
      has(
        s,
        'HTTP POST /graphql',
        'graphql.schedulePost',
        'StartWorkflow:publishPostWorkflow',
        'RunWorkflow:publishPostWorkflow',
        'RunActivity:guardedPublish',
        /^guard\.(?!step)/,
        'guard.step.claim',
        'guard.step.fingerprint',
        'guard.step.ledger_claim',
        'guard.step.call',
        'guard.step.read_back',
        'guard.step.record',
        /^connector\.sandbox POST /,
      ),
    );
    const approve = await traceFromJaeger(jaeger.uiUrl, approveCorrelation, (s) =>
      has(s, 'graphql.approvePost', /^StartWorkflowUpdate/, /^HandleUpdate/),
    );

    // One trace, all connected: every span's parent is in it, and there is exactly one root, the API's request span.
    for (const spans of [schedule, approve]) {
      const ids = new Set(spans.map((s) => s.spanID));
      const roots = spans.filter((s) => !s.references.some((r) => r.refType === 'CHILD_OF' && ids.has(r.spanID)));
      expect(roots.map((s) => s.operationName)).toEqual(['HTTP POST /graphql']);
    }
    // Each activity of the episode ran inside the trace of the action that led to it, under its StartActivity span.
    const runs = [...names(schedule), ...names(approve)];
    expect(episode.activityTypes).toEqual(expect.arrayContaining(['preparePublish', 'guardedPublish']));
    for (const type of episode.activityTypes) expect(runs).toContain(`RunActivity:${type}`);
    for (const span of [...schedule, ...approve].filter((s) => s.operationName.startsWith('RunActivity:'))) {
      const parent = [...schedule, ...approve].find((p) => span.references.some((r) => r.spanID === p.spanID));
      expect(parent?.operationName).toBe(span.operationName.replace('RunActivity:', 'StartActivity:'));
    }
    // The platform call's span: a CLIENT span named by route, with its platform and status.
    const call = schedule.find((s) => /^connector\.sandbox POST /.test(s.operationName))!;
    expect(call.operationName).not.toMatch(/\?/);
    expect(call.tag('span.kind')).toBe('client');
    expect(call.tag('raize.platform')).toBe('sandbox');
    expect(call.tag('http.status_code')).toEqual(expect.any(Number));
    // The workflow's spans carry its id; the episode records the trace it belongs to.
    const run = schedule.find((s) => s.operationName === 'RunWorkflow:publishPostWorkflow')!;
    expect(run.tag('raize.workflow_id')).toBe(episode.post.workflowId);
    const { client, close } = await temporalClient();
    try {
      const described = await client.workflow.getHandle(episode.post.workflowId).describe();
      expect(described.searchAttributes.RaizeTraceId).toEqual([traceId]);
    } finally {
      await close();
    }
  });

  it('[C-50] the platform received the call’s traceparent', async () => {
    const requests = await stack.sandboxAdmin.listRequests();
    const posted = requests.filter((r) => r.method === 'POST' && r.traceparent?.includes(episode.scheduleCorrelation));
    expect(posted.length).toBeGreaterThan(0);
  });

  it('[C-50] the same correlation id is on the log lines and the audit events of each action', async () => {
    const { scheduleCorrelation, approveCorrelation, post } = episode;
    const rows = await stack.ds.query<{ action: string; correlation_id: string | null }[]>(
      `SELECT action, correlation_id FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
      [post.id],
    );
    const of = (action: string) => rows.filter((r) => r.action === action).map((r) => r.correlation_id);
    expect(of('post.scheduled')).toEqual([scheduleCorrelation]);
    expect(of('approval.granted')).toEqual([approveCorrelation]);
    const guard = rows.filter((r) => r.action.startsWith('post.') && r.action !== 'post.scheduled');
    expect(guard.length).toBeGreaterThan(0);
    for (const r of guard) expect(r.correlation_id).toBe(scheduleCorrelation);
    const guarded = lines.filter((l) => l.msg === 'guarded side effect' && l['raize.workflow_id'] === post.workflowId);
    expect(guarded.map((l) => l['raize.correlation_id'])).toEqual([scheduleCorrelation]);
    // The chain still verifies with the correlation ids in it.
    const v = await stack.gql<{ verifyAuditChain: { ok: boolean } }>(
      episode.tenant.users.admin,
      'query($c: ID!) { verifyAuditChain(clientId: $c) { ok } }',
      { c: episode.tenant.clientId },
    );
    expect(v.data?.verifyAuditChain.ok).toBe(true);
  });

  it('[C-50] a request carrying a traceparent continues the caller’s trace and answers its id', async () => {
    const traceId = '4bf92f3577b34e0ea36b0af2da1e7f2e';
    const res = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Dev ${episode.tenant.users.author}`,
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.headers.get('x-correlation-id')).toBe(traceId);
    await tracing.forceFlush();
    const spans = await traceFromJaeger(jaeger.uiUrl, traceId, (s) => names(s).includes('HTTP POST /graphql'));
    const request = spans.find((s) => s.operationName === 'HTTP POST /graphql')!;
    expect(request.references).toContainEqual(expect.objectContaining({ spanID: '00f067aa0ba902b7' }));
  });

  it('[C-50] the post page links platform staff to the episode’s trace in Jaeger, and nobody else', async () => {
    const b = new TenantBootstrap(stack.ds);
    const email = `staff-${randomUUID().slice(0, 8)}@raize.test`;
    const password = 'a long enough passphrase for staff';
    const staffId = (await b.createUser(email, 'Platform Engineer')).id;
    await b.setPassword(staffId, password);
    await new PlatformStaffBootstrap(stack.ds).grant(email, 'test');
    await b.grant(staffId, episode.tenant.agencyId, 'Analyst');
    const staff = (await signIn(stack, email, password)).session;
    const q = 'query($id: ID!) { post(id: $id) { traceUrl } }';
    const seen = await gqlAs(stack, staff, q, { id: episode.post.id });
    const link = (seen.data?.post as { traceUrl: string | null } | undefined)?.traceUrl;
    expect(link).toBe(`${jaeger.uiUrl}/trace/${episode.scheduleCorrelation}`);
    const author = await stack.gql<{ post: { traceUrl: string | null } }>(episode.tenant.users.author, q, {
      id: episode.post.id,
    });
    expect(author.data?.post.traceUrl).toBeNull();
    // The link opens: Jaeger's UI serves the trace's page.
    expect((await fetch(link!)).status).toBe(200);
  });
});
