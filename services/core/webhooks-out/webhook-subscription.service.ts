import type { DataSource, EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { AuditInput, AuditService } from '../audit/audit.service';
import { WebhookSubscription } from '../database/entities';
import type { GuardedFetchOptions } from '../net/guarded-fetch';
import type { SecretsPort } from '../secrets/secrets.port';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { isWebhookEventType, WEBHOOK_TEST_EVENT, type WebhookEventType } from './webhook-event-types';
import { WebhookSecretStore, type WebhookSecretOwner } from './webhook-secret-store';
import { checkWebhookTarget } from './webhook-target';
import { InvalidWebhookInputError } from './webhook.errors';

/** After a rotation the old secret keeps signing this long, so a receiver can roll its configuration over. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;
const MAX_DESCRIPTION = 200;

export interface WebhookServiceDeps {
  ds: DataSource;
  secrets: SecretsPort;
  audit: Pick<AuditService, 'append'>;
  /** the guarded fetcher's deployment options (fetchOptionsFromEnv), and a resolver in tests */
  fetchOptions: () => GuardedFetchOptions;
  now?: () => Date;
}

export interface SubscriptionChanges {
  url?: string;
  eventTypes?: string[];
  description?: string;
  enabled?: boolean;
}

/** A subscription and, once (at creation or rotation), its new secret in clear. */
export interface WithSecret {
  subscription: WebhookSubscription;
  secret: string;
}

/**
 * Customers' webhook subscriptions (issue #13). Runs in the operator's tenant scope; the API decides who may call
 * (webhook.manage) and names the owner, a client or (clientId null) an agency. The secret is shown once, at
 * creation and at each rotation; nothing here returns it otherwise.
 */
export class WebhookSubscriptionService {
  private readonly secretStore: WebhookSecretStore;
  private readonly deliveries = new WebhookDeliveryRepository();

