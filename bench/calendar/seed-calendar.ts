import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import type { SecretsPort } from '../../services/core/secrets/secrets.port';
import { assetChecksum } from '../../services/core/util/asset-checksum';

export interface CalendarTenant {
  agencyId: string;
  clientId: string;
  userId: string;
  accountIds: string[];
  assetId: string;
  timezone: string;
}

/**
 * A client with a Publisher, platform accounts and one text asset, written straight to the database (as the
 * migration owner): the calendar reads rows, so nothing about how they were connected matters here.
 */
export async function seedCalendarTenant(
  ds: DataSource,
  opts: { timezone: string; accounts?: number; secrets?: SecretsPort },
): Promise<CalendarTenant> {
  const tag = randomUUID().slice(0, 8);
  const boot = new TenantBootstrap(ds, opts.secrets);
  const agency = await boot.createAgency(`Calendar agency ${tag}`);
  const client = await boot.createClient(agency.id, `Calendar client ${tag}`, opts.timezone);
  const user = await boot.createUser(`calendar-${tag}@example.test`, `Calendar ${tag}`);
  await boot.grant(user.id, agency.id, 'Publisher');
  const accountIds: string[] = [];
  for (let i = 0; i < (opts.accounts ?? 1); i++) {
    const [a] = await ds.query<{ id: string }[]>(
      `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
       VALUES ($1, $2, 'sandbox', $3, $4, $5) RETURNING id`,
      [agency.id, client.id, `ext-${tag}-${i}`, `brand_${tag}_${i}`, `fp-${tag}-${i}`],
    );
    accountIds.push(a.id);
  }
  const text = `Calendar post ${tag}`;
  const [asset] = await ds.query<{ id: string }[]>(
    `INSERT INTO assets (agency_id, client_id, kind, text, checksum, author_id) VALUES ($1, $2, 'text', $3, $4, $5) RETURNING id`,
    [agency.id, client.id, text, assetChecksum({ text }), user.id],
  );
  return {
    agencyId: agency.id,
    clientId: client.id,
    userId: user.id,
    accountIds,
    assetId: asset.id,
    timezone: opts.timezone,
  };
}

export interface SeedPostsOptions {
  /** the first post's time */
  start: Date;
  count: number;
  /** milliseconds between consecutive posts (0: all at the same instant) */
  spacingMs: number;
  /** every n-th post waits for an approval (0: none) */
  awaitingEvery?: number;
  /** every n-th post has an approval recorded (0: none) */
  approvedEvery?: number;
}

/**
 * Scheduled posts in one INSERT … SELECT over generate_series: 10,000 rows in well under a second. Their payloads
 * are placeholders and no workflow runs for them; the calendar and the approvals queue only read the rows.
 */
export async function seedScheduledPosts(ds: DataSource, t: CalendarTenant, o: SeedPostsOptions): Promise<string[]> {
  const batch = randomUUID().slice(0, 8);
  const rows = await ds.query<{ id: string }[]>(
    `INSERT INTO publish_jobs (agency_id, client_id, platform_account_id, asset_id, asset_checksum, payload,
                               idempotency_key, scheduled_at, timezone, status, workflow_id, created_by)
     SELECT $1, $2, ($3::uuid[])[1 + (g % array_length($3::uuid[], 1))], $4, 'seed', '{}'::jsonb,
            'seed-' || $5 || '-' || g,
            $6::timestamptz + (g * $7::bigint) * interval '1 millisecond',
            $8,
            CASE WHEN $9 > 0 AND g % $9 = 0 THEN 'awaiting_approval' ELSE 'scheduled' END,
            'seed-' || $5 || '-' || g, $10
       FROM generate_series(0, $11 - 1) g
     RETURNING id`,
    [
      t.agencyId,
      t.clientId,
      t.accountIds,
      t.assetId,
      batch,
      o.start,
      o.spacingMs,
      t.timezone,
      o.awaitingEvery ?? 0,
      t.userId,
      o.count,
    ],
  );
  if (o.approvedEvery)
    await ds.query(
      `INSERT INTO approvals (agency_id, client_id, publish_job_id, approver_id, role, decision, asset_checksum)
       SELECT j.agency_id, j.client_id, j.id, $2, 'Manager', 'approved', 'seed'
         FROM publish_jobs j WHERE j.client_id = $1 AND j.idempotency_key LIKE $3
          AND (hashtext(j.id::text) % $4) = 0`,
      [t.clientId, t.userId, `seed-${batch}-%`, o.approvedEvery],
    );
  return rows.map((r) => r.id);
}
