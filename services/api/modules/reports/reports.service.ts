import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient, ScheduleAlreadyRunning, ScheduleNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { RecordedArtifactStore } from '../../../core/artifacts/recorded-artifact-store';
import { AuditService } from '../../../core/audit/audit.service';
import { AppConfig } from '../../../core/config/app-config';
import { loadTemporalConfig } from '../../../core/config/temporal-config';
import { isMailAddress } from '../../../core/mail/mail-message';
import type { ReportFigures } from '../../../core/reports/report-figures';
import { parseReportFigures } from '../../../core/reports/report-figures';
import { formatFigure } from '../../../core/reports/report-format';
import { newReportLinkToken, reportLinkUrl } from '../../../core/reports/report-link-token';
import { checkedPeriod, periodLabel } from '../../../core/reports/report-period';
import { ReportInputError } from '../../../core/reports/report.errors';
import type { ReportLinkRow, ReportRow, ReportScheduleRow } from '../../../core/reports/report.repository';
import { ReportRepository } from '../../../core/reports/report.repository';
import { logger } from '../../../core/telemetry/logger';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import type { ReportInput } from '../../../../workflows/contracts/report.contract';
import {
  REPORT_WORKFLOW_TYPE,
  reportScheduleId,
  reportWorkflowId,
} from '../../../../workflows/contracts/report.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../../../workflows/contracts/search-attributes';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { APP_CONFIG, AUDIT, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { ARTIFACT_STORE } from '../artifacts/artifact-store.provider';
import {
  CreateReportLinkInput,
  GenerateReportInput,
  ReportLinkRefInput,
  SetReportScheduleInput,
} from './dtos/report.inputs';
import type { ReportLinkModel, ReportLinkWithUrlModel, ReportModel, ReportScheduleModel } from './report.models';
import { reportScheduleAction, reportScheduleSpec } from './report-schedule';

/** How long the download link of `report(id)` lives: long enough to click, short as a bearer credential (C-46). */
const DOWNLOAD_URL_SECONDS = 300;

/** The planning lane's queue: reports are batch work and ride it (services/worker/lane-workers.ts). */
export function reportTaskQueue(config: AppConfig): string {
  return config.taskQueueOverride ?? loadTemporalConfig().taskQueues.planning;
}

/**
 * Client reports (issue #14) seen from the API: generating one starts the report episode; the row, its figures and
 * its links live in Postgres under the client's RLS; the monthly delivery is a Temporal Schedule per client, kept in
 * step with its settings. report.read to look, report.manage (Admin, Manager) to make, share, revoke and schedule.
 */
@Injectable()
export class ReportsService {
  private readonly repo = new ReportRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    @Inject(ARTIFACT_STORE) private readonly artifacts: RecordedArtifactStore,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, q: { clientId: string; limit: number }): Promise<ReportModel[]> {
    await this.access.requireClient(actor, q.clientId, 'report.read');
    const rows = await this.repo.list(this.ds.manager, q.clientId, q.limit);
    const links = await this.repo.links(this.ds.manager, { clientId: q.clientId, reportIds: rows.map((r) => r.id) });
    return rows.map((r) => toModel(r, links, null));
  }

  async get(actor: Actor, id: string): Promise<ReportModel> {
    const report = await this.visible(actor, id, 'report.read');
    const links = await this.repo.links(this.ds.manager, { clientId: report.clientId, reportIds: [report.id] });
    const downloadUrl =
      report.status === 'ready' && report.artifactKey
        ? await this.artifacts
            .as(`user:${actor.userId}`)
            .signedUrl(
              { key: report.artifactKey, clientId: report.clientId },
              { expiresInSeconds: DOWNLOAD_URL_SECONDS },
            )
        : null;
    return toModel(report, links, downloadUrl);
  }

  /** Records the report and starts its episode after the commit; a Temporal that refuses leaves an honest `failed`. */
  async generate(actor: Actor, input: GenerateReportInput): Promise<ReportModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'report.manage');
    const period = this.mapped(() => checkedPeriod(input, new Date(), client.timezone));
    const id = randomUUID();
    const report = await this.repo.create(this.ds.manager, {
      id,
      agencyId: client.agencyId,
      clientId: client.id,
      period,
      trigger: 'operator',
      workflowId: reportWorkflowId(client.id, id),
      createdBy: actor.userId,
    });
    const wfInput: ReportInput = {
      agencyId: client.agencyId,
      clientId: client.id,
      reportId: report.id,
      trigger: 'operator',
      deliver: input.deliver ?? false,
    };
    try {
      await withoutDatabaseConnection(() =>
        this.temporal.workflow.start(REPORT_WORKFLOW_TYPE, {
          taskQueue: reportTaskQueue(this.config),
          workflowId: report.workflowId,
          args: [wfInput],
          typedSearchAttributes: [
            { key: clientIdKey, value: client.id },
            { key: agencyIdKey, value: client.agencyId },
            { key: episodeKindKey, value: 'report' },
          ],
        }),
      );
    } catch (err) {
      logger.warn({ 'raize.client_id': client.id, 'error.kind': (err as Error).name }, 'report episode not started');
      await this.repo.markFailed(this.ds.manager, {
        id: report.id,
        clientId: client.id,
        error: 'the report could not be started: the scheduler was unreachable',
      });
      throw new AppError(AppErrorCode.Unavailable, 'the scheduler is unreachable right now; try again in a minute');
    }
    return toModel(report, [], null);
  }

  /** A read-only link to a ready report; its URL (holding the token) is answered here once and never again. */
  async createLink(actor: Actor, input: CreateReportLinkInput): Promise<ReportLinkWithUrlModel> {
    const report = await this.visible(actor, input.reportId, 'report.manage');
    if (report.status !== 'ready') throw new AppError(AppErrorCode.BadInput, 'the report is not ready yet');
    const { token, hash } = newReportLinkToken();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
    const link = await this.ds.transaction(async (m) => {
      const created = await this.repo.createLink(m, { report, tokenHash: hash, expiresAt, createdBy: actor.userId });
      await this.audit.append(
        {
          agencyId: report.agencyId,
          clientId: report.clientId,
          actor: `user:${actor.userId}`,
          action: 'report.link_created',
          subjectType: 'report',
          subjectId: report.id,
          // The link's id and expiry; never its token (a bearer credential).
          data: { linkId: created.id, expiresAt: expiresAt.toISOString() },
        },
        m,
      );
      return created;
    });
    return { link: linkModel(link), url: reportLinkUrl(this.config.api.publicUrl, token) };
  }

  async revokeLink(actor: Actor, input: ReportLinkRefInput): Promise<ReportLinkModel> {
    const found = await this.repo.visibleLink(this.ds.manager, input.linkId);
    if (!found) throw notFound('report link');
    await this.access.requireClient(actor, found.clientId, 'report.manage').catch((err: unknown) => {
      throw err instanceof AppError && err.code === AppErrorCode.NotFound ? notFound('report link') : err;
    });
    const link = await this.ds.transaction(async (m) => {
      const revoked = await this.repo.revokeLink(m, { id: found.id, clientId: found.clientId, by: actor.userId });
      if (!revoked) throw notFound('report link');
      if (!found.revokedAt)
        await this.audit.append(
          {
            agencyId: found.agencyId,
            clientId: found.clientId,
            actor: `user:${actor.userId}`,
            action: 'report.link_revoked',
            subjectType: 'report',
            subjectId: found.reportId,
            data: { linkId: found.id },
          },
          m,
        );
      return revoked;
    });
    return linkModel(link);
  }

  /** The client's monthly delivery, with the next run as its Schedule says; null when never set. */
  async schedule(actor: Actor, clientId: string): Promise<ReportScheduleModel | null> {
    await this.access.requireClient(actor, clientId, 'report.read');
    const row = await this.repo.schedule(this.ds.manager, clientId);
    return row ? this.scheduleModel(row) : null;
  }

  /**
   * Saves the delivery settings, then makes the client's Schedule match: created on first enable, its timing updated,
   * paused when delivery is switched off (kept, so switching back on resumes it). The row is the truth the episode
   * reads (recipients at send time); the Schedule only says when.
   */
  async setSchedule(actor: Actor, input: SetReportScheduleInput): Promise<ReportScheduleModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'report.manage');
    const recipients = [...new Set(input.recipients.map((r) => r.trim()).filter(Boolean))];
    const bad = recipients.filter((r) => !isMailAddress(r));
    if (bad.length)
      throw new AppError(AppErrorCode.BadInput, `not a mail address Raize sends to: ${bad.slice(0, 3).join(', ')}`);
    if (input.enabled && !recipients.length)
      throw new AppError(AppErrorCode.BadInput, 'monthly delivery needs at least one recipient');
    const row = await this.ds.transaction(async (m) => {
      const saved = await this.repo.saveSchedule(m, {
        clientId: client.id,
        agencyId: client.agencyId,
        enabled: input.enabled,
        recipients,
        dayOfMonth: input.dayOfMonth,
        timezone: client.timezone,
        updatedBy: actor.userId,
      });
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'report.schedule_updated',
          subjectType: 'client',
          subjectId: client.id,
          // How many recipients, never who (personal data in a trail kept for years).
          data: { enabled: saved.enabled, recipients: saved.recipients.length, dayOfMonth: saved.dayOfMonth },
        },
        m,
      );
      return saved;
    });
    await this.onSchedules(async () => {
      const handle = this.temporal.schedule.getHandle(reportScheduleId(client.id));
      const spec = reportScheduleSpec(row.dayOfMonth, row.timezone);
      const action = reportScheduleAction(
        { agencyId: client.agencyId, clientId: client.id },
        reportTaskQueue(this.config),
      );
      if (!row.enabled) {
        await handle.pause('monthly report delivery switched off').catch((err: unknown) => {
          if (!(err instanceof ScheduleNotFoundError)) throw err;
        });
        return;
      }
      try {
        await this.temporal.schedule.create({
          scheduleId: reportScheduleId(client.id),
          spec,
          action,
          // A run still printing when the next is due is left alone; a missed day (server down) catches up once.
          policies: { overlap: 'SKIP', catchupWindow: '1 day' },
        });
      } catch (err) {
        if (!(err instanceof ScheduleAlreadyRunning)) throw err;
        await handle.update((prev) => ({ ...prev, spec, action }));
        await handle.unpause('monthly report delivery switched on');
      }
    });
    return this.scheduleModel(row);
  }

  /** A report the scope sees and the actor's role allows; anything else answers like a missing report (C-02). */
  private async visible(actor: Actor, id: string, permission: 'report.read' | 'report.manage'): Promise<ReportRow> {
    const report = await this.repo.visible(this.ds.manager, id);
    if (!report) throw notFound('report');
    await this.access.requireClient(actor, report.clientId, permission).catch((err: unknown) => {
      throw err instanceof AppError && err.code === AppErrorCode.NotFound ? notFound('report') : err;
    });
    return report;
  }

  private async scheduleModel(row: ReportScheduleRow): Promise<ReportScheduleModel> {
    let nextRunAt: Date | null = null;
    if (row.enabled) {
      try {
        const d = await withoutDatabaseConnection(() =>
          this.temporal.schedule.getHandle(reportScheduleId(row.clientId)).describe(),
        );
        nextRunAt = d.state.paused ? null : (d.info.nextActionTimes[0] ?? null);
      } catch {
        // The settings are still true; only the next time is unknown while Temporal does not answer.
      }
    }
    return {
      clientId: row.clientId,
      enabled: row.enabled,
      recipients: row.recipients,
      dayOfMonth: row.dayOfMonth,
      timezone: row.timezone,
      nextRunAt,
      updatedAt: row.updatedAt,
    };
  }

  private async onSchedules(fn: () => Promise<void>): Promise<void> {
    try {
      await withoutDatabaseConnection(fn);
    } catch (err) {
      logger.warn({ 'raize.operation': 'report.schedule', 'error.kind': (err as Error).name }, 'schedule not updated');
      throw new AppError(
        AppErrorCode.Unavailable,
        'the settings are saved, but the scheduler is unreachable right now; save again in a minute',
      );
    }
  }

  private mapped<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof ReportInputError) throw new AppError(AppErrorCode.BadInput, err.message);
      throw err;
    }
  }
}