  constructor(private readonly deps: WebhookServiceDeps) {
    this.secretStore = new WebhookSecretStore(deps.secrets);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async create(
    owner: WebhookSecretOwner,
    input: { url: string; eventTypes: string[]; description?: string; actorId: string },
  ): Promise<WithSecret> {
    const eventTypes = checkedEventTypes(input.eventTypes);
    const description = checkedDescription(input.description ?? '');
    const url = await checkWebhookTarget(input.url, this.deps.fetchOptions());
    let secretKey: string | undefined;
    try {
      return await this.deps.ds.transaction(async (m) => {
        const created = await this.secretStore.create(m, owner);
        secretKey = created.secretKey;
        const now = this.now();
        const sub = await m.save(
          WebhookSubscription,
          m.create(WebhookSubscription, {
            agencyId: owner.agencyId,
            clientId: owner.clientId,
            url,
            eventTypes,
            description,
            enabled: true,
            secretRefId: created.refId,
            createdBy: input.actorId,
            createdAt: now,
            updatedAt: now,
          }),
        );
        await this.audit(m, sub, input.actorId, 'webhook.subscription_created', { eventTypes, host: hostOf(url) });
        return { subscription: sub, secret: created.secret };
      });
    } catch (err) {
      await this.secretStore.discard(secretKey);
      throw err;
    }
  }

  /** The subscription of this owner, or null (another tenant's answers the same as a missing one). */
  find(m: EntityManager, owner: WebhookSecretOwner, id: string): Promise<WebhookSubscription | null> {
    return m.findOne(WebhookSubscription, {
      where: { id, agencyId: owner.agencyId, clientId: owner.clientId ?? IsNull() },
    });
  }

  /** A client's own subscriptions, and its agency's agency-wide ones when the scope may see them (RLS decides). */
  listForClient(m: EntityManager, owner: { agencyId: string; clientId: string }): Promise<WebhookSubscription[]> {
    return m.find(WebhookSubscription, {
      where: [
        { agencyId: owner.agencyId, clientId: owner.clientId },
        { agencyId: owner.agencyId, clientId: IsNull() },
      ],
      order: { createdAt: 'ASC' },
    });
  }

  listForAgency(m: EntityManager, agencyId: string): Promise<WebhookSubscription[]> {
    return m.find(WebhookSubscription, { where: { agencyId, clientId: IsNull() }, order: { createdAt: 'ASC' } });
  }

  async update(
    owner: WebhookSecretOwner,
    id: string,
    changes: SubscriptionChanges,
    actorId: string,
  ): Promise<WebhookSubscription | null> {
    const patch: Partial<WebhookSubscription> = {};
    if (changes.eventTypes !== undefined) patch.eventTypes = checkedEventTypes(changes.eventTypes);
    if (changes.description !== undefined) patch.description = checkedDescription(changes.description);
    if (changes.url !== undefined) patch.url = await checkWebhookTarget(changes.url, this.deps.fetchOptions());
    if (changes.enabled !== undefined) {
      patch.enabled = changes.enabled;
      // Switched back on by a person: the failure clock starts again; switched off: say who did.
      patch.disabledReason = changes.enabled ? null : 'disabled_by_operator';
      patch.disabledAt = changes.enabled ? null : this.now();
      if (changes.enabled) patch.failingSince = null;
    }
    return this.deps.ds.transaction(async (m) => {
      const sub = await this.find(m, owner, id);
      if (!sub) return null;
      Object.assign(sub, patch, { updatedAt: this.now() });
      await m.update(WebhookSubscription, { id: sub.id }, { ...patch, updatedAt: sub.updatedAt });
      await this.audit(m, sub, actorId, 'webhook.subscription_updated', {
        changed: Object.keys(patch).sort(),
        host: hostOf(sub.url),
      });
      return sub;
    });
  }

  async delete(owner: WebhookSecretOwner, id: string, actorId: string): Promise<boolean> {
    const retired: (string | undefined)[] = [];
    const deleted = await this.deps.ds.transaction(async (m) => {
      const sub = await this.find(m, owner, id);
      if (!sub) return false;
      await m.delete(WebhookSubscription, { id: sub.id });
      retired.push(await this.secretStore.retire(m, sub.secretRefId));
      if (sub.previousSecretRefId) retired.push(await this.secretStore.retire(m, sub.previousSecretRefId));
      await this.audit(m, sub, actorId, 'webhook.subscription_deleted', { host: hostOf(sub.url) });
      return true;
    });
    for (const key of retired) await this.secretStore.discard(key);
    return deleted;
  }

  /**
   * A new secret signs from now on; the current one keeps signing beside it for 24 hours (deliveries carry both
   * `v1,` signatures). A secret older than that, still kept from an earlier rotation, goes now.
   */
  async rotateSecret(owner: WebhookSecretOwner, id: string, actorId: string): Promise<WithSecret | null> {
    let newKey: string | undefined;
    let dropped: string | undefined;
    try {
      const result = await this.deps.ds.transaction(async (m) => {
        const sub = await m.findOne(WebhookSubscription, {
          where: { id, agencyId: owner.agencyId, clientId: owner.clientId ?? IsNull() },
          lock: { mode: 'pessimistic_write' },
        });
        if (!sub) return null;
        const created = await this.secretStore.create(m, owner);
        newKey = created.secretKey;
        if (sub.previousSecretRefId) dropped = await this.secretStore.retire(m, sub.previousSecretRefId);
        const now = this.now();
        const patch = {
          secretRefId: created.refId,
          previousSecretRefId: sub.secretRefId,
          previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
          updatedAt: now,
        };
        await m.update(WebhookSubscription, { id: sub.id }, patch);
        Object.assign(sub, patch);
        await this.audit(m, sub, actorId, 'webhook.secret_rotated', {
          previousValidUntil: patch.previousSecretExpiresAt.toISOString(),
        });
        return { subscription: sub, secret: created.secret };
      });
      await this.secretStore.discard(dropped);
      return result;
    } catch (err) {
      await this.secretStore.discard(newKey);
      throw err;
    }
  }

  /** Queues a `webhook.test` message to this subscription alone, through the same sender and log as any event. */
  async sendTest(owner: WebhookSecretOwner, id: string): Promise<string | null> {
    return this.deps.ds.transaction(async (m) => {
      const sub = await this.find(m, owner, id);
      if (!sub) return null;
      return this.deliveries.enqueue(m, {
        agencyId: sub.agencyId,
        clientId: sub.clientId,
        subscriptionId: sub.id,
        auditEventId: null,
        payload: {
          type: WEBHOOK_TEST_EVENT,
          timestamp: this.now().toISOString(),
          data: { subscriptionId: sub.id, ...(sub.clientId ? { clientId: sub.clientId } : { agencyId: sub.agencyId }) },
        },
      });
    });
  }

  /** Sends a delivery of this subscription again (same message id), from the start of the retry schedule. */
  async redeliver(owner: WebhookSecretOwner, deliveryId: string, actorId: string): Promise<boolean> {
    return this.deps.ds.transaction(async (m) => {
      const d = await this.deliveries.find(m, deliveryId);
      const sub = d ? await this.find(m, owner, d.subscriptionId) : null;
      if (!d || !sub) return false;
      await this.deliveries.redeliver(m, d.id, this.now());
      await this.audit(m, sub, actorId, 'webhook.redelivered', { deliveryId: d.id, eventType: d.eventType });
      return true;
    });
  }

  private audit(
    m: EntityManager,
    sub: WebhookSubscription,
    actorId: string,
    action: AuditInput['action'],
    data: Record<string, unknown>,
  ) {
    return this.deps.audit.append(
      {
        agencyId: sub.agencyId,
        clientId: sub.clientId,
        actor: `user:${actorId}`,
        action,
        subjectType: 'webhook_subscription',
        subjectId: sub.id,
        data,
      },
      m,
    );
  }
}

function checkedEventTypes(types: string[]): WebhookEventType[] {
  const unique = [...new Set(types)];
  if (!unique.length) throw new InvalidWebhookInputError('subscribe to at least one event type');
  const unknown = unique.filter((t) => !isWebhookEventType(t));
  if (unknown.length) throw new InvalidWebhookInputError(`unknown event type(s): ${unknown.join(', ').slice(0, 200)}`);
  return (unique as WebhookEventType[]).sort();
}

function checkedDescription(d: string): string {
  const t = d.trim();
  if (t.length > MAX_DESCRIPTION)
    throw new InvalidWebhookInputError(`the description is too long (${MAX_DESCRIPTION} characters at most)`);
  return t;
}

/** The audit trail names the host only: a URL's path and query are where receivers put their own tokens. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
