import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowFailedError } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { AuditService } from '../../services/core/audit/audit.service';
import { CredentialStore } from '../../services/core/secrets/credential-store';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { KEY_ID_METADATA } from '../../services/core/temporal/codec/encryption.codec';
import { rotateCodecKey } from '../../services/core/temporal/codec/secrets-key-source';
import type { PublishWorkflowInput } from '../../workflows/contracts/publish.contract';
import { PUBLISH_WORKFLOW_TYPE } from '../../workflows/contracts/publish.contract';
import { CSRF_HEADER } from '../../services/api/auth/request-info';
import { PlatformStaffBootstrap } from '../../services/core/bootstrap/platform-staff';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import { connectSandboxAccount } from '../factories/connect-account';
import { userEmail } from '../factories/db-reads';
import type { BrowserSession } from '../factories/operator-session';
import { signIn } from '../factories/operator-session';
import type { PostView } from '../factories/posts';
import { createAsset, hasStatus, schedulePost, waitForPost } from '../factories/posts';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { dataConverterFor, temporalClient, testEnv } from '../harness/test-env';

const UI_ORIGIN = 'http://127.0.0.1:18233';
const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };

type Json = unknown;

function walk(v: Json, visit: (o: Record<string, Json>, key: string | undefined) => void, key?: string): void {
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit, key));
  else if (v && typeof v === 'object') {
    visit(v as Record<string, Json>, key);
    for (const [k, x] of Object.entries(v)) walk(x, visit, k);
  }
}

/**
 * Payloads of a proto-JSON history, except search attributes (indexed in the clear by design), patch
 * markers (the SDK writes `{ id, deprecated }` of a `patched()` call without the codec, and the id is a
 * constant of our code, never data) and the OpenTelemetry interceptors' `_tracer-data` header: the TypeScript SDK
 * never runs headers through the codec (sdk-typescript#514), and that header holds only the W3C trace context,
 * which `tracerHeadersOf` checks.
 */
function payloadsOf(history: Json): Payload[] {
  const out: Payload[] = [];
  const skip = new Set<Json>();
  walk(history, (o, key) => {
    if (key === 'searchAttributes' || key === 'indexedFields') Object.values(o).forEach((x) => skip.add(x));
    if (o.markerName === 'core_patch') walk(o.details ?? null, (inner) => skip.add(inner));
    if (key === 'fields' && o[TRACER_HEADER]) skip.add(o[TRACER_HEADER]);
    const meta = o.metadata as Record<string, string> | undefined;
    if (!skip.has(o) && meta && typeof meta === 'object' && typeof meta.encoding === 'string') {
      out.push({
        metadata: Object.fromEntries(
          Object.entries(meta).map(([k, b]) => [k, new Uint8Array(Buffer.from(b, 'base64'))]),
        ),
        data: new Uint8Array(Buffer.from(String(o.data ?? ''), 'base64')),
      });
    }
  });
  return out;
}

const TRACER_HEADER = '_tracer-data';

/** The decoded `_tracer-data` headers of a history: each must be nothing but a W3C trace context. */
function tracerHeadersOf(history: Json): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  walk(history, (o, key) => {
    const h = key === 'fields' ? (o[TRACER_HEADER] as { data?: string } | undefined) : undefined;
    if (h)
      out.push(JSON.parse(Buffer.from(String(h.data ?? ''), 'base64').toString('utf8')) as Record<string, unknown>);
  });
  return out;
}

/** Everything a reader of the raw history sees: the JSON, and every base64 field decoded. */
function rawText(historyJson: string): string {
  const parts = [historyJson];
  walk(JSON.parse(historyJson), (o) => {
    for (const v of Object.values(o))
      if (typeof v === 'string' && /^[A-Za-z0-9+/_-]{4,}={0,2}$/.test(v))
        parts.push(Buffer.from(v, 'base64').toString('utf8'), Buffer.from(v, 'base64').toString('latin1'));
  });
  return parts.join('\n');
}

const text = (p: Payload) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8');
const meta = (p: Payload, k: string) => Buffer.from(p.metadata?.[k] ?? new Uint8Array()).toString('utf8');

