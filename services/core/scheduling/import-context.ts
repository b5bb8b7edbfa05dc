import type { EntityManager } from 'typeorm';
import { ClientPolicySettings, PlatformAccount, QueueSlot } from '../database/entities';
import type { ImportPlanContext, MediaCheck } from './import-plan';
import { nextFreeSlots } from './next-free-slots';
import { platformRules } from './platform-rules';
import { SLOT_RELEASING_STATUSES } from './slot-statuses';
import { IMPORT_LIMITS } from './import-limits';

export interface ImportClient {
  id: string;
  agencyId: string;
  timezone: string;
}

/**
 * The planner's view of one client, read through the caller's tenant-scoped manager: its accounts, policy
 * settings, which accounts have queue slots, and (lazily) free slots and posts per day. Every query names the
 * client as well as row-level security does (C-01, C-05).
 */
export async function loadImportContext(
  m: EntityManager,
  client: ImportClient,
  deps: { checkMediaUrl(url: string): Promise<MediaCheck>; now?: Date },
): Promise<ImportPlanContext> {
  const accounts = await m.find(PlatformAccount, { where: { clientId: client.id }, order: { connectedAt: 'ASC' } });
  const settings = await m.findOne(ClientPolicySettings, { where: { clientId: client.id } });
  const slotted: { platform_account_id: string }[] = await m
    .createQueryBuilder(QueueSlot, 's')
    .select('DISTINCT s.platform_account_id', 'platform_account_id')
    .where('s.client_id = :c', { c: client.id })
    .getRawMany();
  return {
    clientId: client.id,
    timezone: client.timezone,
    now: deps.now ?? new Date(),
    accounts: accounts.map((a) => ({
      id: a.id,
      platform: a.platform,
      handle: a.handle,
      status: a.status,
      label: `${a.platform}:@${a.handle.replace(/^@/, '')}`,
    })),
    accountsWithSlots: new Set(slotted.map((s) => s.platform_account_id)),
    enabledPlatforms: settings?.enabledPlatforms ?? [],
    // No settings row: no caps known here; the guard still applies the policy's own when the post is due.
    caps: settings?.caps ?? [],
    platformRules,
    checkMediaUrl: deps.checkMediaUrl,
    freeSlots: (q) =>
      nextFreeSlots(m, {
        clientId: client.id,
        accountId: q.accountId,
        after: q.after,
        count: q.count,
        timezone: client.timezone,
        exclude: q.exclude,
        searchDays: IMPORT_LIMITS.slotSearchDays,
      }),
    scheduledPerDay: async ({ from, to }) => {
      const rows: { account_id: string; day: string; n: number }[] = await m.query(
        `SELECT platform_account_id AS account_id, to_char(scheduled_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day,
                count(*)::int AS n
           FROM publish_jobs
          WHERE client_id = $1 AND scheduled_at >= $3 AND scheduled_at < $4 AND status <> ALL ($5::text[])
          GROUP BY 1, 2`,
        [client.id, client.timezone, from, to, SLOT_RELEASING_STATUSES],
      );
      return rows.map((r) => ({ accountId: r.account_id, day: r.day, count: r.n }));
    },
  };
}
