import type { DataSource } from 'typeorm';
import { AuditService } from '../../../services/core/audit/audit.service';
import { createArtifactStore } from '../../../services/core/artifacts/create-artifact-store';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { PolicyEngine } from '../../../services/core/policy/policy-engine';
import { createProviderGateway } from '../../../services/core/providers/provider-gateway';
import type { ProviderGateway } from '../../../services/core/providers/provider-gateway.port';
import { defaultProviderRegistry } from '../../../services/core/providers/provider-registry';
import type { BreakerState } from '../../../services/core/providers/resilience/circuit-breaker';
import { CircuitBreakers } from '../../../services/core/providers/resilience/circuit-breaker';
import { vendorAdapters } from '../../../services/core/providers/vendor-adapters';
import { createSecrets } from '../../../services/core/secrets/create-secrets';

/** The gateway's breakers, with every state change they went through kept for the test to read (C-51). */
export class WatchedBreakers extends CircuitBreakers {
  readonly transitions: { key: string; state: BreakerState; at: number }[] = [];

  override admit(key: string, now: number) {
    const before = this.state(key);
    const admission = super.admit(key, now);
    if (this.state(key) !== before) this.transitions.push({ key, state: this.state(key), at: now });
    return admission;
  }

  override success(key: string): void {
    const before = this.state(key);
    super.success(key);
    if (before !== 'closed') this.transitions.push({ key, state: 'closed', at: Date.now() });
  }

  override failure(key: string, now: number): BreakerState {
    const before = this.state(key);
    const after = super.failure(key, now);
    if (after !== before) this.transitions.push({ key, state: after, at: now });
    return after;
  }
}

/** Short enough for a bounded test, the same mechanism as production's (5 failures, 60 s). */
export const OUTAGE_BREAKER = { failureThreshold: 3, cooldownMs: 3_000 };

export interface OutageProviders {
  /** what the stack's tool gateway serves text_generate and image_generate from */
  gateway: ProviderGateway;
  breakers: WatchedBreakers;
  close(): Promise<void>;
}

/**
 * The real provider gateway with the real vendor adapters, OpenAI pointed at its emulator, built on first use: the
 * stack sets the environment (database, keyring) it needs only once it starts, after it was handed this gateway.
 */
export function outageProviders(openAiUrl: string): OutageProviders {
  const breakers = new WatchedBreakers(OUTAGE_BREAKER);
  let built: Promise<{ gateway: ProviderGateway; ds: DataSource }> | undefined;
  const build = async () => {
    const config = loadAppConfig();
    const ds = await createAppDataSource(config.databaseAppUrl, { applicationName: 'raize-test-outage', env: 'test' });
    const secrets = createSecrets(config);
    const audit = new AuditService(ds, secrets);
    const artifacts = await createArtifactStore({ ds, audit, secrets });
    const gateway = createProviderGateway({
      ds,
      secrets,
      audit,
      artifacts,
      policy: await PolicyEngine.load(),
      registry: defaultProviderRegistry(vendorAdapters()),
      baseUrls: { openai: openAiUrl },
      breakers,
      breaker: OUTAGE_BREAKER,
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 400 },
      timeoutsMs: { text: 1_500 },
    });
    return { gateway, ds };
  };
  const inner = () => (built ??= build()).then((b) => b.gateway);
  return {
    breakers,
    gateway: {
      text: async (scope, req) => (await inner()).text(scope, req),
      image: async (scope, req) => (await inner()).image(scope, req),
      video: async (scope, req) => (await inner()).video(scope, req),
      avatar: async (scope, req) => (await inner()).avatar(scope, req),
    },
    async close() {
      if (built) await (await built).ds.destroy();
    },
  };
}
