import type { DataSource } from 'typeorm';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import type { AuditService } from '../../services/core/audit/audit.service';
import type {
  ConnectorReader,
  ConnectorWriter,
  PlatformDescriptor,
  PlatformTiming,
} from '../../services/core/connectors/connector.types';
import type { PolicyEngine } from '../../services/core/policy/policy-engine';
import type { PlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import type { CredentialCache } from './credential-cache';
import type { LaneResolver } from './publish-lanes/lane-session';

/** The connectors of every platform, as the guard uses them: readers, writers (guard only) and timing. */
export interface PlatformConnectors {
  descriptor(id: PlatformId): PlatformDescriptor;
  timing(id: PlatformId): PlatformTiming;
  reader(id: PlatformId): ConnectorReader;
  writer(id: PlatformId): ConnectorWriter;
}

export interface GuardDeps {
  ds: DataSource;
  audit: AuditService;
  policy: PolicyEngine;
  credentials: CredentialCache;
  platforms: PlatformConnectors;
  alert: (msg: string, fields: Record<string, string>) => void;
  /** where posts' media are read from; a post with media fails clearly without one */
  artifacts?: ArtifactStore;
  now?: () => Date;
  /** how an account's lane is opened (API, browser, hybrid); absent: the API lane only (hosts without a browser) */
  lanes?: LaneResolver;
  /** pacing jitter in [0, 1); tests pin it */
  random?: () => number;
}
