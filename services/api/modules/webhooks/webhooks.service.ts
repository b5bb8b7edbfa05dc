import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WebhookDelivery, WebhookSubscription } from '../../../core/database/entities';
import { WebhookDeliveryRepository } from '../../../core/webhooks-out/webhook-delivery.repository';
import { WebhookSubscriptionService } from '../../../core/webhooks-out/webhook-subscription.service';
import type { WebhookSecretOwner } from '../../../core/webhooks-out/webhook-secret-store';
import { InvalidWebhookInputError, WebhookTargetRefusedError } from '../../../core/webhooks-out/webhook.errors';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { DATA_SOURCE } from '../../platform/tokens';
import {
  CreateWebhookSubscriptionInput,
  RedeliverWebhookInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveriesArgs,
  WebhookSubscriptionRefInput,
} from './dtos/webhook.inputs';
import { fromEventType, toEventType } from './webhook-event-type.enum';
import type {
  WebhookDeliveryModel,
  WebhookSubscriptionModel,
  WebhookSubscriptionWithSecretModel,
} from './webhook.models';

/** Outbound webhooks (issue #13): every call names its owner and needs webhook.manage on it (Admin, Manager). */
@Injectable()
export class WebhooksService {
  private readonly deliveryRepo = new WebhookDeliveryRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly subs: WebhookSubscriptionService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, q: { clientId?: string; agencyId?: string }): Promise<WebhookSubscriptionModel[]> {
    const owner = await this.owner(actor, q);
    const rows = owner.clientId
      ? await this.subs.listForClient(this.ds.manager, { agencyId: owner.agencyId, clientId: owner.clientId })
      : await this.subs.listForAgency(this.ds.manager, owner.agencyId);
    return rows.map(toModel);
  }

  async create(actor: Actor, input: CreateWebhookSubscriptionInput): Promise<WebhookSubscriptionWithSecretModel> {
    const owner = await this.owner(actor, input);
    const r = await this.mapped(() =>
      this.subs.create(owner, {
        url: input.url,
        eventTypes: input.eventTypes.map(toEventType),
        description: input.description,
        actorId: actor.userId,
      }),
    );
    return { subscription: toModel(r.subscription), secret: r.secret };
  }

  async update(actor: Actor, input: UpdateWebhookSubscriptionInput): Promise<WebhookSubscriptionModel> {
    const owner = await this.owner(actor, input);
    const sub = await this.mapped(() =>
      this.subs.update(
        owner,
        input.subscriptionId,
        {
          url: input.url ?? undefined,
          eventTypes: input.eventTypes?.map(toEventType),
          description: input.description ?? undefined,
          enabled: input.enabled ?? undefined,
        },
        actor.userId,
      ),
    );
    if (!sub) throw notFound('webhook subscription');
    return toModel(sub);
  }

  async delete(actor: Actor, input: WebhookSubscriptionRefInput): Promise<boolean> {
    const owner = await this.owner(actor, input);
    if (!(await this.subs.delete(owner, input.subscriptionId, actor.userId))) throw notFound('webhook subscription');
    return true;
  }

  async rotate(actor: Actor, input: WebhookSubscriptionRefInput): Promise<WebhookSubscriptionWithSecretModel> {
    const owner = await this.owner(actor, input);
    const r = await this.subs.rotateSecret(owner, input.subscriptionId, actor.userId);
    if (!r) throw notFound('webhook subscription');
    return { subscription: toModel(r.subscription), secret: r.secret };
  }

  async sendTest(actor: Actor, input: WebhookSubscriptionRefInput): Promise<WebhookDeliveryModel> {
    const owner = await this.owner(actor, input);
    const id = await this.subs.sendTest(owner, input.subscriptionId);
    if (!id) throw notFound('webhook subscription');
    return this.delivery(id);
  }

  async redeliver(actor: Actor, input: RedeliverWebhookInput): Promise<WebhookDeliveryModel> {
    const owner = await this.owner(actor, input);
    if (!(await this.subs.redeliver(owner, input.deliveryId, actor.userId))) throw notFound('webhook delivery');
    return this.delivery(input.deliveryId);
  }

  async deliveries(actor: Actor, args: WebhookDeliveriesArgs): Promise<WebhookDeliveryModel[]> {
    const owner = await this.owner(actor, args);
    const sub = await this.subs.find(this.ds.manager, owner, args.subscriptionId);
    if (!sub) throw notFound('webhook subscription');
    return this.withAttempts(await this.deliveryRepo.list(this.ds.manager, sub.id, args.limit));
  }

  private async delivery(id: string): Promise<WebhookDeliveryModel> {
    const d = await this.deliveryRepo.find(this.ds.manager, id);
    if (!d) throw notFound('webhook delivery');
    return (await this.withAttempts([d]))[0];
  }

  private async withAttempts(list: WebhookDelivery[]): Promise<WebhookDeliveryModel[]> {
    const attempts = await this.deliveryRepo.attemptsOf(
      this.ds.manager,
      list.map((d) => d.id),
    );
    return list.map((d) => ({
      id: d.id,
      subscriptionId: d.subscriptionId,
      messageId: d.messageId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
      attemptLog: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({
          attempt: a.attempt,
          startedAt: a.startedAt,
          durationMs: a.durationMs,
          statusCode: a.statusCode,
          errorClass: a.errorClass,
          responseSnippet: a.responseSnippet,
        })),
    }));
  }

  /**
   * A client's subscription (its own role decides) or an agency's for all its clients (an agency-level role). Both
   * given: the client's, in that agency; the role is checked before anything about the input is said.
   */
  private async owner(
    actor: Actor,
    q: { clientId?: string | null; agencyId?: string | null },
  ): Promise<WebhookSecretOwner> {
    if (q.clientId) {
      const { client } = await this.access.requireClient(actor, q.clientId, 'webhook.manage');
      if (q.agencyId && q.agencyId !== client.agencyId)
        throw new AppError(AppErrorCode.BadInput, 'the client is not in that agency');
      return { agencyId: client.agencyId, clientId: client.id };
    }
    if (!q.agencyId) throw new AppError(AppErrorCode.BadInput, 'give either clientId or agencyId');
    await this.access.requireAgency(actor, q.agencyId, 'webhook.manage');
    return { agencyId: q.agencyId, clientId: null };
  }

  private async mapped<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof WebhookTargetRefusedError)
        throw new AppError(AppErrorCode.BadInput, err.message, { reason: err.reason });
      if (err instanceof InvalidWebhookInputError) throw new AppError(AppErrorCode.BadInput, err.message);
      throw err;
    }
  }
}

function toModel(s: WebhookSubscription): WebhookSubscriptionModel {
  return {
    id: s.id,
    agencyId: s.agencyId,
    clientId: s.clientId,
    url: s.url,
    eventTypes: s.eventTypes.map(fromEventType),
    description: s.description,
    enabled: s.enabled,
    disabledReason: s.disabledReason,
    previousSecretValidUntil:
      s.previousSecretExpiresAt && s.previousSecretExpiresAt > new Date() ? s.previousSecretExpiresAt : null,
    failingSince: s.failingSince,
    createdAt: s.createdAt,
  };
}
