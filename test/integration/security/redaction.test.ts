import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { TracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import { addLogSink, setLogLevel } from '../../../services/core/telemetry/logger';
import { connectSandboxAccount } from '../../factories/connect-account';
import { userEmail } from '../../factories/db-reads';
import { hasStatus, waitForPost } from '../../factories/posts';
import { gqlAs, signIn } from '../../factories/operator-session';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

describe('logs and spans carry ids, never secrets or personal data (C-49, C-13)', () => {
  const exporter = new InMemorySpanExporter();
  const lines: string[] = [];
  let stack: TestStack;
  const masterKey = randomBytes(32).toString('hex');
  beforeAll(async () => {
    trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
    addLogSink((l) => lines.push(l));
    setLogLevel('debug');
    stack = await startTestStack({ withWorker: true, env: { RAIZE_MASTER_KEY: masterKey } });
  });
  afterAll(async () => {
    setLogLevel('warn');
    await stack.close();
  });

  it('[C-49] a full episode with known secret values leaves none of them in any log line or span', async () => {
    const t = await seedTenant(stack.ds);
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const b = new TenantBootstrap(stack.ds);
    await b.setPassword(t.users.author, password);
    await b.setPassword(t.users.approver, password);
    const [authorEmail, approverEmail] = await Promise.all(
      [t.users.author, t.users.approver].map((id) => userEmail(stack.ds, id)),
    );
    const author = (await signIn(stack, authorEmail, password)).session;
    const approver = (await signIn(stack, approverEmail, password)).session;
    // An unknown email and a wrong password go through the failure paths too.
    await signIn(stack, `ghost-${randomBytes(4).toString('hex')}@example.test`, password);
    await signIn(stack, authorEmail, `${password}-wrong`);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const caption = `Secret launch ${randomBytes(8).toString('hex')} for the brand`;
    const asset = await gqlAs(
      stack,
      author,
      'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id checksum } }',
      {
        i: { clientId: t.clientId, text: caption },
      },
    );
    const { id: assetId, checksum: assetChecksum } = asset.data?.createAsset as { id: string; checksum: string };
    const scheduled = await gqlAs(
      stack,
      author,
      'mutation($i: SchedulePostInput!) { schedulePost(input: $i) { id } }',
      {
        i: {
          clientId: t.clientId,
          platformAccountId: acc.accountId,
          assetId,
          scheduledAt: new Date(Date.now() + 1500).toISOString(),
        },
      },
    );
    const postId = (scheduled.data?.schedulePost as { id: string }).id;
    expect(
      (
        await gqlAs(stack, author, 'mutation($i: ApprovePostInput!) { approvePost(input: $i) { id } }', {
          i: { postId, assetChecksum },
        })
      ).errors?.[0].message,
    ).toMatch(/four eyes/);
    await gqlAs(stack, approver, 'mutation($i: ApprovePostInput!) { approvePost(input: $i) { id } }', {
      i: { postId, assetChecksum, note: `ok ${approverEmail}` },
    });
    await waitForPost(stack, t.users.author, postId, hasStatus('verified'));

    // The secret values of this episode, read from where they live.
    const secrets = createSecrets({ dataDir: stack.dataDir, masterKey });
    const refs: { secret_key: string }[] = await stack.ds.query(
      'SELECT secret_key FROM credential_refs WHERE client_id = $1',
      [t.clientId],
    );
    const tokens = JSON.parse(await secrets.get(refs[0].secret_key)) as { accessToken: string; refreshToken?: string };
    const sessionToken = /raize_session=([^;]+)/.exec(author.cookie)![1];
    const needles = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? 'none',
      masterKey,
      password,
      authorEmail,
      approverEmail,
      caption,
      sessionToken,
      csrf: author.csrf,
    };
    const keyring = JSON.parse(readFileSync(join(stack.dataDir, 'keyring.json'), 'utf8')) as { entries?: unknown };
    expect(keyring.entries).toBeDefined();

    await new Promise((r) => setTimeout(r, 500));
    const spans = exporter
      .getFinishedSpans()
      .map((s) => JSON.stringify({ name: s.name, attributes: s.attributes, events: s.events, status: s.status }));
    expect(
      spans.some(
        (s) => s.includes('"guard.publish"') && s.includes(t.clientId) && s.includes('"raize.outcome":"done"'),
      ),
    ).toBe(true);
    expect(spans.some((s) => s.includes('connector.sandbox POST /posts'))).toBe(true);
    expect(spans.some((s) => s.includes('graphql.schedulePost') && s.includes(`user:${t.users.author}`))).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
    const haystack = [...spans, ...lines].join('\n');
    for (const [name, value] of Object.entries(needles)) {
      expect({ name, found: haystack.includes(value) }).toEqual({ name, found: false });
    }
  });
});
