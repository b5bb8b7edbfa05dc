import type { ConnectorCredential } from '../../services/core/connectors/connector.types';
import type { NewInboundEvent } from '../../services/core/engagement/inbound-event.bounds';

/** How one platform lists an account's new comments, for polling ingest. */
export interface CommentSource {
  /** the comments on the account's recent posts made at or after `since`, the account's own left out */
  commentsSince(o: {
    cred: ConnectorCredential;
    externalAccountId: string;
    since: Date;
    signal?: AbortSignal;
    onProgress?: () => void;
  }): Promise<NewInboundEvent[]>;
}