function linkModel(l: ReportLinkRow, now = new Date()): ReportLinkModel {
  return {
    id: l.id,
    reportId: l.reportId,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt,
    active: !l.revokedAt && l.expiresAt > now,
    createdBy: l.createdBy,
    createdAt: l.createdAt,
  };
}

/** The snapshot's parts as the Report type carries them (flat: each level of nesting costs a query tenfold). */
type FiguresPart = Pick<
  ReportModel,
  | 'figuresAt'
  | 'proof'
  | 'totals'
  | 'dailyReach'
  | 'engagementByPlatform'
  | 'followerGrowth'
  | 'topPosts'
  | 'changedPosts'
>;

const NO_FIGURES: FiguresPart = {
  figuresAt: null,
  proof: [],
  totals: [],
  dailyReach: [],
  engagementByPlatform: [],
  followerGrowth: [],
  topPosts: [],
  changedPosts: [],
};

function figuresPart(f: ReportFigures): FiguresPart {
  const fig = (x: ReportFigures['proof'][number]) => ({ ...x, display: formatFigure(x) });
  return {
    figuresAt: f.generatedAt,
    proof: f.proof.map(fig),
    totals: f.platform.totals.map(fig),
    dailyReach: f.platform.dailyReach.points,
    engagementByPlatform: f.platform.engagementByPlatform.bars,
    followerGrowth: f.platform.followerGrowth.accounts,
    topPosts: f.platform.topPosts.posts,
    changedPosts: f.receipts?.posts ?? [],
  };
}

function toModel(r: ReportRow, links: ReportLinkRow[], downloadUrl: string | null): ReportModel {
  let figures = NO_FIGURES;
  if (r.status === 'ready' && r.figures) {
    try {
      figures = figuresPart(parseReportFigures(r.figures));
    } catch {
      // A snapshot that no longer parses is shown as none rather than failing the whole list.
      figures = NO_FIGURES;
    }
  }
  return {
    id: r.id,
    clientId: r.clientId,
    periodStart: r.period.start,
    periodEnd: r.period.end,
    periodLabel: periodLabel(r.period),
    status: r.status,
    trigger: r.trigger,
    error: r.error,
    emailedAt: r.emailedAt,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    ...figures,
    links: links.filter((l) => l.reportId === r.id).map((l) => linkModel(l)),
    downloadUrl,
  };
}
