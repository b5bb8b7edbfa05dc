import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createArtifactStore, loadArtifactConfig } from '../../../services/core/artifacts';
import type { ArtifactStore } from '../../../services/core/artifacts';
import { AuditService } from '../../../services/core/audit/audit.service';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { PolicyEngine } from '../../../services/core/policy';
import { ProviderKeyService } from '../../../services/core/providers/keys';
import {
  ProviderError,
  type ProviderId,
  type TextProvider,
  type TextRequest,
} from '../../../services/core/providers/provider.types';
import type { ProviderKind } from '../../../services/core/providers/provider.types';
import {
  AiSettingsRepository,
  type AiSettingsPatch,
} from '../../../services/core/providers/settings/ai-settings.repository';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import type { SecretsPort } from '../../../services/core/secrets/secrets.port';
import { actorAccess } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { openDataSource, testEnv } from '../../harness/test-env';

/** Real parts for the provider tests: Postgres as owner and as the app role (RLS), a keyring, the audit trail,
 * the artifact store (local backend in a temp dir) and the compiled policy wasm. */
export interface ProvidersWorld {
  owner: DataSource;
  app: DataSource;
  secrets: SecretsPort;
  audit: AuditService;
  artifacts: ArtifactStore;
  policy: PolicyEngine;
  keys: ProviderKeyService;
  dataDir: string;
  close(): Promise<void>;
}

export async function openProvidersWorld(): Promise<ProvidersWorld> {
  const owner = await openDataSource();
  const app = await createAppDataSource(testEnv().databaseUrl.replace('postgres@', 'raize_app@'), {
    env: 'test',
    poolSize: 4,
    applicationName: 'raize-test-providers',
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'raize-providers-'));
  const secrets = createSecrets({ dataDir, masterKey: undefined });
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
  const keys = new ProviderKeyService({ ds: app, secrets, audit });
  return {
    owner,
    app,
    secrets,
    audit,
    artifacts,
    policy,
    keys,
    dataDir,
    async close() {
      await app.destroy();
      await owner.destroy();
    },
  };
}

/** Runs `fn` as an operator would: in the tenant scope of their memberships. */
export async function asOperator<T>(app: DataSource, userId: string, fn: () => Promise<T>): Promise<T> {
  return runInTenantScope(app, (await actorAccess(app, userId)).scope, fn);
}

/** A second client in an existing agency. */
export async function addClient(owner: DataSource, agencyId: string, timezone = 'Europe/Berlin'): Promise<string> {
  return (
    await new TenantBootstrap(owner).createClient(
      agencyId,
      `Client ${Math.random().toString(36).slice(2, 8)}`,
      timezone,
    )
  ).id;
}

/** Settings written the way the API writes them, as an agency admin. */
export async function setAiSettings(
  w: ProvidersWorld,
  who: { adminId: string; agencyId: string; clientId: string },
  patch: AiSettingsPatch,
): Promise<void> {
  await asOperator(w.app, who.adminId, () =>
    w.app.transaction((m) =>
      new AiSettingsRepository().update(
        m,
        { agencyId: who.agencyId, clientId: who.clientId, actorId: who.adminId },
        patch,
      ),
    ),
  );
}

export const preferOnly = (kind: ProviderKind, provider: ProviderId): AiSettingsPatch['preferred'] => ({
  [kind]: provider,
});

/**
 * A test double of a vendor's TextProvider that records what it was handed (the key above all) and answers from a
 * script: each entry a result or a ProviderError, the last one repeating.
 */
export class RecordingTextProvider implements TextProvider {
  readonly calls: { apiKey: string; credentialRefId: string; clientId: string; prompt: string }[] = [];
  constructor(
    readonly id: ProviderId,
    private readonly script: (ProviderError | { text: string; inputTokens?: number; outputTokens?: number })[] = [
      { text: 'ok' },
    ],
  ) {}

  generateText(ctx: Parameters<TextProvider['generateText']>[0], req: TextRequest) {
    this.calls.push({
      apiKey: ctx.credential.apiKey,
      credentialRefId: ctx.credential.credentialRefId,
      clientId: ctx.clientId,
      prompt: req.prompt,
    });
    const step = this.script[Math.min(this.calls.length - 1, this.script.length - 1)];
    if (step instanceof ProviderError) return Promise.reject(step);
    return Promise.resolve({
      text: step.text,
      model: 'gpt-4o-mini',
      finish: 'stop' as const,
      usage: { inputTokens: step.inputTokens ?? 100, outputTokens: step.outputTokens ?? 50, costMicros: 0 },
    });
  }
}

export const unavailable = (id: ProviderId = 'openai') =>
  new ProviderError(id, 'unavailable', 'HTTP 503 from the vendor', { status: 503 });
