import type { Client as TemporalClient } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import { loadArtifactConfig } from '../../services/core/artifacts/artifact-config';
import { createArtifactStore } from '../../services/core/artifacts/create-artifact-store';
import type { AuditService } from '../../services/core/audit/audit.service';
import { loadAppConfig } from '../../services/core/config/app-config';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import { loadBrandContext } from '../../services/core/knowledge/brand-context';
import type { PolicyEngine } from '../../services/core/policy/policy-engine';
import { createProviderGateway } from '../../services/core/providers/provider-gateway';
import type { ProviderGateway } from '../../services/core/providers/provider-gateway.port';
import { AiSettingsRepository } from '../../services/core/providers/settings/ai-settings.repository';
import { publishOptionsFrom } from '../../services/core/publishing/publish-options';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { codecOptionsFrom, createDataConverter } from '../../services/core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../../services/core/temporal/codec/secrets-key-source';
import { createTemporalClient } from '../../services/core/temporal/temporal-client';
import type { CreationBrandContext } from './creation.deps';
import { createCreationActivities } from './creation.activities';
import { LazyArtifactStore } from './lazy-artifact-store';

/**
 * What the creation lane's worker hands its activities: the worker's shared dependencies (GuardDeps fits), plus,
 * when the worker builds them, the provider gateway, the artifact store and a Temporal client. What it does not
 * pass is built here from the same configuration the API uses (secrets backend, payload codec: C-13).
 */
export interface CreationLaneDeps {
  ds: DataSource;
  audit: AuditService;
  policy: PolicyEngine;
  providers?: ProviderGateway;
  artifacts?: ArtifactStore;
  temporal?: TemporalClient;
  /** the publish lane's task queue (tests run every lane on one queue) */
  publishTaskQueue?: string;
}

/** The brand kit and knowledge summaries as the creator and the content check read them. */
export async function brandContextFor(m: EntityManager, clientId: string): Promise<CreationBrandContext> {
  const { brandKit: k, kbSummaries } = await loadBrandContext(m, clientId, { limit: 3 });
  return {
    name: k.name,
    voice: k.voice || undefined,
    headline: k.headline || undefined,
    colours: k.colours,
    hashtags: k.hashtags,
    doWords: k.doWords,
    dontWords: k.dontWords,
    bannedClaims: k.bannedClaims,
    summaries: kbSummaries.map((s) => s.summary),
  };
}

/** The creation lane's activities (services/worker/lane-workers.ts registers them). */
export function creationLaneActivities(deps: CreationLaneDeps) {
  const config = loadAppConfig();
  const secrets = createSecrets(config);
  const artifacts =
    deps.artifacts ??
    new LazyArtifactStore(loadArtifactConfig().backend, () =>
      createArtifactStore({ ds: deps.ds, audit: deps.audit, secrets }),
    );
  let temporal: Promise<TemporalClient> | undefined;
  const settings = new AiSettingsRepository();
  return createCreationActivities({
    ds: deps.ds,
    audit: deps.audit,
    policy: deps.policy,
    artifacts,
    gateway:
      deps.providers ??
      createProviderGateway({ ds: deps.ds, secrets, policy: deps.policy, artifacts, audit: deps.audit }),
    temporal: () =>
      deps.temporal
        ? Promise.resolve(deps.temporal)
        : (temporal ??= createTemporalClient(
            config.temporal.address,
            config.temporal.namespace,
            createDataConverter(new SecretsCodecKeySource(secrets), codecOptionsFrom(config)),
          )),
    publishTaskQueue: deps.publishTaskQueue ?? config.taskQueueOverride ?? loadTemporalConfig().taskQueues.publish,
    publishOptions: publishOptionsFrom(config),
    brandContext: brandContextFor,
    maxRevisions: async (m, clientId) => (await settings.effective(m, clientId)).contract.maxRevisions,
  });
}
