import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { WebhookSubscription, type WebhookDelivery } from '../database/entities';
import type { GuardedFetchOptions } from '../net/guarded-fetch';
import type { SecretsPort } from '../secrets/secrets.port';
import { logger } from '../telemetry/logger';
import { EMPTY_SCOPE, runInTenantScope, withoutDatabaseConnection } from '../tenancy/tenant-scope';
import { nextAttemptAt } from './webhook-backoff';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { DISPATCHER_DEFAULTS, type WebhookDispatcherOptions } from './webhook-dispatcher.options';
import { WebhookOutbox } from './webhook-outbox';
import { subscriptionScope } from './webhook-scope';
import { WebhookSecretStore } from './webhook-secret-store';
import { sendWebhook, type SendResult } from './webhook-sender';
import { signatureHeader } from './webhook-signature';

export interface WebhookDispatcherDeps {
  /** the app role's tenant-scoped DataSource (every query runs in a scope: RLS applies, C-01) */
  ds: DataSource;
  secrets: SecretsPort;
  audit: Pick<AuditService, 'append'>;
  alert: (msg: string, fields: Record<string, string>) => void;
  /** the guarded fetcher's deployment options (fetchOptionsFromEnv); tests add a resolver */
  fetchOptions: GuardedFetchOptions;
  now?: () => Date;
  random?: () => number;
}

interface Claim {
  delivery_id: string;
  subscription_id: string;
  agency_id: string;
  client_id: string | null;
  subscription_client_id: string | null;
}

/**
 * The outbound webhook loop (issue #13), hosted by the worker process beside the engagement lane's Temporal worker
 * (services/worker/lane-workers.ts). Why a loop over a table (SELECT … FOR UPDATE SKIP LOCKED) rather than a
 * Temporal workflow per delivery: a delivery's whole state (attempts, next time, last answer) is what the admin
 * screen shows, so it lives in Postgres anyway; a second copy in workflow histories would add a workflow, a timer
 * and a history per message, and a singleton workflow to pump the audit trail, for no extra guarantee. Durability
 * comes from the rows: the outbox cursor moves with the deliveries it queued, a claimed row carries a lease, and
 * a worker that dies mid-attempt leaves its row to the next one when the lease ends (at least once: receivers
 * deduplicate on `webhook-id`, as Standard Webhooks asks).
 */
