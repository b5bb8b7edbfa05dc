import { registerEnumType } from '@nestjs/graphql';
import { WEBHOOK_EVENT_TYPES } from '../../../core/webhooks-out/webhook-event-types';

/** GraphQL enum names cannot hold dots: `post.scheduled` is `post_scheduled` on the wire, mapped back here. */
export const WebhookEventTypeEnum = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((t) => [t.replace('.', '_'), t.replace('.', '_')]),
) as Record<string, string>;

registerEnumType(WebhookEventTypeEnum, {
  name: 'WebhookEventType',
  description: 'A lifecycle event a webhook subscription can receive (`post_scheduled` is sent as `post.scheduled`)',
});

export const toEventType = (e: string): string => e.replace('_', '.');
export const fromEventType = (t: string): string => t.replace('.', '_');
