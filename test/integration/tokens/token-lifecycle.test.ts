import type { Client } from '@temporalio/client';
import { ensureAccountTokenWorkflows, markNeedsReconnect, tokenLaneActivities } from '../../../activities/tokens';
import { AuditEvent, OAuthAttempt, PlatformAccount } from '../../../services/core/database/entities';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import { readOptionalSecret } from '../../../services/core/secrets/secrets.port';
import type { SecretsPort } from '../../../services/core/secrets/secrets.port';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { sha256Hex } from '../../../services/sandbox/secrets';
import type { TokenStepInput } from '../../../workflows/contracts/tokens.contract';
import {
  accountTokensQuery,
  accountTokensWorkflowId,
  reconnectedSignal,
} from '../../../workflows/contracts/tokens.contract';
import { FAILURE_TYPES } from '../../../workflows/contracts/vocabulary/failure-types';
import type { ConnectCaller } from '../../factories/connect-account';
import {
  authorizeAtSandbox,
  CONFIRM_CONNECT,
  connectGql,
  connectSandboxAccount,
  createSandboxBrand,
  openCallback,
} from '../../factories/connect-account';
import { createAsset, hasStatus, sandboxPostsBy, schedulePost, waitForPost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { temporalClient } from '../../harness/test-env';
import type { TokenWorker } from './token-worker';
import { startTokenWorker } from './token-worker';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };
const RECONNECT = 'mutation($a: ID!) { reconnectAccount(accountId: $a) { authorizeUrl state attemptId expiresAt } }';

interface StoredPair {
  refId: string;
  key: string;
  rotatedAt: Date | null;
  tokens: { accessToken: string; refreshToken?: string; expiresAt?: string };
}

