import { TOOL_NAMES } from '../../../workflows/contracts/vocabulary/gateway';
import type { ConnectedAccount } from '../../factories/connect-account';
import { connectSandboxAccount } from '../../factories/connect-account';
import { approvePost, getPost, hasStatus, sandboxPostsBy, waitForPost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { apiToken, connectAssistant, startSchedulingGateway } from './assistant-gateway';

/**
 * Issue #16's "done when": an operator connects an MCP-capable assistant (here the SDK's own client) to Raize with an
 * API token, drafts and schedules a post through the gateway, and the post still waits for a human's approval, which
 * only a person gives, through the API.
 */
describe("an operator's assistant drafts and schedules through the MCP gateway (issue #16)", () => {
  let stack: TestStack;
  let scheduling: Awaited<ReturnType<typeof startSchedulingGateway>>;
  let t: SeededTenant;
  let account: ConnectedAccount;
  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true, env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
    scheduling = await startSchedulingGateway(stack);
    t = await seedTenant(stack.ds);
    account = await connectSandboxAccount(stack, t.users.admin, t.clientId);
  });
  afterAll(async () => {
    await scheduling?.close();
    await stack?.close();
  });

  const jobs = async (): Promise<number> =>
    Number(
      (
        await stack.ds.query<{ n: string }[]>('SELECT count(*) AS n FROM publish_jobs WHERE client_id = $1', [
          t.clientId,
        ])
      )[0].n,
    );

  it("[C-36] a Publisher's assistant drafts and schedules; the post waits for a human, who approves it in Raize", async () => {
    const assistant = await connectAssistant(
      scheduling.gateway.url,
      await apiToken(stack, t.users.author, ['read', 'publish']),
    );
    try {
      const listed = await assistant.tools();
      expect(listed).toEqual(expect.arrayContaining(['clients_list', 'posts_list', 'post_draft', 'post_schedule']));
      // Only the gateway's tools exist, and none of them decides for a human: no approve, kill switch or policy tool.
      expect(listed.filter((n) => !(TOOL_NAMES as readonly string[]).includes(n))).toEqual([]);
      expect(listed.filter((n) => /approv|kill|switch|policy|setting|permission/.test(n))).toEqual([]);

      const clients = await assistant.call('clients_list', {});
      expect(clients.ok).toBe(true);
      expect(JSON.stringify(clients)).toContain(t.clientId);

      const draft = await assistant.call('post_draft', { clientId: t.clientId, text: 'Drafted by an assistant' });
      if (!draft.ok) throw new Error(`post_draft refused: ${draft.code} ${draft.message}`);
      const assetId = draft.result?.assetId as string;
      expect(assetId).toMatch(/^[0-9a-f-]{36}$/);

      const slot = new Date(Date.now() + 4000);
      const scheduled = await assistant.call('post_schedule', {
        clientId: t.clientId,
        assetId,
        platformAccountId: account.accountId,
        scheduledAt: slot.toISOString(),
      });
      if (!scheduled.ok) throw new Error(`post_schedule refused: ${scheduled.code} ${scheduled.message}`);
      expect(scheduled.result).toMatchObject({ needsHumanApproval: true });
      const postId = scheduled.result?.postId as string;

      // The publish episode exists and waits for a person, past its slot, with nothing on the platform.
      await waitForPost(stack, t.users.approver, postId, (p) => p.workflowStatus === 'awaiting_approval');
      await new Promise((r) => setTimeout(r, Math.max(0, slot.getTime() + 2000 - Date.now())));
      const waiting = await getPost(stack, t.users.approver, postId);
      expect(waiting.workflowStatus).toBe('awaiting_approval');
      expect(waiting.approvals).toEqual([]);
      expect(await sandboxPostsBy(stack, account.sandboxUserId)).toEqual([]);

      // The operator who scheduled it through the assistant is its author: four eyes, they cannot approve it.
      const own = await approvePost(stack, t.users.author, postId);
      expect(own.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|CONFLICT|BAD_USER_INPUT/);

      // A second person approves through the API, and only then does it publish.
      const approved = await approvePost(stack, t.users.approver, postId);
      expect(approved.errors).toBeUndefined();
      await waitForPost(stack, t.users.approver, postId, hasStatus('verified'), 60_000);
      const published = await sandboxPostsBy(stack, account.sandboxUserId);
      expect(published.map((p) => p.text)).toEqual(['Drafted by an assistant']);

      // Each call is in the audit trail as a digest, with the operator as the actor (C-39).
      const calls = await stack.ds.query<{ data: Record<string, unknown> }[]>(
        `SELECT data FROM audit_events WHERE action = 'gateway.tool_called' AND actor = $1`,
        [`user:${t.users.author}`],
      );
      const digests = JSON.stringify(calls);
      expect(digests).toContain('post_draft');
      expect(digests).toContain('post_schedule');
      expect(digests).not.toContain('Drafted by an assistant');
    } finally {
      await assistant.close();
    }
  }, 120_000);

  it("[C-36] an Analyst's assistant cannot schedule or draft, whatever its token's scopes", async () => {
    const before = await jobs();
    const assistant = await connectAssistant(
      scheduling.gateway.url,
      await apiToken(stack, t.users.analyst, ['read', 'publish']),
    );
    try {
      const listed = await assistant.tools();
      expect(listed).toEqual(expect.arrayContaining(['posts_list']));
      expect(listed).not.toContain('post_schedule');
      expect(listed).not.toContain('post_draft');
      const asset = (
        await stack.ds.query<{ id: string }[]>('SELECT id FROM assets WHERE client_id = $1 LIMIT 1', [t.clientId])
      )[0];
      const r = await assistant.call('post_schedule', {
        clientId: t.clientId,
        assetId: asset?.id ?? '00000000-0000-4000-8000-000000000000',
        platformAccountId: account.accountId,
        scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect(r).toMatchObject({ ok: false, code: 'tool_not_allowed' });
      expect(await jobs()).toBe(before);
      const refusals = await stack.ds.query<unknown[]>(
        `SELECT 1 FROM audit_events WHERE action = 'gateway.tool_refused' AND actor = $1`,
        [`user:${t.users.analyst}`],
      );
      expect(refusals.length).toBeGreaterThan(0);
    } finally {
      await assistant.close();
    }
  });

  it("[C-36] a Publisher's token with only `read` cannot draft: the tool is not listed and the call is refused", async () => {
    const assets = async () =>
      (await stack.ds.query<unknown[]>('SELECT 1 FROM assets WHERE client_id = $1', [t.clientId])).length;
    const before = await assets();
    const assistant = await connectAssistant(scheduling.gateway.url, await apiToken(stack, t.users.author, ['read']));
    try {
      const listed = await assistant.tools();
      expect(listed).toEqual(expect.arrayContaining(['clients_list', 'posts_list']));
      expect(listed).not.toContain('post_draft');
      expect(listed).not.toContain('post_schedule');
      const r = await assistant.call('post_draft', { clientId: t.clientId, text: 'should not exist' });
      expect(r).toMatchObject({ ok: false, code: 'tool_not_allowed' });
      expect(await assets()).toBe(before);
    } finally {
      await assistant.close();
    }
  });

  it('[C-36] a tool an Admin turns off for the agency disappears for its assistants and is refused', async () => {
    const u = await seedTenant(stack.ds);
    const set = await stack.gql(
      u.users.admin,
      'mutation($i: UpdateGatewaySettingsInput!) { updateGatewaySettings(input: $i) { disabledTools } }',
      { i: { agencyId: u.agencyId, disabledTools: ['post_draft'] } },
    );
    expect(set.errors).toBeUndefined();
    const assistant = await connectAssistant(
      scheduling.gateway.url,
      await apiToken(stack, u.users.author, ['read', 'publish']),
    );
    try {
      const listed = await assistant.tools();
      expect(listed).toContain('post_schedule');
      expect(listed).not.toContain('post_draft');
      const r = await assistant.call('post_draft', { clientId: u.clientId, text: 'off for this agency' });
      expect(r.ok).toBe(false);
    } finally {
      await assistant.close();
    }
  });
});
