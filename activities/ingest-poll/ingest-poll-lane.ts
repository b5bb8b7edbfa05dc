import type { DataSource } from 'typeorm';
import type { ConnectorSettings } from '../../services/core/connectors/connector.types';
import type { CredentialStore } from '../../services/core/secrets/credential-store';
import { createIngestPollActivities } from './ingest-poll.activities';

/** What the engagement lane's worker hands the polling ingest (its LaneDeps fit). */
export function ingestPollLaneActivities(deps: {
  ds: DataSource;
  credentialStore: CredentialStore;
  connectorSettings: ConnectorSettings;
}) {
  // Only these three: LaneDeps carries other fields (a Date clock among them) the poll must not pick up.
  return createIngestPollActivities({
    ds: deps.ds,
    credentialStore: deps.credentialStore,
    connectorSettings: deps.connectorSettings,
  });
}
