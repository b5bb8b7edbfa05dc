import type { DataSource } from 'typeorm';
import type { AuditService } from '../../services/core/audit/audit.service';
import type {
  ConnectorSettings,
  PlatformDescriptor,
  TokenLifecycle,
} from '../../services/core/connectors/connector.types';
import type { CredentialStore } from '../../services/core/secrets/credential-store';
import type { PlatformId } from '../../workflows/contracts/vocabulary/platform-id';

/** What the token activities need; the worker's LaneDeps plus the credential store and connector settings fit it. */
export interface TokenDeps {
  /** the worker's tenant-scoped DataSource: every activity runs in its client's scope */
  ds: DataSource;
  audit: AuditService;
  /** the credential store itself (rotation writes through it), not the guard's read cache */
  store: CredentialStore;
  connectors: ConnectorSettings;
  alert: (msg: string, fields: Record<string, string>) => void;
  /** the guard's credential cache: a rotated or refused pair is forgotten so the next attempt reads the new one */
  credentials?: { forget(clientId: string, credentialRefId: string): void };
  /** the platform's descriptor (default: the registry's); tests pass a platform of their own */
  platform?: (id: PlatformId) => PlatformDescriptor;
  /** per-platform changes to the refresh window (operators; tests that cannot wait an hour) */
  lifecycles?: Partial<Record<PlatformId, Partial<TokenLifecycle>>>;
  now?: () => Date;
}
