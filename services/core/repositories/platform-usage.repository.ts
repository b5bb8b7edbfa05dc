import type { EntityManager } from 'typeorm';
import type { PlatformUsage, PlatformUsageUnit } from '../connectors/connector.types';
import { PlatformUsageRecord } from '../database/entities';

/** What platform calls cost on the platforms' own meters, per client (append-only). */
export class PlatformUsageRepository {
  async record(
    m: EntityManager,
    r: {
      agencyId: string;
      clientId: string;
      platformAccountId: string;
      platform: string;
      idempotencyKey: string | null;
      usage: PlatformUsage[];
    },
  ): Promise<void> {
    const rows = r.usage
      .filter((u) => Number.isFinite(u.amount) && u.amount > 0)
      .map((u) =>
        m.create(PlatformUsageRecord, {
          agencyId: r.agencyId,
          clientId: r.clientId,
          platformAccountId: r.platformAccountId,
          platform: r.platform,
          unit: u.unit,
          amount: Math.round(u.amount),
          operation: u.operation.slice(0, 120),
          idempotencyKey: r.idempotencyKey,
        }),
      );
    if (rows.length) await m.insert(PlatformUsageRecord, rows);
  }

  /** One client's spend on a meter since a time (X spend this month). */
  async clientTotalSince(
    m: EntityManager,
    q: { clientId: string; platform: string; unit: PlatformUsageUnit; since: Date },
  ): Promise<number> {
    const rows: { total: string | null }[] = await m.query(
      `SELECT coalesce(sum(amount), 0) AS total FROM platform_usage WHERE client_id = $1 AND platform = $2 AND unit = $3 AND created_at >= $4`,
      [q.clientId, q.platform, q.unit, q.since],
    );
    return Number(rows[0]?.total ?? 0);
  }

  /** The installation's total on a project-wide meter (YouTube units today), across tenants, as a number only. */
  async projectTotalSince(
    m: EntityManager,
    q: { platform: string; unit: PlatformUsageUnit; since: Date },
  ): Promise<number> {
    const rows: { total: string | null }[] = await m.query(`SELECT raize_platform_usage_since($1, $2, $3) AS total`, [
      q.platform,
      q.unit,
      q.since,
    ]);
    return Number(rows[0]?.total ?? 0);
  }
}