describe('Temporal histories are encrypted by the payload codec', () => {
  let stack: TestStack;
  let codec: PayloadCodec;
  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true, connectorTimeoutMs: 1500, env: { TEMPORAL_UI_URL: UI_ORIGIN } });
    codec = dataConverterFor(stack.dataDir).payloadCodecs![0];
  });
  afterAll(() => stack.close());

  /** The history as anyone with access to the Temporal server reads it: a client without the codec. */
  async function rawHistory(
    workflowId: string,
  ): Promise<{ json: string; history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>> }> {
    const { client, close } = await temporalClient({ dataDir: null });
    try {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      return { json: historyToJSON(history), history };
    } finally {
      await close();
    }
  }

  async function decodedText(json: string): Promise<string> {
    return (await codec.decode(payloadsOf(JSON.parse(json)))).map(text).join('\n');
  }

  async function firstRow<T>(sql: string, params: unknown[]): Promise<T> {
    return ((await stack.ds.query(sql, params)) as T[])[0];
  }

  async function emailOf(userId: string): Promise<string> {
    return (await firstRow<{ email: string }>('SELECT email FROM users WHERE id = $1', [userId])).email;
  }

  it('[C-13] an episode, a refused run and a failed activity leave no caption, token, email or error text in the raw history', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const caption = `Launch caption ${randomUUID()}`;
    const approverEmail = await emailOf(t.users.approver);
    const asset = await createAsset(stack, t.users.author, t.clientId, caption);
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 2,
    });
    await waitForPost(stack, t.users.author, post.id, (p) => p.status === 'awaiting_approval');
    // A note with text in it: it stays in the recorded decision; the approve update carries only its id (C-21).
    const note = `ok from ${approverEmail}: "${caption}"`;
    const approved = await stack.gql(
      t.users.approver,
      'mutation($i: ApprovePostInput!) { approvePost(input: $i) { id } }',
      { i: { postId: post.id, assetChecksum: asset.checksum, note } },
    );
    expect(approved.errors).toBeUndefined();
    expect(
      (await waitForPost(stack, t.users.author, post.id, hasStatus('verified', 'unverified', 'failed'))).status,
    ).toBe('verified');

    // A FAILED run: the stored job doctored in the workflow input, refused by the activity (TenantRefused).
    const job = await firstRow<{ payload: PublishWorkflowInput }>('SELECT payload FROM publish_jobs WHERE id = $1', [
      post.id,
    ]);
    const doctoredId = `doctored-${post.id}`;
    const { client, close } = await temporalClient();
    try {
      const run = client.workflow.execute(PUBLISH_WORKFLOW_TYPE, {
        taskQueue: stack.taskQueue,
        workflowId: doctoredId,
        args: [{ ...job.payload, idempotencyKey: `${job.payload.idempotencyKey}-x` }],
      });
      const err = await run.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkflowFailedError);
      // The codec client reads the failure back in full.
      const refused = (err as WorkflowFailedError).cause?.cause as Error | undefined;
      expect(refused).toMatchObject({ type: 'TenantRefused' });
      expect(refused?.message).toMatch(/does not match the stored job/);
    } finally {
      await close();
    }

    // An activity failure whose message carries text: the platform refuses the post (422, not retried).
    const t2 = await seedTenant(stack.ds, AUTONOMOUS);
    const acc2 = await connectSandboxAccount(stack, t2.users.admin, t2.clientId);
    await stack.sandboxAdmin.setFaults([{ match: { method: 'POST', path: '/posts' }, errorStatus: 422 }]);
    let failed: PostView | undefined;
    try {
      const asset2 = await createAsset(stack, t2.users.author, t2.clientId, `${caption} (second client)`);
      const post2 = await schedulePost(stack, t2.users.author, {
        clientId: t2.clientId,
        platformAccountId: acc2.accountId,
        assetId: asset2.id,
        inSeconds: 0,
      });
      failed = await waitForPost(
        stack,
        t2.users.author,
        post2.id,
        (p) => hasStatus('failed', 'verified')(p) && p.workflowStatus === null,
      );
    } finally {
      await stack.sandboxAdmin.clearFaults();
    }
    expect(failed!.status).toBe('failed');
    const activityError = 'POST /posts answered 422';
    expect(failed!.reasons.map((r) => r.message)).toContain(activityError);

    const credentialRef = (
      await firstRow<{ credential_ref_id: string }>('SELECT credential_ref_id FROM platform_accounts WHERE id = $1', [
        acc.accountId,
      ])
    ).credential_ref_id;
    const tokens = await new CredentialStore(
      createSecrets({ dataDir: stack.dataDir, masterKey: process.env.RAIZE_MASTER_KEY }),
    ).loadOAuthTokens(stack.ds.manager, t.clientId, credentialRef);
    const forbidden = [
      caption,
      tokens.accessToken,
      approverEmail,
      await emailOf(t.users.author),
      'does not match the stored job',
      activityError,
      'Activity task failed',
      'publish.guard',
      'publish-context',
    ];

    const histories = await Promise.all([post.workflowId, doctoredId, failed!.workflowId].map(rawHistory));
    for (const { json } of histories) {
      const raw = rawText(json);
      for (const needle of forbidden) expect({ needle, found: raw.includes(needle) }).toEqual({ needle, found: false });
      const payloads = payloadsOf(JSON.parse(json));
      expect(payloads.length).toBeGreaterThan(2);
      expect([...new Set(payloads.map((p) => meta(p, 'encoding')))]).toEqual(['binary/encrypted']);
      for (const h of tracerHeadersOf(JSON.parse(json))) {
        expect(Object.keys(h).filter((k) => k !== 'traceparent' && k !== 'tracestate')).toEqual([]);
        // empty when nothing was being traced at the start (a carrier with no context)
        if (h.traceparent !== undefined)
          expect(String(h.traceparent)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);
      }
      // Failure messages and stack traces travel inside an encrypted payload, never beside it.
      const messages: string[] = [];
      walk(JSON.parse(json), (o) => {
        if (typeof o.message === 'string') messages.push(o.message);
        if (typeof o.stackTrace === 'string' && o.stackTrace) messages.push(`stack: ${o.stackTrace}`);
      });
      expect([...new Set(messages)].filter((m) => m !== 'Encoded failure')).toEqual([]);
    }

    // With the codec, the same histories decode, and do hold what the raw ones hide.
    const [episode, doctored, failedRun] = await Promise.all(histories.map((h) => decodedText(h.json)));
    expect(episode).toContain('"decisionId"');
    expect(episode).toContain(asset.checksum);
    expect(episode).not.toContain(caption);
    expect(episode).not.toContain(approverEmail);
    expect(doctored).toContain('does not match the stored job');
    expect(failedRun).toContain(activityError);
    // The replayer reads the encrypted history with the codec, and cannot without it.
    const bundle = { codePath: testEnv().bundlePath };
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: bundle, dataConverter: dataConverterFor(stack.dataDir) },
        histories[0].history,
        post.workflowId,
      ),
    ).resolves.toBeUndefined();
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, histories[0].history, post.workflowId),
    ).rejects.toThrow();
  });

  // Compatibility, not a control: C-13 (nothing readable in a history) is proven by the test above; this one
  // shows that the codec's pass-through of plain payloads keeps old histories and the fixtures replayable.
  it('the codec reads histories recorded before it: the plain replay fixture replays with it', async () => {
    const fixture = historyFromJSON(
      JSON.parse(readFileSync(join(__dirname, '..', 'replay', 'histories', 'publish-approved-verified.json'), 'utf8')),
    );
    const encodings = new Set(payloadsOf(JSON.parse(historyToJSON(fixture))).map((p) => meta(p, 'encoding')));
    expect(encodings.has('binary/encrypted')).toBe(false);
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { codePath: testEnv().bundlePath }, dataConverter: dataConverterFor(stack.dataDir) },
        fixture,
        'fixture-with-codec',
      ),
    ).resolves.toBeUndefined();
  });

  it('[C-16] payloads written under key 1 still decode after rotating to key 2; new payloads use key 2; the rotation is audited', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Written before the rotation');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 1,
    });
    await waitForPost(stack, t.users.author, post.id, (p) => p.status === 'awaiting_approval');
    const before = payloadsOf(JSON.parse((await rawHistory(post.workflowId)).json));
    const key1 = meta(before[0], KEY_ID_METADATA);

    const secrets = createSecrets({ dataDir: stack.dataDir, masterKey: process.env.RAIZE_MASTER_KEY });
    const key2 = await rotateCodecKey(secrets, { audit: new AuditService(stack.ds), actor: `user:${t.users.admin}` });
    expect(key2).not.toBe(key1);
    const audited: { subject_id: string; data: { previousKeyId: string } }[] = await stack.ds.query(
      `SELECT subject_id, data FROM audit_events WHERE action = 'codec.key_rotated' AND subject_id = $1`,
      [key2],
    );
    expect(audited).toEqual([{ subject_id: key2, data: { previousKeyId: key1 } }]);

    // A fresh worker (no cache) replays the key-1 history and writes with key 2; a fresh client signals with key 2.
    await stack.stopWorker();
    await stack.startWorker();
    // The approver's decision, as the API records it; the signal carries its id (C-21).
    const decision = await firstRow<{ id: string }>(
      `INSERT INTO post_decisions (agency_id, client_id, publish_job_id, kind, actor_id, role, asset_checksum)
       SELECT agency_id, client_id, id, 'approve', $2, 'Manager', $3 FROM publish_jobs WHERE id = $1 RETURNING id`,
      [post.id, t.users.approver, asset.checksum],
    );
    const { client, close } = await temporalClient();
    try {
      await client.workflow.getHandle(post.workflowId).signal('approve', { decisionId: decision.id });
    } finally {
      await close();
    }
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));

    const after = payloadsOf(JSON.parse((await rawHistory(post.workflowId)).json));
    const keyIds = new Set(after.map((p) => meta(p, KEY_ID_METADATA)));
    expect(keyIds).toEqual(new Set([key1, key2]));
    // A process started after the rotation opens both.
    const decoded = await dataConverterFor(stack.dataDir).payloadCodecs![0].decode(after);
    expect(decoded.every((p) => meta(p, 'encoding') !== 'binary/encrypted')).toBe(true);
  });

  describe('[C-14] the codec endpoint for Temporal Web', () => {
    let admin: string;
    let publisher: string;
    let encrypted: Payload;
    /** browser sessions (cookie and CSRF token) of the staff Admin and of the Publisher, who is not staff */
    const sessions = {} as Record<'staff' | 'notStaff', BrowserSession>;
    beforeAll(async () => {
      const t = await seedTenant(stack.ds);
      admin = t.users.admin;
      publisher = t.users.author;
      // Decoding is platform staff's (C-14): this Admin is staff too; staff-powers.test.ts has an Admin who is not.
      await new PlatformStaffBootstrap(stack.ds).grant(await userEmail(stack.ds, admin), 'test');
      const password = 'a long enough passphrase for the codec';
      for (const [who, id] of [
        ['staff', admin],
        ['notStaff', publisher],
      ] as const) {
        await new TenantBootstrap(stack.ds).setPassword(id, password);
        sessions[who] = (await signIn(stack, await userEmail(stack.ds, id), password)).session;
      }
      [encrypted] = await codec.encode([
        {
          metadata: { encoding: new Uint8Array(Buffer.from('json/plain')) },
          data: new Uint8Array(Buffer.from('{"hello":"codec"}')),
        },
      ]);
    });

    const wire = (p: Payload) => ({
      payloads: [
        {
          metadata: Object.fromEntries(
            Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')]),
          ),
          data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
        },
      ],
    });
    const call = (
      path: string,
      o: { actor?: string; session?: BrowserSession; csrf?: string; origin?: string; method?: string; body?: unknown },
    ) =>
      fetch(`${stack.apiUrl}${path}`, {
        method: o.method ?? 'POST',
        headers: {
          'content-type': 'application/json',
          'x-namespace': testEnv().namespace,
          ...(o.origin ? { origin: o.origin } : {}),
          ...(o.actor ? { authorization: `Dev ${o.actor}` } : {}),
          ...(o.session ? { cookie: o.session.cookie } : {}),
          ...(o.csrf ? { [CSRF_HEADER]: o.csrf } : {}),
        },
        body: o.method === 'OPTIONS' ? undefined : JSON.stringify(o.body ?? wire(encrypted)),
      });

    it('answers the UI origin’s preflight with credentials allowed, and refuses any other origin with no CORS headers', async () => {
      const ok = await fetch(`${stack.apiUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: {
          origin: UI_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-namespace,authorization',
        },
      });
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
      expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
      expect(ok.headers.get('access-control-allow-headers')?.split(/,\s*/).sort()).toEqual([
        'authorization',
        'content-type',
        'x-namespace',
      ]);
      for (const origin of ['http://evil.example', 'http://127.0.0.1:8233', 'null']) {
        const pre = await fetch(`${stack.apiUrl}/codec/decode`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
        expect(pre.status).toBe(403);
        expect(pre.headers.get('access-control-allow-origin')).toBeNull();
        const post = await call('/codec/decode', { actor: admin, origin });
        expect(post.status).toBe(403);
        expect(post.headers.get('access-control-allow-origin')).toBeNull();
        expect(JSON.stringify(await post.json())).not.toContain('codec"}');
      }
    });

    it('refuses an unauthenticated caller (401) and an operator who is not platform staff (403)', async () => {
      const anon = await call('/codec/decode', { origin: UI_ORIGIN });
      expect(anon.status).toBe(401);
      const notAdmin = await call('/codec/decode', { actor: publisher, origin: UI_ORIGIN });
      expect(notAdmin.status).toBe(403);
      expect(JSON.stringify(await notAdmin.json())).not.toContain('hello');
      expect((await call('/codec/encode', { actor: publisher, origin: UI_ORIGIN })).status).toBe(403);
    });

    it('decodes for platform staff from the UI origin, passes plain payloads through, and encodes what it decodes', async () => {
      const res = await call('/codec/decode', { actor: admin, origin: UI_ORIGIN });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { payloads: { metadata: Record<string, string>; data: string }[] };
      expect(Buffer.from(body.payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');
      expect(Buffer.from(body.payloads[0].data, 'base64').toString()).toBe('{"hello":"codec"}');

      const enc = (await (
        await call('/codec/encode', { actor: admin, origin: UI_ORIGIN, body })
      ).json()) as typeof body;
      expect(Buffer.from(enc.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
      // No Origin: the Temporal CLI's --codec-endpoint, not a browser.
      const again = (await (await call('/codec/decode', { actor: admin, body: enc })).json()) as typeof body;
      expect(again).toEqual(body);
      const plain = (await (
        await call('/codec/decode', { actor: admin, origin: UI_ORIGIN, body })
      ).json()) as typeof body;
      expect(plain).toEqual(body);
      const bad = await call('/codec/decode', { actor: admin, origin: UI_ORIGIN, body: { payloads: 'nope' } });
      expect(bad.status).toBe(400);
    });

    it('[C-14] takes a session cookie without the CSRF token from Temporal Web’s origin only, and only on the codec routes', async () => {
      const decoded = async (res: Response) => {
        const text = await res.text();
        return { status: res.status, decoded: text.includes(Buffer.from('{"hello":"codec"}').toString('base64')) };
      };
      // Temporal Web in the engineer's browser: the cookie, the pinned Origin, no CSRF token.
      expect(await decoded(await call('/codec/decode', { session: sessions.staff, origin: UI_ORIGIN }))).toEqual({
        status: 200,
        decoded: true,
      });
      expect((await call('/codec/encode', { session: sessions.staff, origin: UI_ORIGIN })).status).toBe(200);
      // Signed in but not staff: the same browser request gets nothing.
      expect(await decoded(await call('/codec/decode', { session: sessions.notStaff, origin: UI_ORIGIN }))).toEqual({
        status: 403,
        decoded: false,
      });
      // No Origin: not a browser page, so the cookie needs its CSRF token like anywhere else (the CLI uses a token).
      const noOrigin = await call('/codec/decode', { session: sessions.staff });
      expect(noOrigin.status).toBe(403);
      expect(JSON.stringify(await noOrigin.json())).toContain('CSRF_REQUIRED');
      // Another origin, even one on this machine: refused before anyone is asked who they are.
      for (const origin of ['http://127.0.0.1:8233', 'http://evil.example', 'null'])
        expect(await decoded(await call('/codec/decode', { session: sessions.staff, origin }))).toEqual({
          status: 403,
          decoded: false,
        });
      // A CSRF token that is sent must be the session's, pinned Origin or not; the right one works without Origin.
      const wrong = await call('/codec/decode', { session: sessions.staff, origin: UI_ORIGIN, csrf: 'not-the-token' });
      expect(wrong.status).toBe(403);
      expect(
        await decoded(await call('/codec/decode', { session: sessions.staff, csrf: sessions.staff.csrf })),
      ).toEqual({ status: 200, decoded: true });
      // The pinned Origin opens the codec routes only: a GraphQL mutation from Temporal Web's origin still needs it.
      const mutation = await fetch(`${stack.apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: sessions.staff.cookie, origin: UI_ORIGIN },
        body: JSON.stringify({ query: 'mutation { signOut }' }),
      });
      expect(JSON.stringify(await mutation.json())).toContain('CSRF_REQUIRED');
      expect((await call('/codec/decode', { session: sessions.staff, origin: UI_ORIGIN })).status).toBe(200);
    });
  });
});
