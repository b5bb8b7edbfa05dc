import type { AuditService } from '../../services/core/audit/audit.service';
import type { ConnectorSettings } from '../../services/core/connectors/connector.types';
import type { CredentialStore } from '../../services/core/secrets/credential-store';
import type { DataSource } from 'typeorm';
import { createAccountTokensActivities } from './account-tokens.activities';
import type { TokenDeps } from './token.deps';

/**
 * What the publish lane's worker hands the token activities: its LaneDeps fit once they carry the credential store
 * and the connector settings (`credentials` there is the guard's cache, which a rotation must flush).
 */
export interface TokenLaneDeps {
  ds: DataSource;
  audit: AuditService;
  alert: TokenDeps['alert'];
  credentials?: TokenDeps['credentials'];
  credentialStore: CredentialStore;
  connectorSettings: ConnectorSettings;
  tokenLifecycles?: TokenDeps['lifecycles'];
  now?: () => Date;
}

/** The token lifecycle's activities for the publish lane (services/worker/lane-workers.ts registers them). */
export function tokenLaneActivities(deps: TokenLaneDeps) {
  return createAccountTokensActivities({
    ds: deps.ds,
    audit: deps.audit,
    alert: deps.alert,
    credentials: deps.credentials,
    store: deps.credentialStore,
    connectors: deps.connectorSettings,
    lifecycles: deps.tokenLifecycles,
    now: deps.now,
  });
}
