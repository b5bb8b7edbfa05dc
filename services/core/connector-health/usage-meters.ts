import type { EntityManager } from 'typeorm';
import type { QuotaMeter } from '../connectors/connector.types';

const DAY_MS = 86_400_000;

/** An account's place in the usage tables, with the meters its last standing reported. */
export interface MeteredAccount {
  clientId: string;
  platform: string;
  platformName: string;
  storedQuotas: QuotaMeter[];
}

export interface UsageMeterOptions {
  now: Date;
  /** the project's daily quota on the platform's meter, when configured (PlatformSettings.dailyQuota) */
  dailyQuotaOf: (platform: string) => number | undefined;
}

const monthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
const nextMonthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));

/**
 * The window of a daily project quota: the one the last standing reported (its reset time), rolled forward by whole
 * days if that reset has passed since; without one, the last 24 hours. Platforms reset in their own time zone (YouTube
 * at Pacific midnight), which only the connector knows: so the connector's meter gives the window.
 */
export function quotaWindow(stored: QuotaMeter | undefined, now: Date): { since: Date; resetsAt: Date | null } {
  const reported = stored?.resetsAt ? Date.parse(stored.resetsAt) : NaN;
  if (Number.isNaN(reported)) return { since: new Date(now.getTime() - DAY_MS), resetsAt: null };
  const behind = Math.max(0, Math.floor((now.getTime() - reported) / DAY_MS) + 1);
  const resetsAt = reported > now.getTime() ? reported : reported + behind * DAY_MS;
  return { since: new Date(resetsAt - DAY_MS), resetsAt: new Date(resetsAt) };
}

/**
 * Meters computed from what Raize recorded itself (platform_usage), fresher than the last standing: what a client
 * spent on the platform this month (X bills per call), and the units the whole installation used of a project quota
 * today (YouTube counts per Google project, across every tenant: read through a function that returns only the sum).
 * A platform gets a meter for a unit only when it has metered that unit (recorded usage, or a reported meter).
 */
export class UsageMeters {
  private spend = new Map<string, number>();
  private units = new Map<string, { used: number; since: Date; resetsAt: Date | null }>();

  private constructor(private readonly opts: UsageMeterOptions) {}

  static async load(m: EntityManager, accounts: MeteredAccount[], opts: UsageMeterOptions): Promise<UsageMeters> {
    const meters = new UsageMeters(opts);
    const clientIds = [...new Set(accounts.map((a) => a.clientId))];
    if (!clientIds.length) return meters;
    const rows: { client_id: string; platform: string; unit: string; total: string | null }[] = await m.query(
      `SELECT client_id, platform, unit, sum(amount) FILTER (WHERE created_at >= $2)::bigint AS total
       FROM platform_usage WHERE client_id = ANY ($1::uuid[]) AND unit IN ('usd_micros', 'quota_units')
       GROUP BY client_id, platform, unit`,
      [clientIds, monthStart(opts.now)],
    );
    for (const r of rows.filter((r) => r.unit === 'usd_micros'))
      meters.spend.set(`${r.client_id}:${r.platform}`, Number(r.total ?? 0));
    const unitPlatforms = new Set([
      ...rows.filter((r) => r.unit === 'quota_units').map((r) => r.platform),
      ...accounts.filter((a) => a.storedQuotas.some((q) => q.unit === 'quota_units')).map((a) => a.platform),
    ]);
    for (const platform of unitPlatforms) {
      const stored = accounts
        .find((a) => a.platform === platform && a.storedQuotas.some((q) => q.unit === 'quota_units'))
        ?.storedQuotas.find((q) => q.unit === 'quota_units');
      const window = quotaWindow(stored, opts.now);
      const [row]: { used: string }[] = await m.query(
        `SELECT raize_platform_usage_since($1, 'quota_units', $2) AS used`,
        [platform, window.since],
      );
      meters.units.set(platform, { used: Number(row?.used ?? 0), ...window });
    }
    return meters;
  }

  /** The account's meters: the standing's, with the ones Raize computes itself in place of the same unit's. */
  metersFor(a: MeteredAccount): QuotaMeter[] {
    const computed: QuotaMeter[] = [];
    const spent = this.spend.get(`${a.clientId}:${a.platform}`);
    const storedUsd = a.storedQuotas.find((q) => q.unit === 'usd');
    if (spent !== undefined || storedUsd)
      computed.push({
        id: storedUsd?.id ?? `${a.platform}.spend_month`,
        label: `Spent on ${a.platformName} API calls this month (this client)`,
        used: Math.round(spent ?? 0) / 1_000_000,
        limit: storedUsd?.limit ?? null,
        unit: 'usd',
        resetsAt: nextMonthStart(this.opts.now).toISOString(),
      });
    const units = this.units.get(a.platform);
    const storedUnits = a.storedQuotas.find((q) => q.unit === 'quota_units');
    if (units)
      computed.push({
        id: storedUnits?.id ?? `${a.platform}.units_24h`,
        label:
          storedUnits?.label ??
          `${a.platformName} API units used in the last 24 hours (whole installation, every client)`,
        used: units.used,
        limit: storedUnits?.limit ?? this.opts.dailyQuotaOf(a.platform) ?? null,
        unit: 'quota_units',
        ...(units.resetsAt ? { resetsAt: units.resetsAt.toISOString() } : {}),
      });
    const replaced = new Set(computed.map((q) => q.unit));
    return [...a.storedQuotas.filter((q) => !replaced.has(q.unit)), ...computed];
  }
}
