import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { WebhookAttempt, WebhookDelivery } from '../database/entities';
import type { WebhookPayload } from './webhook-payload';

export interface NewDelivery {
  agencyId: string;
  clientId: string | null;
  subscriptionId: string;
  auditEventId: string | null;
  payload: WebhookPayload;
}

/** Deliveries and their attempt log; every call runs in the caller's tenant scope (RLS). */
export class WebhookDeliveryRepository {
  /**
   * Queues one message; the same audit event for the same subscription is queued once (a second pump, on another
   * worker or after a restart, inserts nothing). The message id is the receiver's idempotency key.
   */
  async enqueue(m: EntityManager, d: NewDelivery): Promise<string | null> {
    const id = randomUUID();
    const rows: { id: string }[] = await m.query(
      `INSERT INTO webhook_deliveries (id, agency_id, client_id, subscription_id, message_id, event_type, audit_event_id, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (subscription_id, audit_event_id) DO NOTHING RETURNING id`,
      [
        id,
        d.agencyId,
        d.clientId,
        d.subscriptionId,
        `msg_${id.replace(/-/g, '')}`,
        d.payload.type,
        d.auditEventId,
        JSON.stringify(d.payload),
      ],
    );
    return rows[0]?.id ?? null;
  }

  find(m: EntityManager, id: string): Promise<WebhookDelivery | null> {
    return m.findOne(WebhookDelivery, { where: { id } });
  }

  list(m: EntityManager, subscriptionId: string, limit: number): Promise<WebhookDelivery[]> {
    return m.find(WebhookDelivery, { where: { subscriptionId }, order: { createdAt: 'DESC' }, take: limit });
  }

  attemptsOf(m: EntityManager, deliveryIds: string[]): Promise<WebhookAttempt[]> {
    if (!deliveryIds.length) return Promise.resolve([]);
    return m.find(WebhookAttempt, { where: { deliveryId: In(deliveryIds) }, order: { attempt: 'ASC' } });
  }

  async recordAttempt(m: EntityManager, a: Omit<WebhookAttempt, 'id'>): Promise<void> {
    await m.insert(WebhookAttempt, a);
  }

  async settle(m: EntityManager, id: string, patch: Partial<WebhookDelivery>): Promise<void> {
    await m.update(WebhookDelivery, { id }, patch);
  }

  /** Sends the same message again from the start of the schedule (a delivered one too: the receiver asked). */
  async redeliver(m: EntityManager, id: string, now: Date): Promise<boolean> {
    const r = await m.update(
      WebhookDelivery,
      { id },
      { status: 'pending', roundAttempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null },
    );
    return (r.affected ?? 0) > 0;
  }
}