describe('the token lifecycle (real Temporal, Postgres, OPA wasm, sandbox OAuth with rotating refresh tokens)', () => {
  let stack: TestStack;
  let w: TokenWorker;
  let temporal: { client: Client; close: () => Promise<void> };
  let secrets: SecretsPort;

  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
    w = await startTokenWorker(stack);
    temporal = await temporalClient();
    secrets = createSecrets({ dataDir: stack.dataDir });
  });
  afterAll(async () => {
    await temporal?.close();
    await w?.stop();
    await stack?.close();
  });
  beforeEach(async () => {
    await stack.sandboxAdmin.clearFaults();
    delete w.tokenDeps.tokenLifecycles.sandbox;
  });

  async function tenantWithAccount(settings: Parameters<typeof seedTenant>[1] = {}) {
    const t = await seedTenant(stack.ds, settings);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    return { t, acc };
  }

  const account = (id: string) => stack.ds.getRepository(PlatformAccount).findOneByOrFail({ id });

  /** The pair the account's credential reference points at now (read from the secrets backend, never printed). */
  async function storedPair(accountId: string): Promise<StoredPair> {
    const [row]: { id: string; secret_key: string; rotated_at: Date | null }[] = await stack.ds.query(
      'SELECT r.id, r.secret_key, r.rotated_at FROM credential_refs r JOIN platform_accounts a ON a.credential_ref_id = r.id WHERE a.id = $1',
      [accountId],
    );
    return {
      refId: row.id,
      key: row.secret_key,
      rotatedAt: row.rotated_at,
      tokens: JSON.parse(await secrets.get(row.secret_key)) as StoredPair['tokens'],
    };
  }

  /** Whether the sandbox still honours a refresh token (looked up by its hash: using it would rotate it). */
  const refreshAlive = (token: string | undefined) =>
    !!token && !!stack.sandbox.state.findToken(sha256Hex(token), 'refresh');
  const accessWorks = async (token: string) =>
    (await fetch(`${stack.sandbox.url}/me`, { headers: { authorization: `Bearer ${token}` } })).status === 200;
  /** The brand revokes Raize's access at the platform: every token of its grant stops working. */
  const revokeAtPlatform = (sandboxUserId: string) =>
    stack.sandbox.state.mutate((s) => {
      s.tokens = s.tokens.filter((tk) => tk.userId !== sandboxUserId);
    });

  const wakeTokens = (accountId: string) =>
    temporal.client.workflow.getHandle(accountTokensWorkflowId(accountId)).signal(reconnectedSignal);

  async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 30_000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The token activities called directly, with a window that makes every refresh due (no workflow involved). */
  function directActivities() {
    return tokenLaneActivities({ ...w.tokenDeps, tokenLifecycles: { sandbox: { refreshLeadSeconds: 3600 } } });
  }
  const stepInput = (t: { agencyId: string; clientId: string }, accountId: string): TokenStepInput => ({
    agencyId: t.agencyId,
    clientId: t.clientId,
    platformAccountId: accountId,
    workflowId: accountTokensWorkflowId(accountId),
    step: 'refresh',
  });

  const reconnect = (caller: ConnectCaller, accountId: string) =>
    connectGql<{ reconnectAccount: { authorizeUrl: string; attemptId: string } }>(stack, caller, RECONNECT, {
      a: accountId,
    });

  /** reconnectAccount as the operator's browser calls it: the authorize URL and the binding cookie. */
  async function startReconnect(caller: ConnectCaller, accountId: string) {
    const { body, res } = await reconnect(caller, accountId);
    if (!body.data) throw new Error(`reconnectAccount failed: ${JSON.stringify(body.errors)}`);
    const cookie = res.headers
      .getSetCookie()
      .filter((c) => /path=\/oauth\//i.test(c))
      .map((c) => c.split(';')[0])
      .join('; ');
    return {
      attemptId: body.data.reconnectAccount.attemptId,
      authorizeUrl: new URL(body.data.reconnectAccount.authorizeUrl),
      cookie,
    };
  }

  /** The first GraphQL error of a reconnectAccount call that must be refused. */
  const reconnectError = async (caller: ConnectCaller, accountId: string) =>
    (await reconnect(caller, accountId)).body.errors?.[0];

  const alertsFor = (accountId: string) => w.alerts.filter((a) => a.fields.accountId === accountId);

  it('refreshes before expiry: the new pair is stored atomically under a new key, the old refresh token is dead', async () => {
    const { acc } = await tenantWithAccount();
    const before = await storedPair(acc.accountId);
    expect(refreshAlive(before.tokens.refreshToken)).toBe(true);
    // The sandbox issues 1-hour tokens; a window of 1 h - 2 s makes the refresh due two seconds after the connect.
    w.tokenDeps.tokenLifecycles.sandbox = { refreshLeadSeconds: 3598 };
    await wakeTokens(acc.accountId);
    const first = await waitFor('the first rotation', async () => {
      const p = await storedPair(acc.accountId);
      return p.key !== before.key ? p : null;
    });
    delete w.tokenDeps.tokenLifecycles.sandbox;
    await wakeTokens(acc.accountId);

    expect(first.refId).toBe(before.refId);
    expect(first.rotatedAt).toBeInstanceOf(Date);
    expect(first.tokens.accessToken).not.toBe(before.tokens.accessToken);
    expect(first.tokens.refreshToken).toBeDefined();
    expect(first.tokens.refreshToken).not.toBe(before.tokens.refreshToken);
    // The platform rotated the refresh token: the one we held before is void, so losing the new one would be fatal.
    expect(refreshAlive(before.tokens.refreshToken)).toBe(false);
    // The replaced secret leaves the backend once the new reference committed.
    await waitFor(
      'the old secret to be deleted',
      async () => (await readOptionalSecret(secrets, before.key)) === undefined,
    );

    await waitFor('the workflow to settle on the normal window', async () => {
      const view = await temporal.client.workflow
        .getHandle(accountTokensWorkflowId(acc.accountId))
        .query(accountTokensQuery);
      return view.step !== 'refresh' || Date.parse(view.dueAt ?? '') > Date.now() + 600_000;
    });
    const now = await storedPair(acc.accountId);
    expect(refreshAlive(now.tokens.refreshToken)).toBe(true);
    expect(await accessWorks(now.tokens.accessToken)).toBe(true);
    const row = await account(acc.accountId);
    expect(row.status).toBe('connected');
    expect(row.tokenExpiresAt?.toISOString()).toBe(new Date(now.tokens.expiresAt!).toISOString());
    expect(row.tokenCheckedAt).toBeInstanceOf(Date);
    // The tokens never reach the workflow's history (C-13): its payloads are ids, times and step names.
    const history = JSON.stringify(
      await temporal.client.workflow.getHandle(accountTokensWorkflowId(acc.accountId)).fetchHistory(),
    );
    for (const token of [before.tokens.accessToken, now.tokens.accessToken, now.tokens.refreshToken!])
      expect(history.includes(token)).toBe(false);
  });

  it('a failed refresh keeps the stored pair and its refresh token; the next one refreshes from it', async () => {
    const { t, acc } = await tenantWithAccount();
    const acts = directActivities();
    const input = stepInput(t, acc.accountId);
    const before = await storedPair(acc.accountId);

    await stack.sandboxAdmin.setFaults([
      { match: { method: 'POST', path: '/oauth/token' }, errorStatus: 503, times: 1 },
    ]);
    await expect(acts.refreshAccountTokens(input)).rejects.toMatchObject({ type: FAILURE_TYPES.outcomeUnknown });
    await stack.sandboxAdmin.setFaults([
      { match: { method: 'POST', path: '/oauth/token' }, rateLimit: { count: 1, retryAfterSeconds: 7 } },
    ]);
    await expect(acts.refreshAccountTokens(input)).rejects.toMatchObject({
      type: FAILURE_TYPES.rateLimited,
      nextRetryDelay: '7 seconds',
    });
    const kept = await storedPair(acc.accountId);
    expect(kept.key).toBe(before.key);
    expect(kept.tokens).toEqual(before.tokens);
    expect(refreshAlive(before.tokens.refreshToken)).toBe(true);
    expect((await account(acc.accountId)).status).toBe('connected');

    await stack.sandboxAdmin.clearFaults();
    expect(await acts.refreshAccountTokens(input)).toBe('done');
    const after = await storedPair(acc.accountId);
    expect(after.key).not.toBe(before.key);
    expect(refreshAlive(before.tokens.refreshToken)).toBe(false);
    expect(refreshAlive(after.tokens.refreshToken)).toBe(true);
  });

  it('two refreshes at once (two workers) both see a working pair: the second re-reads the rotated one under the lock', async () => {
    const { t, acc } = await tenantWithAccount();
    const input = stepInput(t, acc.accountId);
    const outcomes = await Promise.all([
      directActivities().refreshAccountTokens(input),
      directActivities().refreshAccountTokens(input),
    ]);
    // Without the row lock the second would spend the refresh token the first already spent: invalid_grant,
    // and a healthy account marked needs_reconnect.
    expect(outcomes).not.toContain('needs_reconnect');
    expect(outcomes).toContain('done');
    const row = await account(acc.accountId);
    expect(row.status).toBe('connected');
    const now = await storedPair(acc.accountId);
    expect(refreshAlive(now.tokens.refreshToken)).toBe(true);
    expect(await accessWorks(now.tokens.accessToken)).toBe(true);
  });

  it('a revoked token: the account needs reconnecting, its posts pause, one alert; reconnecting the same account resumes them, once each, same id', async () => {
    const { t, acc } = await tenantWithAccount(AUTONOMOUS);
    const before = await account(acc.accountId);
    // Scheduled while the account works (scheduling refuses a broken account); due once the token is refused.
    const texts = ['First post after the revocation', 'Second post after the revocation'];
    const slot = new Date(Date.now() + 10_000);
    const posts = [];
    for (const text of texts) {
      const asset = await createAsset(stack, t.users.author, t.clientId, text);
      posts.push(
        await schedulePost(stack, t.users.author, {
          clientId: t.clientId,
          platformAccountId: acc.accountId,
          assetId: asset.id,
          inSeconds: 10,
          at: slot,
        }),
      );
    }
    revokeAtPlatform(acc.sandboxUserId);
    w.tokenDeps.tokenLifecycles.sandbox = { refreshLeadSeconds: 3598 };
    await wakeTokens(acc.accountId);
    const marked = await waitFor('needs_reconnect', async () => {
      const a = await account(acc.accountId);
      return a.status === 'needs_reconnect' ? a : null;
    });
    delete w.tokenDeps.tokenLifecycles.sandbox;
    expect(marked.statusReason).toBe('token_revoked');
    expect(Date.now()).toBeLessThan(slot.getTime());

    // Every post's guard meeting the same refusal marks it too (the kernel hook): still one alert, one audit event.
    const results = await Promise.all(
      [1, 2, 3].map(async () =>
        runInTenantScope(w.ds, await clientScope(w.ds, t.clientId), () =>
          w.ds.transaction((m) => markNeedsReconnect(m, w.tokenDeps, marked, 'token_revoked')),
        ),
      ),
    );
    expect(results).toEqual(Array(3).fill({ marked: false, alerted: false }));

    for (const p of posts) {
      const paused = await waitForPost(
        stack,
        t.users.author,
        p.id,
        hasStatus('paused', 'denied', 'failed', 'verified'),
      );
      expect(paused.status).toBe('paused');
      expect(paused.reasons.map((r) => r.code)).toEqual(['account_needs_reconnect']);
    }
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(0);
    expect(alertsFor(acc.accountId)).toHaveLength(1);
    expect(alertsFor(acc.accountId)[0]!.fields.signal).toBe('token_revoked');
    expect(
      await stack.ds
        .getRepository(AuditEvent)
        .count({ where: { subjectId: acc.accountId, action: 'account.needs_reconnect' as never } }),
    ).toBe(1);
    const waiting = await temporal.client.workflow
      .getHandle(accountTokensWorkflowId(acc.accountId))
      .query(accountTokensQuery);
    expect(waiting.step).toBe('wait_reconnect');

    // The operator reconnects the same brand account.
    const started = await startReconnect(t.users.admin, acc.accountId);
    const location = await authorizeAtSandbox(stack, started.authorizeUrl, acc.username);
    const callback = await openCallback(location, started.cookie);
    expect(callback.status).toBe(200);
    const confirmed = await connectGql<{ confirmPlatformConnect: { id: string } }>(
      stack,
      t.users.admin,
      CONFIRM_CONNECT,
      {
        i: { attemptId: started.attemptId },
      },
    );
    expect(confirmed.body.errors).toBeUndefined();
    expect(confirmed.body.data?.confirmPlatformConnect.id).toBe(acc.accountId);

    const after = await account(acc.accountId);
    expect(after.status).toBe('connected');
    expect(after.statusReason).toBeNull();
    expect(after.connectedAt.toISOString()).toBe(before.connectedAt.toISOString());
    expect(after.credentialRefId).not.toBe(before.credentialRefId);
    expect(after.tokenExpiresAt).toBeInstanceOf(Date);
    expect(await stack.ds.getRepository(PlatformAccount).count({ where: { clientId: t.clientId } })).toBe(1);
    const [health]: { alerted_signal: string | null }[] = await stack.ds.query(
      'SELECT alerted_signal FROM account_health WHERE platform_account_id = $1',
      [acc.accountId],
    );
    expect(health.alerted_signal).toBeNull();

    for (const p of posts)
      expect((await waitForPost(stack, t.users.author, p.id, hasStatus('verified', 'denied', 'failed'))).status).toBe(
        'verified',
      );
    const published = await sandboxPostsBy(stack, acc.sandboxUserId);
    expect(published.map((p) => p.text).sort()).toEqual([...texts].sort());
    expect(alertsFor(acc.accountId)).toHaveLength(1);
    await waitFor('the token workflow to leave its wait', async () => {
      const view = await temporal.client.workflow
        .getHandle(accountTokensWorkflowId(acc.accountId))
        .query(accountTokensQuery);
      return view.step !== 'wait_reconnect';
    });
  });

  it('[C-19] reconnecting with another platform identity is refused by the fingerprint: nothing bound, audited as an alert', async () => {
    const { t, acc } = await tenantWithAccount();
    await stack.ds.query(
      `UPDATE platform_accounts SET status = 'needs_reconnect', status_reason = 'token_revoked' WHERE id = $1`,
      [acc.accountId],
    );
    const before = await account(acc.accountId);
    const other = await createSandboxBrand(stack);
    const started = await startReconnect(t.users.admin, acc.accountId);
    const location = await authorizeAtSandbox(stack, started.authorizeUrl, other.username);
    const res = await openCallback(location, started.cookie);
    expect(res.status).toBe(400);
    expect(res.html).toContain(
      `you signed in as ${other.handle}, but this account is ${acc.handle}; sign in as ${acc.handle}`,
    );

    const attempt = await stack.ds.getRepository(OAuthAttempt).findOneByOrFail({ id: started.attemptId });
    expect(attempt.status).toBe('refused');
    expect(attempt.reconnectAccountId).toBe(acc.accountId);
    expect(await readOptionalSecret(secrets, `oauth/pending/${started.attemptId}`)).toBeUndefined();
    const after = await account(acc.accountId);
    expect(after).toEqual(before);
    expect(await stack.ds.getRepository(PlatformAccount).count({ where: { externalAccountId: other.id } })).toBe(0);
    const event = await stack.ds
      .getRepository(AuditEvent)
      .findOneByOrFail({ subjectId: started.attemptId, action: 'account.connect_refused' });
    expect(event.data).toMatchObject({
      reason: 'reconnect_other_identity',
      alert: true,
      accountId: acc.accountId,
      expectedFingerprint: before.fingerprint,
    });
    expect((event.data as { observedFingerprint: string }).observedFingerprint).not.toBe(before.fingerprint);
    const confirm = await connectGql(stack, t.users.admin, CONFIRM_CONNECT, { i: { attemptId: started.attemptId } });
    expect(confirm.body.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await account(acc.accountId)).credentialRefId).toBe(before.credentialRefId);
  });

  it('reconnectAccount is for operators who may connect accounts of that client only', async () => {
    const { t, acc } = await tenantWithAccount();
    expect((await reconnectError(t.users.analyst, acc.accountId))?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await seedTenant(stack.ds);
    const foreign = await reconnectError(stranger.users.admin, acc.accountId);
    expect(foreign).toEqual(await reconnectError(stranger.users.admin, '00000000-0000-4000-8000-000000000000'));
    expect(foreign?.extensions?.code).toBe('NOT_FOUND');
    // Nothing was started for them.
    expect(await stack.ds.getRepository(OAuthAttempt).count({ where: { reconnectAccountId: acc.accountId } })).toBe(0);
  });

  it('the bootstrap starts a missing token workflow and leaves running ones alone (start-if-absent)', async () => {
    const { acc } = await tenantWithAccount();
    const handle = temporal.client.workflow.getHandle(accountTokensWorkflowId(acc.accountId));
    await handle.terminate('test: a workflow lost before the bootstrap');
    const bootstrap = () =>
      ensureAccountTokenWorkflows({ ds: w.ds, temporal: temporal.client, taskQueue: stack.taskQueue });
    expect((await bootstrap()).accounts).toBeGreaterThanOrEqual(1);
    const started = await temporal.client.workflow.getHandle(accountTokensWorkflowId(acc.accountId)).describe();
    expect(started.status.name).toBe('RUNNING');
    await bootstrap();
    const again = await temporal.client.workflow.getHandle(accountTokensWorkflowId(acc.accountId)).describe();
    expect(again.runId).toBe(started.runId);
  });
});
