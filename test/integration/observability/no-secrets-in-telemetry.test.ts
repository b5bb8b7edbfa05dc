import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { PlatformAccount } from '../../../services/core/database/entities';
import { ALLOWED_ATTRIBUTES } from '../../../services/core/telemetry/attributes';
import { addLogSink, setLogLevel } from '../../../services/core/telemetry/logger';
import type { Tracing } from '../../../services/core/telemetry/otel-sdk';
import { startTracing } from '../../../services/core/telemetry/otel-sdk';
import { CODEC_CURRENT_SECRET, codecKeySecret } from '../../../services/core/temporal/codec/secrets-key-source';
import { SANDBOX_PASSWORD } from '../../factories/connect-account';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import type { TracedEpisode } from './traced-episode';
import { CAPTION, runTracedEpisode } from './traced-episode';

/** What pino writes on every line besides the fields our logger lets through. */
const LOG_BASE_KEYS = new Set(['level', 'time', 'service', 'msg', 'pid', 'hostname']);

/** Everything of a span that leaves the process, as text. */
function exportedText(s: ReadableSpan): string {
  return JSON.stringify({
    name: s.name,
    attributes: s.attributes,
    events: s.events,
    links: s.links,
    status: s.status,
    resource: s.resource.attributes,
  });
}

describe('no secret or PII in exported spans and log lines of a full episode (C-49)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let stack: TestStack;
  const lines: string[] = [];
  let stopLogs: () => void;
  let episode: TracedEpisode;
  let spans: ReadableSpan[];

  beforeAll(async () => {
    tracing = startTracing({}, 'raize-test', { exporters: [exporter] });
    stopLogs = addLogSink((line) => lines.push(line));
    // Every level: debug lines are where a careless field would hide.
    setLogLevel('debug');
    stack = await startTestStack({ withWorker: true, connectorTimeoutMs: 3000 });
    // One failed write first, so the error path (exception events, failure messages) is in what we scan.
    await stack.sandboxAdmin.setFaults([{ match: { method: 'POST', path: '/posts' }, errorStatus: 503, times: 1 }]);
    episode = await runTracedEpisode(stack);
    await tracing.forceFlush();
    spans = exporter.getFinishedSpans();
  });
  afterAll(async () => {
    setLogLevel('warn');
    stopLogs?.();
    await stack?.close();
    await tracing?.shutdown();
  });

  /** The secrets and personal data this episode handled, each of which must appear nowhere. */
  async function sensitive(): Promise<Record<string, string>> {
    const deps = stack.deps!;
    const secretsPort = deps.secrets!;
    const account = await stack.ds.getRepository(PlatformAccount).findOneByOrFail({ id: episode.accountId });
    const tokens = await deps.credentialStore.loadOAuthTokens(
      stack.ds.manager,
      episode.tenant.clientId,
      account.credentialRefId!,
    );
    const keyId = (await secretsPort.get(CODEC_CURRENT_SECRET)).trim();
    const codecKey = (JSON.parse(await secretsPort.get(codecKeySecret(keyId))) as { key: string }).key;
    const emails = await stack.ds.query<{ email: string }[]>(
      `SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.agency_id = $1`,
      [episode.tenant.agencyId],
    );
    return {
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      sandboxPassword: SANDBOX_PASSWORD,
      caption: CAPTION,
      captionWords: 'fresh rye',
      codecKey,
      codecKeyHex: Buffer.from(codecKey, 'base64').toString('hex'),
      ...Object.fromEntries(emails.map((e, i) => [`email${i}`, e.email])),
    };
  }

  it('[C-49] the episode ran through the error path and was traced and logged', () => {
    expect(episode.post.status).toBe('verified');
    const names = spans.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['graphql.schedulePost', 'RunActivity:guardedPublish']));
    expect(names.some((n) => n.startsWith('RunWorkflow:'))).toBe(true);
    expect(spans.some((s) => s.status.code === 2)).toBe(true);
    expect(lines.some((l) => l.includes(episode.post.workflowId))).toBe(true);
  });

  it('[C-49] no access token, password, email, caption or codec key in any exported span or log line', async () => {
    const secrets = await sensitive();
    expect(Object.keys(secrets)).toEqual(expect.arrayContaining(['accessToken', 'email0', 'codecKey']));
    const texts = [...spans.map(exportedText), ...lines];
    const found = Object.entries(secrets).flatMap(([what, value]) =>
      texts.filter((t) => t.includes(value)).map((t) => `${what} in ${t.slice(0, 300)}`),
    );
    expect(found).toEqual([]);
    // Any address at all, not only the tenant's: a platform's answer could name someone else.
    expect(texts.filter((t) => /[\w.+-]+@[\w-]+\.[\w.-]+/.test(t))).toEqual([]);
  });

  it('[C-49] spans carry allowlisted attributes only, and no exception message or stack', () => {
    const keys = new Set(
      spans.flatMap((s) => [...Object.keys(s.attributes), ...s.events.flatMap((e) => Object.keys(e.attributes ?? {}))]),
    );
    expect([...keys].filter((k) => !ALLOWED_ATTRIBUTES.has(k))).toEqual([]);
    expect(spans.flatMap((s) => s.events).filter((e) => e.name === 'exception')).toEqual([]);
    expect(spans.filter((s) => s.status.message !== undefined).map((s) => s.name)).toEqual([]);
  });

  it('[C-49] log lines carry allowlisted fields only', () => {
    const keys = new Set(lines.flatMap((l) => Object.keys(JSON.parse(l) as object)));
    expect([...keys].filter((k) => !LOG_BASE_KEYS.has(k) && !ALLOWED_ATTRIBUTES.has(k))).toEqual([]);
  });
});