export class WebhookDispatcher {
  private readonly o: WebhookDispatcherOptions;
  private readonly outbox = new WebhookOutbox();
  private readonly deliveries = new WebhookDeliveryRepository();
  private readonly secretStore: WebhookSecretStore;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly deps: WebhookDispatcherDeps,
    options: Partial<WebhookDispatcherOptions> = {},
  ) {
    this.o = { ...DISPATCHER_DEFAULTS, ...options };
    this.secretStore = new WebhookSecretStore(deps.secrets);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the round under way (its attempts finish and are recorded). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((err: Error) =>
          logger.warn({ 'raize.operation': 'webhooks.tick', 'error.kind': err.name }, 'webhook round failed'),
        )
        .finally(() => this.schedule(this.o.pollMs));
    }, ms);
  }

  /** One round: queue new events for every subscription, then send what is due. Tests call it directly. */
  async tick(): Promise<void> {
    await this.pumpAll();
    for (let round = 0; round < 10; round++) {
      const claims = await runInTenantScope(this.deps.ds, EMPTY_SCOPE, () =>
        this.deps.ds.query<Claim[]>('SELECT * FROM raize_webhook_claim($1, $2)', [
          this.o.batch,
          Math.ceil(this.o.attemptTimeoutMs / 1000) * 2 + 30,
        ]),
      );
      if (!claims.length) return;
      // One subscription's messages go one after the other, in the order they were queued; subscriptions in parallel.
      const bySubscription = new Map<string, Claim[]>();
      for (const c of claims)
        bySubscription.set(c.subscription_id, [...(bySubscription.get(c.subscription_id) ?? []), c]);
      await Promise.all(
        [...bySubscription.values()].map(async (list) => {
          for (const c of list) await this.deliverSafely(c);
        }),
      );
      if (claims.length < this.o.batch) return;
    }
  }

  private async pumpAll(): Promise<void> {
    const targets = await runInTenantScope(this.deps.ds, EMPTY_SCOPE, () =>
      this.deps.ds.query<{ subscription_id: string; agency_id: string; client_id: string | null }[]>(
        'SELECT * FROM raize_webhook_pump_targets()',
      ),
    );
    for (const t of targets) {
      try {
        const scope = await subscriptionScope(this.deps.ds, { agencyId: t.agency_id, clientId: t.client_id });
        await runInTenantScope(this.deps.ds, scope, async () => {
          const m = this.deps.ds.manager;
          const sub = await m.findOne(WebhookSubscription, { where: { id: t.subscription_id } });
          if (sub?.enabled) await this.outbox.pump(m, sub);
        });
      } catch (err) {
        logger.warn(
          {
            'raize.operation': 'webhooks.pump',
            'raize.webhook_subscription_id': t.subscription_id,
            'error.kind': (err as Error).name,
          },
          'webhook outbox pump failed for a subscription',
        );
      }
    }
  }

  private async deliverSafely(c: Claim): Promise<void> {
    try {
      const scope = await subscriptionScope(this.deps.ds, {
        agencyId: c.agency_id,
        clientId: c.subscription_client_id,
      });
      await runInTenantScope(this.deps.ds, scope, () => this.deliver(c.delivery_id));
    } catch (err) {
      // The lease runs out and another round takes the delivery again.
      logger.warn(
        {
          'raize.operation': 'webhooks.deliver',
          'raize.webhook_delivery_id': c.delivery_id,
          'error.kind': (err as Error).name,
        },
        'webhook delivery round failed',
      );
    }
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async deliver(deliveryId: string): Promise<void> {
    const m = this.deps.ds.manager;
    const d = await this.deliveries.find(m, deliveryId);
    if (!d || d.status !== 'pending') return;
    const sub = await m.findOne(WebhookSubscription, { where: { id: d.subscriptionId } });
    if (!sub || !sub.enabled) {
      await this.deliveries.settle(m, d.id, {
        status: 'failed',
        lockedUntil: null,
        lastError: 'subscription_disabled',
      });
      return;
    }
    const started = this.now();
    const secrets = [await this.secretStore.read(m, sub.secretRefId)];
    if (sub.previousSecretRefId && sub.previousSecretExpiresAt && sub.previousSecretExpiresAt > started)
      secrets.push(await this.secretStore.read(m, sub.previousSecretRefId));
    else if (sub.previousSecretRefId) await this.dropExpiredSecret(m, sub);
    const timestamp = Math.floor(started.getTime() / 1000);
    // The POST may take seconds: the scope's pooled connection goes back meanwhile (C-10).
    const result = await withoutDatabaseConnection(() =>
      sendWebhook({
        url: sub.url,
        body: d.body,
        headers: {
          'webhook-id': d.messageId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureHeader(secrets, d.messageId, timestamp, d.body),
        },
        timeoutMs: this.o.attemptTimeoutMs,
        fetchOptions: this.deps.fetchOptions,
      }),
    );
    await m.transaction((t) => this.record(t, sub, d, started, result));
  }

  private async record(
    t: EntityManager,
    sub: WebhookSubscription,
    d: Pick<WebhookDelivery, 'id' | 'clientId' | 'attempts' | 'roundAttempts'>,
    startedAt: Date,
    r: SendResult,
  ): Promise<void> {
    const [deliveryId, attempt, roundAttempt] = [d.id, d.attempts + 1, d.roundAttempts + 1];
    await this.deliveries.recordAttempt(t, {
      agencyId: sub.agencyId,
      clientId: d.clientId,
      deliveryId,
      attempt,
      startedAt,
      durationMs: r.durationMs,
      statusCode: r.statusCode,
      errorClass: r.errorClass,
      responseSnippet: r.snippet,
    });
    const now = this.now();
    const common = { attempts: attempt, roundAttempts: roundAttempt, lockedUntil: null, lastStatusCode: r.statusCode };
    if (r.errorClass === null) {
      await this.deliveries.settle(t, deliveryId, {
        ...common,
        status: 'delivered',
        deliveredAt: now,
        lastError: null,
      });
      if (sub.failingSince) await t.update(WebhookSubscription, { id: sub.id }, { failingSince: null });
      return;
    }
    // 410 Gone: the receiver says the endpoint is no more; Standard Webhooks asks senders to stop there.
    if (r.statusCode === 410) {
      await this.deliveries.settle(t, deliveryId, { ...common, status: 'failed', lastError: r.errorClass });
      await this.disable(t, sub, 'gone');
      return;
    }
    const next = nextAttemptAt(roundAttempt, now, this.o.retryDelaysSeconds, this.deps.random);
    await this.deliveries.settle(t, deliveryId, {
      ...common,
      status: next ? 'pending' : 'failed',
      nextAttemptAt: next ?? now,
      lastError: r.errorClass,
    });
    const failingSince = sub.failingSince ?? now;
    if (!sub.failingSince) await t.update(WebhookSubscription, { id: sub.id }, { failingSince });
    if (now.getTime() - failingSince.getTime() >= this.o.disableAfterFailingMs) await this.disable(t, sub, 'failing');
  }

  /** Switches a subscription off, audited and alerted once (only the update that actually switched it counts). */
  private async disable(t: EntityManager, sub: WebhookSubscription, reason: 'gone' | 'failing'): Promise<void> {
    const now = this.now();
    const changed = await t.update(
      WebhookSubscription,
      { id: sub.id, enabled: true },
      { enabled: false, disabledReason: reason, disabledAt: now, updatedAt: now },
    );
    if (!changed.affected) return;
    await this.deps.audit.append(
      {
        agencyId: sub.agencyId,
        clientId: sub.clientId,
        actor: 'system:webhooks',
        action: 'webhook.subscription_disabled',
        subjectType: 'webhook_subscription',
        subjectId: sub.id,
        data: { reason, failingSince: sub.failingSince?.toISOString() ?? null },
      },
      t,
    );
    this.deps.alert(
      reason === 'gone'
        ? 'webhook subscription disabled: the receiver answered 410 Gone'
        : 'webhook subscription disabled: its deliveries have failed for too long',
      { clientId: sub.clientId ?? '', agencyId: sub.agencyId, subscriptionId: sub.id, reason },
    );
  }

  /** The 24 h of a rotation are over: the old secret stops signing and leaves the secrets backend. */
  private async dropExpiredSecret(m: EntityManager, sub: WebhookSubscription): Promise<void> {
    const key = await m.transaction(async (t) => {
      const changed = await t.update(
        WebhookSubscription,
        { id: sub.id, previousSecretRefId: sub.previousSecretRefId! },
        { previousSecretRefId: null, previousSecretExpiresAt: null },
      );
      return changed.affected ? this.secretStore.retire(t, sub.previousSecretRefId!) : undefined;
    });
    await this.secretStore.discard(key);
  }
}
