import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { InboundEvent, InboundPollCursor } from '../database/entities';
import type { NewInboundEvent } from './inbound-event.bounds';
import { boundInboundEvent } from './inbound-event.bounds';

/**
 * One query on whatever connection the caller holds: the ingest's own pool (pg, role raize_ingest) or a tenant
 * scope's entity manager (the poll activity, role raize_app). Both reach the same security-definer functions.
 */
export type SqlQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

export const viaManager =
  (m: Pick<EntityManager, 'query'>): SqlQuery =>
  <T>(sql: string, params: unknown[]) =>
    m.query(sql, params) as Promise<T[]>;

interface PgQueryable {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}
export const viaPg =
  (c: PgQueryable): SqlQuery =>
  async <T>(sql: string, params: unknown[]) =>
    (await c.query(sql, params)).rows as T[];

/** A stored event the drainer routed to a connected account: the tenant it now belongs to. */
export interface ClaimedInbound {
  id: string;
  agencyId: string;
  clientId: string;
  platformAccountId: string;
}

/**
 * How far back a connect reaches for its account's unroutable events. A week covers webhooks a platform sent before
 * the operator finished connecting, and a reconnect after a token lapsed over a weekend or a holiday. Older comments
 * are stale to answer automatically (the episode may reply on its own under autonomous reply, weeks after the fan
 * asked), so they stay unroutable.
 */
export const INBOUND_REROUTE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface PollAccount {
  id: string;
  agencyId: string;
  clientId: string;
  platform: string;
}

/**
 * Inbound events (C-31…C-34): the ingest stores them without a tenant through `raize_inbound_store` (the bounds are
 * checked first: one bad row would fail a whole group commit), the drainer claims and routes them, and the engagement
 * episode's activities read them by id, for their own account only, under row-level security.
 */
export class InboundEventsRepository {
  /** Stores a batch in one statement; duplicates of (source, delivery id) are skipped. Returns how many were new. */
  async store(q: SqlQuery, events: readonly NewInboundEvent[]): Promise<number> {
    if (!events.length) return 0;
    const rows = events.map(boundInboundEvent).map((e) => ({
      source: e.source,
      delivery_id: e.deliveryId,
      external_account_id: e.externalAccountId,
      kind: e.kind,
      external_id: e.externalId,
      parent_external_id: e.parentExternalId,
      author_external_id: e.authorExternalId,
      author_handle: e.authorHandle,
      text: e.text,
      occurred_at: e.occurredAt.toISOString(),
      payload: e.payload,
    }));
    const [r] = await q<{ stored: number }>('SELECT raize_inbound_store($1::jsonb) AS stored', [JSON.stringify(rows)]);
    return Number(r?.stored ?? 0);
  }

  /**
   * Claims up to `n` stored rows, oldest first, and routes them (tenant columns written, unknown accounts marked
   * unroutable). Call inside a transaction: the row locks (SKIP LOCKED) hold until it ends.
   */
  async claimForDrain(q: SqlQuery, n: number): Promise<ClaimedInbound[]> {
    const rows = await q<{ id: string; agency_id: string; client_id: string; platform_account_id: string }>(
      'SELECT * FROM raize_inbound_claim($1)',
      [n],
    );
    return rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      clientId: r.client_id,
      platformAccountId: r.platform_account_id,
    }));
  }

  async markDrained(q: SqlQuery, ids: readonly string[]): Promise<number> {
    if (!ids.length) return 0;
    const [r] = await q<{ n: number }>('SELECT raize_inbound_mark_drained($1::uuid[]) AS n', [ids]);
    return Number(r?.n ?? 0);
  }

  /**
   * After a connect or reconnect commits: this account's unroutable events received within the window go back to
   * `stored`, tenant unset, for the drainer to route. Only a connected account in the caller's tenant scope counts
   * (another tenant's id re-queues nothing), and only its own (platform, external id) is matched. Returns how many.
   */
  async requeueUnroutable(q: SqlQuery, o: { platformAccountId: string; windowMs?: number }): Promise<number> {
    const seconds = Math.floor((o.windowMs ?? INBOUND_REROUTE_WINDOW_MS) / 1000);
    const [r] = await q<{ n: number }>('SELECT raize_inbound_reroute($1::uuid, $2::int) AS n', [
      o.platformAccountId,
      seconds,
    ]);
    return Number(r?.n ?? 0);
  }

  /** The connected accounts of these platforms (ids only), across tenants: which accounts to poll. */
  async pollAccounts(q: SqlQuery, platforms: readonly string[]): Promise<PollAccount[]> {
    const rows = await q<{ id: string; agency_id: string; client_id: string; platform: string }>(
      'SELECT * FROM raize_inbound_poll_accounts($1::text[])',
      [platforms],
    );
    return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, clientId: r.client_id, platform: r.platform }));
  }

  /** The events of one account among `ids`, oldest first; another account's or tenant's ids find nothing. */
  findForAccount(
    m: EntityManager,
    q: { clientId: string; platformAccountId: string; ids: readonly string[] },
  ): Promise<InboundEvent[]> {
    if (!q.ids.length) return Promise.resolve([]);
    return m.find(InboundEvent, {
      where: { id: In([...q.ids]), clientId: q.clientId, platformAccountId: q.platformAccountId },
      order: { seq: 'ASC' },
    });
  }

  async readPollCursor(m: EntityManager, platformAccountId: string): Promise<string | null> {
    const row = await m.findOne(InboundPollCursor, { where: { platformAccountId } });
    return row?.cursor ?? null;
  }

  async writePollCursor(
    m: EntityManager,
    c: { agencyId: string; clientId: string; platformAccountId: string; cursor: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO inbound_poll_cursors (platform_account_id, agency_id, client_id, cursor, polled_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (platform_account_id) DO UPDATE SET cursor = EXCLUDED.cursor, polled_at = now()`,
      [c.platformAccountId, c.agencyId, c.clientId, c.cursor],
    );
  }
}
