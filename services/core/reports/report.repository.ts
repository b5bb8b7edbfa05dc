import type { EntityManager } from 'typeorm';
import type { ReportStatus, ReportTrigger } from '../../../workflows/contracts/vocabulary/report-status';
import type { ReportPeriod } from './report-period';

type Sql = Pick<EntityManager, 'query'>;

/** A report row as the API and the episode read it (dates as `YYYY-MM-DD`, the figures still unchecked jsonb). */
export interface ReportRow {
  id: string;
  agencyId: string;
  clientId: string;
  period: ReportPeriod;
  status: ReportStatus;
  trigger: ReportTrigger;
  workflowId: string;
  artifactKey: string | null;
  figures: unknown;
  error: string | null;
  emailedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReportLinkRow {
  id: string;
  reportId: string;
  agencyId: string;
  clientId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface ReportScheduleRow {
  clientId: string;
  agencyId: string;
  enabled: boolean;
  recipients: string[];
  dayOfMonth: number;
  timezone: string;
  updatedBy: string | null;
  updatedAt: Date;
}

/**
 * The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers UPDATE and DELETE with `[rows, rowCount]`
 * where every other statement gets the rows alone.
 */
async function updated<T>(m: Sql, sql: string, params: unknown[]): Promise<T[]> {
  const raw = (await m.query(sql, params)) as unknown[];
  return (Array.isArray(raw[0]) ? raw[0] : raw) as T[];
}

const REPORT_COLUMNS = `id, agency_id, client_id, to_char(period_start, 'YYYY-MM-DD') AS period_start,
  to_char(period_end, 'YYYY-MM-DD') AS period_end, status, trigger, workflow_id, artifact_key, figures, error,
  emailed_at, created_by, created_at, updated_at`;
const LINK_COLUMNS = 'id, report_id, agency_id, client_id, expires_at, revoked_at, created_by, created_at';

interface RawReport {
  id: string;
  agency_id: string;
  client_id: string;
  period_start: string;
  period_end: string;
  status: ReportStatus;
  trigger: ReportTrigger;
  workflow_id: string;
  artifact_key: string | null;
  figures: unknown;
  error: string | null;
  emailed_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

interface RawLink {
  id: string;
  report_id: string;
  agency_id: string;
  client_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

const toReport = (r: RawReport): ReportRow => ({
  id: r.id,
  agencyId: r.agency_id,
  clientId: r.client_id,
  period: { start: r.period_start, end: r.period_end },
  status: r.status,
  trigger: r.trigger,
  workflowId: r.workflow_id,
  artifactKey: r.artifact_key,
  figures: r.figures,
  error: r.error,
  emailedAt: r.emailed_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toLink = (r: RawLink): ReportLinkRow => ({
  id: r.id,
  reportId: r.report_id,
  agencyId: r.agency_id,
  clientId: r.client_id,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/**
 * Reports, their read-only links and the monthly delivery settings. Callers run in a tenant scope (C-01): RLS
 * decides what is visible, and every statement names the client as well (C-05), so a row of another client is
 * found nowhere, not even by a guessed id.
 */
export class ReportRepository {
  async create(
    m: Sql,
    r: {
      /** the API names the row up front (its workflow id embeds it); the Schedule's runs let the database pick */
      id?: string;
      agencyId: string;
      clientId: string;
      period: ReportPeriod;
      trigger: ReportTrigger;
      workflowId: string;
      createdBy: string | null;
    },
  ): Promise<ReportRow> {
    const rows = (await m.query(
      `INSERT INTO reports (id, agency_id, client_id, period_start, period_end, trigger, workflow_id, created_by)
       VALUES (coalesce($8::uuid, gen_random_uuid()), $1, $2, $3::date, $4::date, $5, $6, $7)
       ON CONFLICT (workflow_id) DO NOTHING RETURNING ${REPORT_COLUMNS}`,
      [r.agencyId, r.clientId, r.period.start, r.period.end, r.trigger, r.workflowId, r.createdBy, r.id ?? null],
    )) as RawReport[];
    if (rows[0]) return toReport(rows[0]);
    // The episode's retried open: the row its first attempt made (same workflow id), as it is.
    const existing = await this.byWorkflowId(m, r.clientId, r.workflowId);
    if (!existing) throw new Error('a report with this workflow id belongs to another client');
    return existing;
  }

  async byWorkflowId(m: Sql, clientId: string, workflowId: string): Promise<ReportRow | null> {
    const rows = (await m.query(`SELECT ${REPORT_COLUMNS} FROM reports WHERE client_id = $1 AND workflow_id = $2`, [
      clientId,
      workflowId,
    ])) as RawReport[];
    return rows[0] ? toReport(rows[0]) : null;
  }

  async find(m: Sql, q: { id: string; clientId: string }): Promise<ReportRow | null> {
    const rows = (await m.query(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1 AND client_id = $2`, [
      q.id,
      q.clientId,
    ])) as RawReport[];
    return rows[0] ? toReport(rows[0]) : null;
  }

  /** A report by id alone, as the scope sees it: another tenant's answers like none (RLS). */
  async visible(m: Sql, id: string): Promise<ReportRow | null> {
    const rows = (await m.query(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1`, [id])) as RawReport[];
    return rows[0] ? toReport(rows[0]) : null;
  }

  async list(m: Sql, clientId: string, limit: number): Promise<ReportRow[]> {
    const rows = (await m.query(
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE client_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [clientId, limit],
    )) as RawReport[];
    return rows.map(toReport);
  }

  async markReady(m: Sql, q: { id: string; clientId: string; artifactKey: string; figures: unknown }): Promise<void> {
    await m.query(
      `UPDATE reports SET status = 'ready', artifact_key = $3, figures = $4::jsonb, error = NULL, updated_at = now()
        WHERE id = $1 AND client_id = $2`,
      [q.id, q.clientId, q.artifactKey, JSON.stringify(q.figures)],
    );
  }

  /** A report whose generation failed for good; a ready report stays ready (a late failure of a retry). */
  async markFailed(m: Sql, q: { id: string; clientId: string; error: string }): Promise<boolean> {
    const rows = await updated(
      m,
      `UPDATE reports SET status = 'failed', error = $3, updated_at = now()
        WHERE id = $1 AND client_id = $2 AND status = 'generating' RETURNING id`,
      [q.id, q.clientId, q.error.slice(0, 500)],
    );
    return rows.length > 0;
  }

  /** Records the mail that carried the report; the episode sends once per report (a recorded mail is not resent). */
  async recordEmail(m: Sql, q: { id: string; clientId: string; messageId: string }): Promise<void> {
    await m.query(
      `UPDATE reports SET emailed_at = now(), email_message_id = $3, updated_at = now() WHERE id = $1 AND client_id = $2`,
      [q.id, q.clientId, q.messageId.slice(0, 500)],
    );
  }

  async emailed(m: Sql, q: { id: string; clientId: string }): Promise<boolean> {
    const rows = (await m.query(
      `SELECT 1 FROM reports WHERE id = $1 AND client_id = $2 AND email_message_id IS NOT NULL`,
      [q.id, q.clientId],
    )) as unknown[];
    return rows.length > 0;
  }

  async createLink(
    m: Sql,
    q: {
      report: Pick<ReportRow, 'id' | 'agencyId' | 'clientId'>;
      tokenHash: string;
      expiresAt: Date;
      createdBy: string | null;
    },
  ): Promise<ReportLinkRow> {
    const rows = (await m.query(
      `INSERT INTO report_links (report_id, agency_id, client_id, token_hash, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${LINK_COLUMNS}`,
      [q.report.id, q.report.agencyId, q.report.clientId, q.tokenHash, q.expiresAt, q.createdBy],
    )) as RawLink[];
    return toLink(rows[0]);
  }

  async links(m: Sql, q: { reportIds: string[]; clientId: string }): Promise<ReportLinkRow[]> {
    if (!q.reportIds.length) return [];
    const rows = (await m.query(
      `SELECT ${LINK_COLUMNS} FROM report_links WHERE client_id = $1 AND report_id = ANY ($2::uuid[])
        ORDER BY created_at DESC`,
      [q.clientId, q.reportIds],
    )) as RawLink[];
    return rows.map(toLink);
  }

  async visibleLink(m: Sql, id: string): Promise<ReportLinkRow | null> {
    const rows = (await m.query(`SELECT ${LINK_COLUMNS} FROM report_links WHERE id = $1`, [id])) as RawLink[];
    return rows[0] ? toLink(rows[0]) : null;
  }

  /** Revokes a link (idempotent: a revoked link keeps its first revocation). */
  async revokeLink(m: Sql, q: { id: string; clientId: string; by: string | null }): Promise<ReportLinkRow | null> {
    const rows = await updated<RawLink>(
      m,
      `UPDATE report_links SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $3::uuid)
        WHERE id = $1 AND client_id = $2 RETURNING ${LINK_COLUMNS}`,
      [q.id, q.clientId, q.by],
    );
    return rows[0] ? toLink(rows[0]) : null;
  }

  /**
   * A live link's target by its token's hash, for a request without any tenant scope: the security-definer lookup
   * answers ids only, and nothing for an expired, revoked or unknown link.
   */
  async linkTarget(
    m: Sql,
    tokenHash: string,
  ): Promise<{ linkId: string; reportId: string; agencyId: string; clientId: string } | null> {
    const rows = (await m.query('SELECT * FROM raize_report_link_target($1)', [tokenHash])) as {
      link_id: string;
      report_id: string;
      agency_id: string;
      client_id: string;
    }[];
    const r = rows[0];
    return r ? { linkId: r.link_id, reportId: r.report_id, agencyId: r.agency_id, clientId: r.client_id } : null;
  }

  async schedule(m: Sql, clientId: string): Promise<ReportScheduleRow | null> {
    const rows = (await m.query(
      `SELECT client_id, agency_id, enabled, recipients, day_of_month, timezone, updated_by, updated_at
         FROM report_schedules WHERE client_id = $1`,
      [clientId],
    )) as {
      client_id: string;
      agency_id: string;
      enabled: boolean;
      recipients: string[];
      day_of_month: number;
      timezone: string;
      updated_by: string | null;
      updated_at: Date;
    }[];
    const r = rows[0];
    return r
      ? {
          clientId: r.client_id,
          agencyId: r.agency_id,
          enabled: r.enabled,
          recipients: r.recipients,
          dayOfMonth: r.day_of_month,
          timezone: r.timezone,
          updatedBy: r.updated_by,
          updatedAt: r.updated_at,
        }
      : null;
  }

  async saveSchedule(
    m: Sql,
    s: Omit<ReportScheduleRow, 'updatedAt' | 'updatedBy'> & { updatedBy: string },
  ): Promise<ReportScheduleRow> {
    await m.query(
      `INSERT INTO report_schedules (client_id, agency_id, enabled, recipients, day_of_month, timezone, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (client_id) DO UPDATE SET enabled = EXCLUDED.enabled, recipients = EXCLUDED.recipients,
         day_of_month = EXCLUDED.day_of_month, timezone = EXCLUDED.timezone, updated_by = EXCLUDED.updated_by,
         updated_at = now()`,
      [s.clientId, s.agencyId, s.enabled, s.recipients, s.dayOfMonth, s.timezone, s.updatedBy],
    );
    return (await this.schedule(m, s.clientId))!;
  }
}
