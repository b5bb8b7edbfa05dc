import type { DataSource } from 'typeorm';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import type { AuditService } from '../../services/core/audit/audit.service';
import type { ConnectorSettings, PlatformTiming } from '../../services/core/connectors/connector.types';
import {
  createConnectorReaders,
  platformConfigured,
  platformDescriptor,
  platformSettings,
} from '../../services/core/connectors/platform-registry';
import { createConnectorWriter } from '../../services/core/connectors/writer-registry';
import type { PolicyEngine } from '../../services/core/policy/policy-engine';
import type { CredentialStore } from '../../services/core/secrets/credential-store';
import type { PlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import { PLATFORM_IDS } from '../../workflows/contracts/vocabulary/platform-id';
import { CredentialCache } from './credential-cache';
import type { GuardDeps, PlatformConnectors } from './guard.deps';
import { assertGuardBudget } from './guard-budget';

/** The only place writers are built: the guard's own connectors (C-17). */
export function createPlatformConnectors(settings: ConnectorSettings): PlatformConnectors {
  const readers = createConnectorReaders(settings);
  const writers = Object.fromEntries(
    PLATFORM_IDS.map((id) => [id, createConnectorWriter(id, platformSettings(settings, id))]),
  );
  const timings = Object.fromEntries(
    PLATFORM_IDS.map((id) => [id, platformDescriptor(id).timing(platformSettings(settings, id))]),
  );
  return {
    descriptor: (id: PlatformId) => platformDescriptor(id),
    timing: (id: PlatformId) => timings[id] as PlatformTiming,
    reader: (id: PlatformId) => readers[id],
    writer: (id: PlatformId) => writers[id]!,
  };
}

export interface GuardDepsInput {
  ds: DataSource;
  audit: AuditService;
  policy: PolicyEngine;
  credentials: CredentialStore;
  connectors: ConnectorSettings;
  /** the guarded activity's start-to-close, checked against the connectors' timeouts */
  publishTimeoutSeconds: number;
  alert: GuardDeps['alert'];
  artifacts?: ArtifactStore;
}

export function createGuardDeps(i: GuardDepsInput): GuardDeps {
  const platforms = createPlatformConnectors(i.connectors);
  // Only platforms this installation can reach (the sandbox, and those with an app registered) can have calls.
  const reachable = PLATFORM_IDS.filter((id) => id === 'sandbox' || platformConfigured(i.connectors, id));
  assertGuardBudget(i.publishTimeoutSeconds, Object.fromEntries(reachable.map((id) => [id, platforms.timing(id)])));
  return {
    ds: i.ds,
    audit: i.audit,
    policy: i.policy,
    credentials: new CredentialCache(i.credentials),
    platforms,
    alert: i.alert,
    artifacts: i.artifacts,
  };
}
