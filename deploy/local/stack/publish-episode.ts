import { randomBytes } from 'node:crypto';
import { createDataSource } from '../../../services/core/database/data-source';
import { SandboxAdminClient } from '../../../services/sandbox/sandbox-admin.client';
import { backToApiLane, enableBrowserLane } from './browser-lane-step';
import { connectSandboxAccount } from './connect-sandbox-account';
import type { DemoTenant } from './demo-tenant';
import { DEMO, seedDemoTenant } from './demo-tenant';
import type { OperatorSession } from './graphql-client';
import { GraphqlClient } from './graphql-client';
import type { LocalStack } from './local-stack';
import type { Progress } from './progress';

export interface PostView {
  id: string;
  status: string;
  workflowStatus: string | null;
  reasons: { code: string; message: string }[];
  url: string | null;
  platformPostId: string | null;
  proof: string | null;
  scheduledAt: string;
  publishedAt: string | null;
  verifiedAt: string | null;
  workflowId: string;
  approvals: { approverId: string; role: string }[];
}

export interface EpisodeResult {
  tenant: DemoTenant;
  handle: string;
  post: PostView;
  audit: { action: string; actor: string; createdAt: string }[];
  chain: { ok: boolean; count: number; problems: { seq: string; problem: string }[] };
  onPlatform: boolean;
  /** what the creation episode goes on with: the two operators' sessions and the connected account */
  sessions: { gql: GraphqlClient; author: OperatorSession; approver: OperatorSession };
  accountId: string;
}

export const POST_FIELDS =
  'id status workflowStatus reasons { code message } url platformPostId proof scheduledAt publishedAt verifiedAt workflowId approvals { approverId role }';
/** End states other than verified: waiting longer changes nothing. ("unverified" can still turn verified.) */
export const FAILED = new Set(['denied', 'rejected', 'cancelled', 'failed', 'quarantined']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The episode in Temporal Web. The launcher runs this installation, so it builds the link itself: the API gives
 * it to platform staff only (C-14), and the demo operators are agency staff.
 */
export function temporalLink(stack: Pick<LocalStack, 'temporal' | 'namespace'>, workflowId: string): string {
  // The cluster topology runs no Temporal Web (the dev server's UI is part of the CLI): the CLI command instead.
  if (!stack.temporal.uiUrl)
    return `temporal workflow show --address ${stack.temporal.address} --namespace ${stack.namespace} --workflow-id ${workflowId}`;
  return `${stack.temporal.uiUrl}/namespaces/${stack.namespace}/workflows/${encodeURIComponent(workflowId)}`;
}

export function berlinTime(iso: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: DEMO.timezone, dateStyle: 'short', timeStyle: 'medium' }).format(
    new Date(iso),
  );
}

/**
 * The publishing episode as two operators run it through GraphQL: the author schedules a post a few
 * seconds ahead, a Manager approves it (four eyes), the workflow waits for the slot, the guard publishes
 * on the sandbox and reads the post back; then the audit trail and the client's hash chain.
 */
