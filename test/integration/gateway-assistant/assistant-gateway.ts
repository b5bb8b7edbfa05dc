import { Client as McpClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Client as TemporalClient } from '@temporalio/client';
import { AuditService } from '../../../services/core/audit/audit.service';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { PolicyEngine } from '../../../services/core/policy/policy-engine';
import { codecOptionsFrom, createDataConverter } from '../../../services/core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../../../services/core/temporal/codec/secrets-key-source';
import { closeTemporalClient, createTemporalClient } from '../../../services/core/temporal/temporal-client';
import type { RunningGateway } from '../../../services/gateway/create-gateway';
import { startGateway } from '../../../services/gateway/create-gateway';
import { TOOL_HANDLERS } from '../../../services/gateway/tools';
import { createWorkerProviders } from '../../../services/worker/worker-deps';
import type { TestStack } from '../../harness/stack';

/**
 * A gateway as services/gateway/main.ts runs it for assistants: besides what the stack's own gateway has, a Temporal
 * client and the publishing lane's task queue (the stack's worker polls it), so post_schedule starts real episodes.
 */
export async function startSchedulingGateway(
  stack: TestStack,
): Promise<{ gateway: RunningGateway; close(): Promise<void> }> {
  const config = loadAppConfig();
  const { ds, secrets, artifacts } = stack.gateway;
  const audit = new AuditService(ds, secrets);
  const policy = await PolicyEngine.load();
  const temporal: TemporalClient = await createTemporalClient(
    config.temporal.address,
    config.temporal.namespace,
    createDataConverter(new SecretsCodecKeySource(secrets), codecOptionsFrom(config)),
  );
  const gateway = await startGateway({
    deps: {
      ds,
      secrets,
      audit,
      artifacts,
      providers: createWorkerProviders({ ds, secrets, policy, artifacts, audit }),
      temporal,
      publishTaskQueue: stack.taskQueue,
    },
    policy,
    handlers: TOOL_HANDLERS,
    port: 0,
  });
  return {
    gateway,
    async close() {
      await gateway.close();
      await closeTemporalClient(temporal);
    },
  };
}

/** What a tools/call answers on the wire (services/core/gateway/tool-client.port.ts). */
export type ToolAnswer =
  | { ok: true; result: Record<string, unknown> | null; summary: string; artifactKey?: string }
  | { ok: false; code: string; message: string };

/** An operator's assistant: the MCP SDK's own client, with the operator's API token as its bearer token. */
export async function connectAssistant(
  url: string,
  token: string,
): Promise<{
  tools(): Promise<string[]>;
  call(name: string, args: Record<string, unknown>): Promise<ToolAnswer>;
  close(): Promise<void>;
}> {
  const client = new McpClient({ name: 'raize-assistant-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  return {
    async tools() {
      return (await client.listTools()).tools.map((t) => t.name).sort();
    },
    async call(name, args) {
      const r = await client.callTool({ name, arguments: args });
      return r.structuredContent as ToolAnswer;
    },
    close: () => client.close(),
  };
}

/** An API token of the operator with these scopes, made as the tokens page makes one. */
export async function apiToken(stack: TestStack, userId: string, scopes: string[]): Promise<string> {
  const r = await stack.gql<{ createApiToken: { token: string } }>(
    userId,
    'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }',
    { i: { name: `assistant ${scopes.join('+')}`, scopes, expiresInDays: 1 } },
  );
  if (!r.data) throw new Error(`createApiToken: ${JSON.stringify(r.errors)}`);
  return r.data.createApiToken.token;
}
