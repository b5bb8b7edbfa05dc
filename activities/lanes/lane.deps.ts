import type { Client as TemporalClient } from '@temporalio/client';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import type { PublishWorkflowOptions } from '../../workflows/contracts/publish.contract';
import type { ReceiptRecheckOptions } from '../../workflows/contracts/receipts.contract';
import type { ProviderGateway } from '../../services/core/providers/provider-gateway.port';
import type { ToolClient } from '../../services/core/gateway/tool-client.port';
import type { GuardDeps } from '../guard/guard.deps';
import type { ConnectorSettings } from '../../services/core/connectors/connector.types';
import type { CredentialStore } from '../../services/core/secrets/credential-store';
import type { SecretsPort } from '../../services/core/secrets/secrets.port';
import type { MailPort } from '../../services/core/mail/mail.port';

/**
 * What a worker process builds once and hands every lane's activities: the guard's dependencies, plus what the
 * planning, creation and engagement episodes need (the tool gateway's client, the artifact store, a Temporal client to start the
 * publishing episode from an approved item, and the lanes' task queues).
 */
export interface LaneDeps extends GuardDeps {
  artifacts: ArtifactStore;
  /** video and avatar renders only (polled renders, not agent tools); every AI step's tools go through `tools` */
  providers: ProviderGateway;
  /** the planning, creation and engagement steps' one way to their tools: the MCP tool gateway (issue #16) */
  tools: ToolClient;
  temporal: TemporalClient;
  /** engagement: where a verified post's receipt episode starts (issue #15); absent: temporal.yaml's */
  taskQueues: { publish: string; creation: string; engagement?: string };
  publishOptions: PublishWorkflowOptions;
  /** the receipt episodes' options (tests shorten the schedule); absent: the real schedule */
  receiptOptions?: ReceiptRecheckOptions;
  /** the token lifecycle's: the secrets-backed store it rotates pairs in, and where each platform is */
  credentialStore: CredentialStore;
  connectorSettings: ConnectorSettings;
  /** the secrets backend, for the outbound webhook loop's signing secrets (read at the moment of signing, C-11) */
  secrets?: SecretsPort;
  /** how reports are mailed (services/core/mail); absent: reports are made but not mailed */
  mail?: MailPort;
  /** the API's public origin (API_PUBLIC_URL), where a report's read-only link `/r/<token>` answers */
  publicUrl?: string;
}