export async function runPublishEpisode(
  stack: LocalStack,
  progress: Progress,
  o: { verifyTimeoutMs: number; leadSeconds: number; lane?: 'api' | 'browser' },
): Promise<EpisodeResult> {
  const gql = new GraphqlClient(stack.graphqlUrl);
  const sandboxAdmin = new SandboxAdminClient(stack.sandboxUrl, stack.sandboxAdminToken);

  const tenant = await progress.step(
    `seed "${DEMO.agency}", client "${DEMO.client}", author ${DEMO.author.email} (${DEMO.author.role}), approver ${DEMO.approver.email} (${DEMO.approver.role})`,
    async () => {
      const ds = createDataSource(stack.postgres.url, { poolSize: 2, applicationName: 'raize-demo' });
      await ds.initialize();
      try {
        return await seedDemoTenant(ds, stack.dataDir);
      } finally {
        await ds.destroy();
      }
    },
    (t) => (t.created.length ? `created ${t.created.join('; ')}` : 'found from an earlier run'),
  );

  const [author, approver] = await progress.step(
    `sign in as ${DEMO.author.email} and ${DEMO.approver.email} (passwords in the data directory's demo-operators.json)`,
    () =>
      Promise.all([
        gql.signIn(DEMO.author.email, tenant.passwords.author),
        gql.signIn(DEMO.approver.email, tenant.passwords.approver),
      ]),
    () => 'two operator sessions (HttpOnly cookie + CSRF token)',
  );

  const redirectUri = `${stack.apiUrl}/oauth/sandbox/callback`;
  await progress.step(
    `register the OAuth client "${stack.oauthClientId}" on the sandbox`,
    () =>
      sandboxAdmin.registerOAuthClient({
        clientId: stack.oauthClientId,
        clientSecret: process.env.SANDBOX_OAUTH_CLIENT_SECRET || undefined,
        redirectUris: [redirectUri],
      }),
    () => `redirect ${redirectUri}`,
  );

  // A brand account of its own per run: the client's daily publish cap counts per account, so a reused
  // account would start refusing after a day's worth of demos.
  const username = `demo_brand_${randomBytes(3).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  const brand = await progress.step(
    "create the brand's user on the sandbox platform",
    () => sandboxAdmin.createUser({ username, password, displayName: `${DEMO.client} brand` }),
    (u) => `${u.handle} (sandbox user ${u.id})`,
  );

  const account = await progress.step(
    `connect ${brand.handle} through the real OAuth + PKCE flow (GraphQL start → sandbox login form → API callback)`,
    () =>
      connectSandboxAccount({
        gql,
        sandboxUrl: stack.sandboxUrl,
        actorId: approver,
        clientId: tenant.clientId,
        username,
        password,
      }),
    (a) => `platform account ${a.accountId} (${a.handle})`,
  );

  if (o.lane === 'browser')
    await enableBrowserLane(
      { gql, sandboxAdmin, progress, tenant },
      { accountId: account.accountId, sandboxUserId: brand.id, displayName: brand.displayName },
    );

  const text = `Hello from the Raize demo! Published by a Temporal workflow at ${berlinTime(new Date())} (${DEMO.timezone}), after four-eyes approval. #raize`;
  const asset = await progress.step(
    "create the post's text asset (as the author)",
    () =>
      gql.request<{ createAsset: { id: string; checksum: string } }>(
        author,
        'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id checksum } }',
        { i: { clientId: tenant.clientId, text } },
      ),
    (r) => `asset ${r.createAsset.id}, checksum ${r.createAsset.checksum.slice(0, 12)}…`,
  );

  const scheduled = await progress.step(
    `schedule it ${o.leadSeconds}s ahead (as the author, ${DEMO.author.role})`,
    () =>
      gql.request<{ schedulePost: PostView }>(
        author,
        `mutation($i: SchedulePostInput!) { schedulePost(input: $i) { ${POST_FIELDS} } }`,
        {
          i: {
            clientId: tenant.clientId,
            platformAccountId: account.accountId,
            assetId: asset.createAsset.id,
            scheduledAt: new Date(Date.now() + o.leadSeconds * 1000).toISOString(),
          },
        },
      ),
    (r) =>
      `post ${r.schedulePost.id} at ${berlinTime(r.schedulePost.scheduledAt)} ${DEMO.timezone}, workflow ${r.schedulePost.workflowId}`,
  );
  const postId = scheduled.schedulePost.id;

  await progress.step(
    `approve it (as the approver, ${DEMO.approver.role}: four eyes)`,
    () =>
      gql.request<{ approvePost: PostView }>(
        approver,
        `mutation($i: ApprovePostInput!) { approvePost(input: $i) { ${POST_FIELDS} } }`,
        // The checksum of the text the approver was shown (C-23): the one the author created.
        { i: { postId, assetChecksum: asset.createAsset.checksum, note: 'looks good (demo)' } },
      ),
    (r) => `status ${r.approvePost.workflowStatus ?? r.approvePost.status}`,
  );

  const post = await progress.step(
    `wait until the post is published and verified (up to ${Math.round(o.verifyTimeoutMs / 1000)}s)`,
    () =>
      Promise.race([
        waitVerified(gql, approver, postId, o.verifyTimeoutMs, (m) => progress.info(m), stack),
        stack.failed,
      ]),
    (p) => `${p.url} (verified ${p.verifiedAt ? berlinTime(p.verifiedAt) : '?'})`,
  );

  if (o.lane === 'browser') await backToApiLane({ gql, progress, tenant }, account.accountId);

  const onPlatform = await progress.step(
    'read the post back from the sandbox platform',
    async () => {
      const posts = await sandboxAdmin.listPosts();
      const found = posts.find((p) => p.id === post.platformPostId);
      if (!found) throw new Error(`the sandbox has no post ${post.platformPostId}`);
      return found.text === text;
    },
    (same) =>
      same
        ? `post ${post.platformPostId} is live with the asset's exact text`
        : 'post found, but its text differs from the asset',
  );

  const trail = await progress.step(
    "read the audit trail and verify the client's hash chain",
    async () => {
      const a = await gql.request<{ auditEvents: EpisodeResult['audit'] }>(
        approver,
        'query($id: ID!) { auditEvents(postId: $id) { action actor createdAt } }',
        { id: postId },
      );
      const c = await gql.request<{ verifyAuditChain: EpisodeResult['chain'] }>(
        approver,
        'query($c: ID!) { verifyAuditChain(clientId: $c) { ok count problems { seq problem } } }',
        { c: tenant.clientId },
      );
      return { audit: a.auditEvents, chain: c.verifyAuditChain };
    },
    (r) =>
      `${r.audit.length} events for the post; chain ${r.chain.ok ? 'intact' : 'BROKEN'} over ${r.chain.count} events`,
  );

  return {
    tenant,
    handle: account.handle,
    post,
    audit: trail.audit,
    chain: trail.chain,
    onPlatform,
    sessions: { gql, author, approver },
    accountId: account.accountId,
  };
}

