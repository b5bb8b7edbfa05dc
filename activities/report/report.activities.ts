import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import type { AuditService } from '../../services/core/audit/audit.service';
import { MailError } from '../../services/core/mail/mail.errors';
import type { MailPort } from '../../services/core/mail/mail.port';
import { ReportGenerator, reportParties } from '../../services/core/reports/report-generator';
import { parseReportFigures } from '../../services/core/reports/report-figures';
import { DEFAULT_LINK_DAYS, newReportLinkToken, reportLinkUrl } from '../../services/core/reports/report-link-token';
import { reportMail } from '../../services/core/reports/report-mail';
import type { RenderPdf } from '../../services/core/reports/report-pdf';
import { previousMonth } from '../../services/core/reports/report-period';
import { ReportRepository } from '../../services/core/reports/report.repository';
import { logger } from '../../services/core/telemetry/logger';
import { withoutDatabaseConnection } from '../../services/core/tenancy/tenant-scope';
import type {
  GeneratedReport,
  OpenedReport,
  OpenReportInput,
  ReportDelivery,
  ReportRef,
} from '../../workflows/contracts/report.contract';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';
import { scopedActivities } from '../scoped-activities';

export interface ReportActivityDeps {
  ds: DataSource;
  artifacts: ArtifactStore;
  audit: Pick<AuditService, 'append'>;
  /** absent: reports are made but not mailed (the delivery says why) */
  mail?: MailPort;
  /** the API's public origin, where `/r/<token>` answers */
  publicUrl: string;
  renderPdf?: RenderPdf;
  now?: () => Date;
}

const refused = (message: string) =>
  ApplicationFailure.create({ type: FAILURE_TYPES.tenantRefused, message, nonRetryable: true });

/** The report episode's activities, each in the client's tenant scope (C-01), each re-checking the tenant (C-05). */
export function createReportActivities(deps: ReportActivityDeps) {
  const repo = new ReportRepository();
  const generator = new ReportGenerator(deps);
  const now = () => deps.now?.() ?? new Date();

  async function owned(ref: ReportRef) {
    const report = await repo.find(deps.ds.manager, { id: ref.reportId, clientId: ref.clientId });
    if (!report || report.agencyId !== ref.agencyId) throw refused('the report does not exist for this client');
    return report;
  }

  return scopedActivities(deps.ds, {
    /** The API's row, or (a Schedule's run) a new row for last month in the client's timezone, once per run. */
    async openReport(input: OpenReportInput): Promise<OpenedReport> {
      const m = deps.ds.manager;
      if (input.reportId) {
        const r = await owned({ ...input, reportId: input.reportId });
        return { reportId: r.id, status: r.status };
      }
      const parties = await reportParties(m, input.clientId).catch(() => null);
      if (!parties || parties.client.agencyId !== input.agencyId) throw refused('the client is not in this agency');
      const r = await repo.create(m, {
        agencyId: input.agencyId,
        clientId: input.clientId,
        period: previousMonth(new Date(input.asOf), parties.client.timezone),
        trigger: input.trigger,
        workflowId: input.workflowId,
        createdBy: null,
      });
      return { reportId: r.id, status: r.status };
    },

    async generateReport(ref: ReportRef): Promise<GeneratedReport> {
      await owned(ref);
      Context.current().heartbeat();
      const { report, ref: artifact } = await generator.generate({
        reportId: ref.reportId,
        clientId: ref.clientId,
        actor: ref.actor,
      });
      return { status: report.status, size: artifact?.size ?? null };
    },

    async markReportFailed(input: ReportRef & { reason: string }): Promise<void> {
      const report = await owned(input);
      await deps.ds.transaction(async (m) => {
        if (!(await repo.markFailed(m, { id: report.id, clientId: report.clientId, error: input.reason }))) return;
        await deps.audit.append(
          {
            agencyId: report.agencyId,
            clientId: report.clientId,
            actor: input.actor,
            action: 'report.failed',
            subjectType: 'report',
            subjectId: report.id,
            data: { period: report.period },
          },
          m,
        );
      });
    },

    /**
     * Mails the PDF and a fresh read-only link to the client's report recipients. A mail recorded as sent is not sent
     * again; one that failed revokes the link it carried, so only a delivered mail leaves a live link behind.
     */
    async emailReport(ref: ReportRef): Promise<ReportDelivery> {
      const m = deps.ds.manager;
      const report = await owned(ref);
      if (report.status !== 'ready' || !report.artifactKey) return { sent: false, reason: 'not_ready' };
      if (await repo.emailed(m, report)) return { sent: false, reason: 'already_sent' };
      if (!deps.mail) return { sent: false, reason: 'no_mail_transport' };
      const recipients = (await repo.schedule(m, report.clientId))?.recipients ?? [];
      if (!recipients.length) return { sent: false, reason: 'no_recipients' };
      const figures = parseReportFigures(report.figures);
      const pdf = await deps.artifacts.get({ key: report.artifactKey, clientId: report.clientId });
      const { token, hash } = newReportLinkToken();
      const expiresAt = new Date(now().getTime() + DEFAULT_LINK_DAYS * 86_400_000);
      const link = await repo.createLink(m, { report, tokenHash: hash, expiresAt, createdBy: null });
      const mail = deps.mail;
      let sent: { messageId: string };
      try {
        sent = await withoutDatabaseConnection(() =>
          mail.send(
            reportMail({
              to: recipients,
              figures,
              linkUrl: reportLinkUrl(deps.publicUrl, token),
              linkExpires: expiresAt,
              pdf,
            }),
          ),
        );
      } catch (err) {
        await repo.revokeLink(m, { id: link.id, clientId: report.clientId, by: null });
        // Transient (a timeout, a 4xx reply, a lost connection): Temporal retries. A server that refuses for good,
        // or none configured: retrying cannot help, the delivery says why and the report stays ready.
        if (err instanceof MailError && err.failure === 'not_configured')
          return { sent: false, reason: 'no_mail_transport' };
        if (err instanceof MailError && !err.retryable) {
          logger.warn(
            { 'raize.client_id': report.clientId, 'raize.operation': 'report.email', 'error.kind': err.failure },
            'report mail refused',
          );
          return { sent: false, reason: 'mail_refused' };
        }
        throw err;
      }
      await deps.ds.transaction(async (tx) => {
        await repo.recordEmail(tx, { id: report.id, clientId: report.clientId, messageId: sent.messageId });
        // How many, never who: addresses are personal data and the trail is kept for years.
        await deps.audit.append(
          {
            agencyId: report.agencyId,
            clientId: report.clientId,
            actor: ref.actor,
            action: 'report.emailed',
            subjectType: 'report',
            subjectId: report.id,
            data: { recipients: recipients.length, linkId: link.id, linkExpiresAt: expiresAt.toISOString() },
          },
          tx,
        );
      });
      return { sent: true, recipients: recipients.length };
    },
  });
}

export type ReportActivities = ReturnType<typeof createReportActivities>;
