import type { EntityManager } from 'typeorm';
import { chainKeyFor } from '../audit/audit-hash';
import type { WebhookSubscription } from '../database/entities';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { webhookData, webhookEventFor, type OutboxAuditEvent } from './webhook-payload';

/**
 * The outbox is the audit trail itself, read with a cursor per (subscription, client chain). Why not a table of its
 * own written beside each event: every lifecycle event is already audited in the transaction that makes it true
 * (publish-job.repository.ts, schedule-publish.ts, the guard, the token lifecycle), so reading the trail needs no
 * emitter to change and cannot miss one that forgets. It is also lossless: within one chain `seq` is handed out
 * under a transaction-level advisory lock held until commit (AuditService.lockHead), so a chain's rows become
 * visible in `seq` order with no gaps, and "everything after the last seq read" never skips a late commit (an
 * `id` cursor would). The cursor moves in the same transaction as the deliveries it produced, so a crash or restart
 * replays from the last commit, and the (subscription, audit event) key keeps a replay from queueing twice.
 */
export class WebhookOutbox {
  private readonly deliveries = new WebhookDeliveryRepository();

  constructor(private readonly opts: { batch?: number } = {}) {}

  /** Queues what happened since the cursor for one subscription; runs in the subscription's scope. */
  async pump(m: EntityManager, sub: WebhookSubscription): Promise<number> {
    const clients = sub.clientId
      ? [sub.clientId]
      : (
          await m.query<{ id: string }[]>('SELECT id FROM clients WHERE agency_id = $1 ORDER BY id', [sub.agencyId])
        ).map((r) => r.id);
    let queued = 0;
    for (const clientId of clients) queued += await this.pumpClient(m, sub, clientId);
    return queued;
  }

  private async pumpClient(m: EntityManager, sub: WebhookSubscription, clientId: string): Promise<number> {
    const chainKey = chainKeyFor(null, clientId);
    return m.transaction(async (t) => {
      // One pump per subscription at a time across workers; another worker busy with it is simply skipped.
      const [{ locked }]: { locked: boolean }[] = await t.query(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [`webhook-pump:${sub.id}:${clientId}`],
      );
      if (!locked) return 0;
      const after = await this.cursor(t, sub, clientId, chainKey);
      const rows: (Omit<OutboxAuditEvent, 'createdAt'> & { createdAt: Date })[] = await t.query(
        `SELECT id::text AS id, seq::text AS seq, agency_id AS "agencyId", client_id AS "clientId", action,
                subject_type AS "subjectType", subject_id AS "subjectId", data, created_at AS "createdAt"
         FROM audit_events WHERE chain_key = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [chainKey, after, this.opts.batch ?? 500],
      );
      if (!rows.length) return 0;
      let queued = 0;
      for (const e of rows) {
        const type = webhookEventFor(e);
        if (!type || !sub.eventTypes.includes(type)) continue;
        // Tenant isolation beyond RLS: a row of another client never feeds this subscription.
        if (e.clientId !== clientId || (sub.clientId && e.clientId !== sub.clientId) || e.agencyId !== sub.agencyId)
          continue;
        const id = await this.deliveries.enqueue(t, {
          agencyId: sub.agencyId,
          clientId,
          subscriptionId: sub.id,
          auditEventId: e.id,
          payload: { type, timestamp: new Date(e.createdAt).toISOString(), data: await webhookData(t, type, e) },
        });
        if (id) queued++;
      }
      await t.query(
        'UPDATE webhook_cursors SET last_seq = $3, updated_at = now() WHERE subscription_id = $1 AND client_id = $2',
        [sub.id, clientId, rows[rows.length - 1].seq],
      );
      return queued;
    });
  }

  /**
   * The last seq read for this chain. A chain seen for the first time starts after the last event older than the
   * subscription: a new subscription receives what happens from its creation on, not the client's history.
   */
  private async cursor(
    m: EntityManager,
    sub: WebhookSubscription,
    clientId: string,
    chainKey: string,
  ): Promise<string> {
    const found: { last_seq: string }[] = await m.query(
      'SELECT last_seq::text AS last_seq FROM webhook_cursors WHERE subscription_id = $1 AND client_id = $2',
      [sub.id, clientId],
    );
    if (found[0]) return found[0].last_seq;
    const [{ start }]: { start: string }[] = await m.query(
      'SELECT coalesce(max(seq), 0)::text AS start FROM audit_events WHERE chain_key = $1 AND created_at < $2',
      [chainKey, sub.createdAt],
    );
    await m.query(
      `INSERT INTO webhook_cursors (subscription_id, agency_id, client_id, last_seq) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subscription_id, client_id) DO NOTHING`,
      [sub.id, sub.agencyId, clientId, start],
    );
    return start;
  }
}
