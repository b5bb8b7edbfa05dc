import type { DataSource } from 'typeorm';
import type { AuditService } from '../../services/core/audit/audit.service';
import type { ConnectorSettings } from '../../services/core/connectors/connector.types';
import type { CredentialStore } from '../../services/core/secrets/credential-store';
import type { NeedsReconnectDeps } from '../tokens/mark-needs-reconnect';
import { createAnalyticsActivities } from './analytics.activities';

/** What the planning lane's worker hands the analytics episode (its LaneDeps fit). */
export function analyticsLaneActivities(deps: {
  ds: DataSource;
  audit: AuditService;
  alert: NeedsReconnectDeps['alert'];
  credentials?: NeedsReconnectDeps['credentials'];
  credentialStore: CredentialStore;
  connectorSettings: ConnectorSettings;
}) {
  // Only these: the rest of LaneDeps (policy, writers, providers) is for episodes that act, and this one only reads.
  return createAnalyticsActivities({
    ds: deps.ds,
    audit: deps.audit,
    alert: deps.alert,
    credentials: deps.credentials,
    credentialStore: deps.credentialStore,
    connectorSettings: deps.connectorSettings,
  });
}
