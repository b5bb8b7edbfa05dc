import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { WebhookEventTypeEnum } from './webhook-event-type.enum';

@ObjectType('WebhookSubscription', { description: 'Where a client’s (or an agency’s) lifecycle events are sent' })
export class WebhookSubscriptionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => ID, { nullable: true, description: 'null: every client of the agency' }) clientId!: string | null;
  @Field() url!: string;
  @Field(() => [WebhookEventTypeEnum]) eventTypes!: string[];
  @Field() description!: string;
  @Field() enabled!: boolean;
  @Field(() => String, {
    nullable: true,
    description: '`gone` (410), `failing` (days of failures), `disabled_by_operator`',
  })
  disabledReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'until when the previous secret still signs, after a rotation' })
  previousSecretValidUntil!: Date | null;
  @Field(() => Date, { nullable: true }) failingSince!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType('WebhookSubscriptionWithSecret', { description: 'Shown once: the secret is not readable afterwards' })
export class WebhookSubscriptionWithSecretModel {
  @Field(() => WebhookSubscriptionModel) subscription!: WebhookSubscriptionModel;
  @Field({ description: '`whsec_…`: verify `webhook-signature` with it (Standard Webhooks)' }) secret!: string;
}

@ObjectType('WebhookAttempt', {
  description: 'One attempt of a delivery: never the receiver’s answer beyond a snippet',
})
export class WebhookAttemptModel {
  @Field(() => Int) attempt!: number;
  @Field() startedAt!: Date;
  @Field(() => Int) durationMs!: number;
  @Field(() => Int, { nullable: true }) statusCode!: number | null;
  @Field(() => String, { nullable: true, description: '`http_<code>`, `blocked:<reason>`, `network:<code>`' })
  errorClass!: string | null;
  @Field(() => String, { nullable: true }) responseSnippet!: string | null;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) subscriptionId!: string;
  @Field({ description: 'the `webhook-id` header: the receiver’s idempotency key' }) messageId!: string;
  @Field({ description: 'e.g. `post.published`, or `webhook.test`' }) eventType!: string;
  @Field({ description: '`pending`, `delivered` or `failed`' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'when the next attempt is due, while pending' })
  nextAttemptAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => [WebhookAttemptModel]) attemptLog!: WebhookAttemptModel[];
}
