import { Client as McpClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ToolCallResult } from '../../../services/core/gateway/tool-client.port';
import type { LocalStack } from './local-stack';
import type { Progress } from './progress';
import type { EpisodeResult, PostView } from './publish-episode';
import { FAILED, POST_FIELDS } from './publish-episode';
import { DEMO } from './demo-tenant';

export interface AssistantResult {
  tools: string[];
  postId: string;
  waited: PostView;
  post: PostView;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An operator's assistant through the MCP tool gateway (issue #16): the author makes an API token (read + publish),
 * an MCP client (the SDK's own) connects to the gateway with it, lists its tools, drafts a post and schedules it; the
 * post waits for a human, and the approver approves it in Raize, after which it publishes as any other post.
 */
export async function runAssistantEpisode(
  stack: LocalStack,
  progress: Progress,
  prev: EpisodeResult,
  o: { timeoutMs: number },
): Promise<AssistantResult> {
  const { gql, author, approver } = prev.sessions;
  const { token } = await progress.step(
    `${DEMO.author.email} makes an API token for an assistant (scopes read, publish; 1 day)`,
    async () =>
      (
        await gql.request<{ createApiToken: { token: string; apiToken: { prefix: string } } }>(
          author,
          'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { prefix } } }',
          { i: { name: 'demo assistant', scopes: ['read', 'publish'], expiresInDays: 1 } },
        )
      ).createApiToken,
    (r) => `token ${r.token.slice(0, 8)}… (shown once)`,
  );

  const mcp = new McpClient({ name: 'raize-demo-assistant', version: '1.0.0' });
  await mcp.connect(
    new StreamableHTTPClientTransport(new URL(stack.gatewayUrl), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  try {
    const call = async (name: string, args: Record<string, unknown>) => {
      const r = (await mcp.callTool({ name, arguments: args })).structuredContent as ToolCallResult<
        Record<string, string>
      >;
      if (!r.ok) throw new Error(`the gateway refused ${name}: ${r.code}: ${r.message}`);
      if (!r.result) throw new Error(`${name} answered a summary only: ${r.summary}`);
      return r.result;
    };
    const tools = await progress.step(
      `the assistant connects to the tool gateway (${stack.gatewayUrl}) and lists its tools`,
      async () => (await mcp.listTools()).tools.map((t) => t.name).sort(),
      (t) => `${t.length} tools for a Publisher: ${t.join(', ')}; none approves, flips a kill switch or changes policy`,
    );
    const draft = await progress.step(
      'the assistant drafts a post (post_draft)',
      () => call('post_draft', { clientId: prev.tenant.clientId, text: 'Drafted by an assistant through MCP (demo)' }),
      (d) => `asset ${d.assetId}`,
    );
    const scheduled = await progress.step(
      'the assistant schedules it 5s ahead (post_schedule)',
      () =>
        call('post_schedule', {
          clientId: prev.tenant.clientId,
          assetId: draft.assetId,
          platformAccountId: prev.accountId,
          scheduledAt: new Date(Date.now() + 5000).toISOString(),
        }),
      (s) => `post ${s.postId}: waits for a human's approval`,
    );
    const postId = scheduled.postId;
    const read = async () =>
      (
        await gql.request<{ post: PostView }>(approver, `query($id: ID!) { post(id: $id) { ${POST_FIELDS} } }`, {
          id: postId,
        })
      ).post;

    const waited = await progress.step(
      'past its slot, the post still waits: no assistant can approve',
      async () => {
        await sleep(7000);
        const p = await read();
        if (p.workflowStatus !== 'awaiting_approval' || p.publishedAt)
          throw new Error(`the assistant's post did not wait for approval (status ${p.status}, ${p.workflowStatus})`);
        return p;
      },
      (p) => `status ${p.status}, workflow ${p.workflowStatus}`,
    );
    await progress.step(`${DEMO.approver.email} approves it in Raize`, () =>
      gql.request(approver, `mutation($i: ApprovePostInput!) { approvePost(input: $i) { id } }`, {
        i: { postId, assetChecksum: scheduled.assetChecksum, note: "approved the assistant's draft (demo)" },
      }),
    );
    const post = await progress.step(
      'the post publishes and is verified',
      async () => {
        const deadline = Date.now() + o.timeoutMs;
        for (;;) {
          const p = await read();
          if (p.status === 'verified') return p;
          if (FAILED.has(p.status) || Date.now() > deadline)
            throw new Error(`the assistant's post ended ${p.status}: ${p.reasons.map((r) => r.code).join(', ')}`);
          await sleep(1000);
        }
      },
      (p) => `${p.status}: ${p.url ?? ''}`,
    );
    return { tools, postId, waited, post };
  } finally {
    await mcp.close();
  }
}
