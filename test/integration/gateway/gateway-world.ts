import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { DataSource } from 'typeorm';
import { createArtifactStore, loadArtifactConfig } from '../../../services/core/artifacts';
import type { RecordedArtifactStore } from '../../../services/core/artifacts/recorded-artifact-store';
import { AuditService } from '../../../services/core/audit/audit.service';
import { newOpaqueToken } from '../../../services/core/auth/tokens';
import { ApiToken } from '../../../services/core/database/entities';
import type { ApiTokenScope } from '../../../services/core/database/entities';
import { createAppDataSource } from '../../../services/core/database/data-source';
import type { MintActivityToken } from '../../../services/core/gateway/activity-token';
import { mintActivityToken } from '../../../services/core/gateway/activity-token';
import { ACTIVITY_TOKEN_KEY_SECRET, ensureGatewayKey } from '../../../services/core/gateway/gateway-keys';
import { KnowledgeRepository } from '../../../services/core/knowledge/knowledge.repository';
import { PolicyEngine } from '../../../services/core/policy';
import { createProviderGateway } from '../../../services/core/providers/provider-gateway';
import { defaultProviderRegistry } from '../../../services/core/providers/provider-registry';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import type { SecretsPort } from '../../../services/core/secrets/secrets.port';
import type { RunningGateway } from '../../../services/gateway/create-gateway';
import { startGateway } from '../../../services/gateway/create-gateway';
import { signRegistry } from '../../../services/gateway/registry/sign-registry';
import type { GatewayDeps, ToolHandler } from '../../../services/gateway/tool.types';
import { TOOL_HANDLERS } from '../../../services/gateway/tools';
import { shareRunRegistryKey } from '../../harness/test-gateway';
import { openDataSource, testEnv } from '../../harness/test-env';

/** Real parts for the gateway tests: Postgres as owner and as the app role, a keyring, audit, artifacts, OPA wasm. */
export interface GatewayWorld {
  owner: DataSource;
  app: DataSource;
  secrets: SecretsPort;
  audit: AuditService;
  artifacts: RecordedArtifactStore;
  policy: PolicyEngine;
  deps: GatewayDeps;
  /** a gateway over the real tools, the registry signed first */
  start(opts?: {
    policy?: PolicyEngine;
    handlers?: ToolHandler[];
    sign?: boolean;
    deps?: Partial<GatewayDeps>;
  }): Promise<RunningGateway>;
  activityToken(who: Omit<MintActivityToken, 'now' | 'ttlSeconds'>): Promise<string>;
  close(): Promise<void>;
}

export async function openGatewayWorld(): Promise<GatewayWorld> {
  const owner = await openDataSource();
  const app = await createAppDataSource(testEnv().databaseUrl.replace('postgres@', 'raize_app@'), {
    env: 'test',
    poolSize: 6,
    applicationName: 'raize-test-gateway',
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'raize-gateway-'));
  const secrets = createSecrets({ dataDir, masterKey: undefined });
  // The registry is signed once per run with the run keyring's key (test/harness/global-setup.ts): this keyring holds
  // a copy, as every process of an installation reads the one secrets backend.
  await shareRunRegistryKey(secrets);
  const audit = new AuditService(app, secrets);
  const artifacts = await createArtifactStore({
    ds: app,
    audit,
    secrets,
    config: loadArtifactConfig({
      ...process.env,
      RAIZE_ARTIFACTS_BACKEND: 'local',
      RAIZE_ARTIFACTS_DIR: join(dataDir, 'artifacts'),
    }),
  });
  const policy = await PolicyEngine.load();
  const providers = createProviderGateway({
    ds: app,
    secrets,
    policy,
    artifacts,
    audit,
    registry: defaultProviderRegistry(),
  });
  const deps: GatewayDeps = { ds: app, secrets, audit, artifacts, providers };
  const running: RunningGateway[] = [];
  return {
    owner,
    app,
    secrets,
    audit,
    artifacts,
    policy,
    deps,
    async start(opts = {}) {
      const handlers = opts.handlers ?? TOOL_HANDLERS;
      // Signing what is already signed changes nothing; a test may start a gateway on a registry it changed.
      if (opts.sign !== false) await signRegistry(owner, secrets, handlers, audit);
      const g = await startGateway({ deps: { ...deps, ...opts.deps }, policy: opts.policy ?? policy, handlers });
      running.push(g);
      return g;
    },
    async activityToken(who) {
      return mintActivityToken(await ensureGatewayKey(app, secrets, ACTIVITY_TOKEN_KEY_SECRET), who).token;
    },
    async close() {
      for (const g of running.splice(0)) await g.close();
      await app.destroy();
      await owner.destroy();
    },
  };
}

