/**
 * The lifecycle events a customer may subscribe to (issue #13), as the receiver sees them in `type`. Defined once
 * here; the API exposes them as a GraphQL enum. `webhook.test` is what "send a test event" sends: it is not
 * subscribable and reaches one subscription only.
 */
export const WEBHOOK_EVENT_TYPES = [
  'post.scheduled',
  'post.approved',
  'post.published',
  'post.failed',
  'post.unverified',
  // a later re-check found the published post removed, edited or under another author (issue #15)
  'post.receipt_broken',
  'reply.sent',
  'account.needs_reconnect',
  'account.quarantined',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_TEST_EVENT = 'webhook.test';

export function isWebhookEventType(v: string): v is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(v);
}