export async function waitVerified(
  gql: GraphqlClient,
  actorId: OperatorSession,
  postId: string,
  timeoutMs: number,
  say: (m: string) => void,
  stack: LocalStack,
): Promise<PostView> {
  const deadline = Date.now() + timeoutMs;
  let last: PostView | undefined;
  let shown = '';
  for (;;) {
    last = (
      await gql.request<{ post: PostView }>(actorId, `query($id: ID!) { post(id: $id) { ${POST_FIELDS} } }`, {
        id: postId,
      })
    ).post;
    // The live workflow status leads; the database catches up at each step the workflow records.
    const now = last.workflowStatus ?? last.status;
    if (now !== shown) {
      say(`  post status: ${now}${last.reasons.length ? ` (${last.reasons.map((r) => r.code).join(', ')})` : ''}`);
      shown = now;
    }
    if (last.status === 'verified') return last;
    if (FAILED.has(last.status))
      throw new Error(
        `the post ended ${last.status}: ${last.reasons.map((r) => `${r.code}: ${r.message}`).join('; ') || 'no reason given'}; see ${temporalLink(stack, last.workflowId)}`,
      );
    if (Date.now() > deadline) {
      throw new Error(
        `the post was not verified within ${Math.round(timeoutMs / 1000)}s: last status ${last.status}` +
          `${last.workflowStatus ? ` (workflow: ${last.workflowStatus})` : ''}${last.reasons.length ? `, reasons ${last.reasons.map((r) => `${r.code}: ${r.message}`).join('; ')}` : ''}.\n` +
          `  Open the episode in Temporal Web: ${temporalLink(stack, last.workflowId)}\n  Logs: ${stack.logDir}/worker.log and ${stack.logDir}/api.log`,
      );
    }
    await sleep(500);
  }
}