/** An operator's API token, stored as the API stores one (hash only). */
export async function apiToken(
  owner: DataSource,
  userId: string,
  scopes: ApiTokenScope[],
  opts: { expiresAt?: Date; revoked?: boolean } = {},
): Promise<string> {
  const { token, hash, display } = newOpaqueToken('rzt');
  await owner.getRepository(ApiToken).save({
    userId,
    name: `gateway test ${randomUUID().slice(0, 6)}`,
    prefix: display,
    tokenHash: hash,
    scopes,
    expiresAt: opts.expiresAt ?? new Date(Date.now() + 86_400_000),
    revokedAt: opts.revoked ? new Date() : null,
    lastUsedAt: null,
    lastUsedIp: null,
    lastUsedUserAgent: null,
    createdAt: new Date(),
  });
  return token;
}

/** The SDK's own MCP client, connected with a bearer token. */
export async function mcpClient(url: string, token: string): Promise<Client> {
  const client = new Client({ name: 'raize-gateway-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return client;
}

export async function listedNames(client: Client): Promise<string[]> {
  return (await client.listTools()).tools.map((t) => t.name).sort();
}

export interface CallAnswer {
  isError: boolean;
  ok: boolean;
  code?: string;
  message?: string;
  result?: Record<string, unknown> | null;
  summary?: string;
  artifactKey?: string;
}

export async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallAnswer> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const s = (r.structuredContent ?? {}) as Omit<CallAnswer, 'isError'>;
  return { isError: r.isError === true, ...s };
}

/** A text document in the client's knowledge base (owner connection: the tests' own seeding). */
export async function addKbDocument(
  owner: DataSource,
  t: { agencyId: string; clientId: string; actorId: string },
  title: string,
  text: string,
): Promise<void> {
  await new KnowledgeRepository().add(
    owner.manager,
    { agencyId: t.agencyId, clientId: t.clientId },
    {
      kind: 'text',
      title,
      sourceUrl: null,
      fileName: null,
      contentType: 'text/plain',
      byteSize: Buffer.byteLength(text),
      contentSha256: createHash('sha256').update(text).digest('hex'),
      text,
    },
    t.actorId,
  );
}

/** Settings an agency's Admin would set (owner connection: the API's settings screen is another helper's work). */
export async function setGatewaySettings(
  owner: DataSource,
  agencyId: string,
  s: {
    toolPermissions?: Record<string, boolean>;
    scriptsEnabled?: boolean;
    callsPerMinute?: number;
    monthlyBudgetUsdMicros?: number | null;
  },
): Promise<void> {
  await owner.query(
    `INSERT INTO gateway_settings (agency_id, tool_permissions, scripts_enabled, calls_per_minute, monthly_budget_usd_micros)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id) DO UPDATE SET tool_permissions = $2, scripts_enabled = $3, calls_per_minute = $4,
       monthly_budget_usd_micros = $5, updated_at = now()`,
    [
      agencyId,
      JSON.stringify(s.toolPermissions ?? {}),
      s.scriptsEnabled ?? false,
      s.callsPerMinute ?? 60,
      s.monthlyBudgetUsdMicros ?? null,
    ],
  );
}

export interface AuditRow {
  action: string;
  actor: string;
  agency_id: string | null;
  client_id: string | null;
  subject_id: string;
  data: Record<string, unknown>;
}

export async function auditSince(owner: DataSource, since: Date, actor: string): Promise<AuditRow[]> {
  return owner.query(
    `SELECT action, actor, agency_id, client_id, subject_id, data FROM audit_events
     WHERE actor = $1 AND created_at >= $2 AND action LIKE 'gateway.%' ORDER BY id`,
    [actor, since],
  );
}
