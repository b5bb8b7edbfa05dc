import type { FetchBlockedReason } from '../net/guarded-fetch';

/** Input an operator can correct (event types, description, URL syntax). The message never carries a secret. */
export class InvalidWebhookInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidWebhookInputError';
  }
}

/** The guarded fetcher refused the target (C-35): private address, scheme, credentials in the URL, DNS. */
export class WebhookTargetRefusedError extends Error {
  constructor(readonly reason: FetchBlockedReason) {
    super(`the webhook URL is refused (${reason})`);
    this.name = 'WebhookTargetRefusedError';
  }
}
