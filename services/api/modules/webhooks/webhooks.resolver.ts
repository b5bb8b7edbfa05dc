import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import {
  CreateWebhookSubscriptionInput,
  RedeliverWebhookInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveriesArgs,
  WebhookSubscriptionRefInput,
  WebhookSubscriptionsArgs,
} from './dtos/webhook.inputs';
import { WebhookDeliveryModel, WebhookSubscriptionModel, WebhookSubscriptionWithSecretModel } from './webhook.models';
import { WebhooksService } from './webhooks.service';

@Resolver()
@UseGuards(ActorGuard)
export class WebhooksResolver {
  constructor(private readonly webhooks: WebhooksService) {}

  @Query(() => [WebhookSubscriptionModel], {
    description: 'A client’s webhook subscriptions (and its agency’s, if you may see them), or an agency’s own',
  })
  webhookSubscriptions(
    @CurrentActor() actor: Actor,
    @Args() args: WebhookSubscriptionsArgs,
  ): Promise<WebhookSubscriptionModel[]> {
    return this.webhooks.list(actor, args);
  }

  @Query(() => [WebhookDeliveryModel], {
    description: 'A subscription’s latest deliveries, newest first, with attempts',
  })
  webhookDeliveries(
    @CurrentActor() actor: Actor,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<WebhookDeliveryModel[]> {
    return this.webhooks.deliveries(actor, args);
  }

  @Mutation(() => WebhookSubscriptionWithSecretModel, { description: 'Subscribes a URL; the secret is shown once' })
  @TokenScope('admin')
  createWebhookSubscription(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionWithSecretModel> {
    return this.webhooks.create(actor, input);
  }

  @Mutation(() => WebhookSubscriptionModel)
  @TokenScope('admin')
  updateWebhookSubscription(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionModel> {
    return this.webhooks.update(actor, input);
  }

  @Mutation(() => Boolean)
  @TokenScope('admin')
  deleteWebhookSubscription(
    @CurrentActor() actor: Actor,
    @Args('input') input: WebhookSubscriptionRefInput,
  ): Promise<boolean> {
    return this.webhooks.delete(actor, input);
  }

  @Mutation(() => WebhookSubscriptionWithSecretModel, {
    description: 'A new secret, shown once; the previous one keeps signing beside it for 24 hours',
  })
  @TokenScope('admin')
  rotateWebhookSecret(
    @CurrentActor() actor: Actor,
    @Args('input') input: WebhookSubscriptionRefInput,
  ): Promise<WebhookSubscriptionWithSecretModel> {
    return this.webhooks.rotate(actor, input);
  }

  @Mutation(() => WebhookDeliveryModel, { description: 'Queues a `webhook.test` message to this subscription' })
  @TokenScope('admin')
  sendTestWebhook(
    @CurrentActor() actor: Actor,
    @Args('input') input: WebhookSubscriptionRefInput,
  ): Promise<WebhookDeliveryModel> {
    return this.webhooks.sendTest(actor, input);
  }

  @Mutation(() => WebhookDeliveryModel, { description: 'Sends a delivery again (same webhook-id), from its first try' })
  @TokenScope('admin')
  redeliverWebhook(
    @CurrentActor() actor: Actor,
    @Args('input') input: RedeliverWebhookInput,
  ): Promise<WebhookDeliveryModel> {
    return this.webhooks.redeliver(actor, input);
  }
}
