import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RecordedArtifactStore } from '../../../core/artifacts/recorded-artifact-store';
import { AuditService } from '../../../core/audit/audit.service';
import { parseReportFigures } from '../../../core/reports/report-figures';
import { ReportGenerator } from '../../../core/reports/report-generator';
import type { RenderedReport } from '../../../core/reports/report-html';
import { hashReportLinkToken, isReportLinkToken } from '../../../core/reports/report-link-token';
import { reportFileName } from '../../../core/reports/report-mail';
import { ReportRepository } from '../../../core/reports/report.repository';
import { clientScope } from '../../../core/tenancy/scope-for';
import { runInTenantScope } from '../../../core/tenancy/tenant-scope';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import { ARTIFACT_STORE } from '../artifacts/artifact-store.provider';

export type OpenedLink = { as: 'pdf'; pdf: Buffer; fileName: string } | { as: 'page'; page: RenderedReport };

/**
 * The read-only link's work, for a request with no operator: the token's hash finds a live link through the
 * security-definer lookup (ids only; expired, revoked and unknown alike answer nothing), and everything after runs in
 * that report's client scope alone, so a link can open its own report and nothing else (C-01, C-02).
 */
@Injectable()
export class ReportLinkService {
  private readonly repo = new ReportRepository();
  private readonly generator: ReportGenerator;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(ARTIFACT_STORE) private readonly artifacts: RecordedArtifactStore,
    @Inject(AUDIT) private readonly audit: AuditService,
  ) {
    this.generator = new ReportGenerator({ ds, artifacts, audit });
  }

  /** The report behind a token, as a PDF or a page; null for anything that is not a live link to a ready report. */
  async open(token: string, as: 'pdf' | 'page'): Promise<OpenedLink | null> {
    if (!isReportLinkToken(token)) return null;
    const target = await this.repo.linkTarget(this.ds.manager, hashReportLinkToken(token));
    if (!target) return null;
    return runInTenantScope(this.ds, await clientScope(this.ds, target.clientId), async () => {
      const report = await this.repo.find(this.ds.manager, { id: target.reportId, clientId: target.clientId });
      if (!report || report.status !== 'ready' || !report.artifactKey) return null;
      await this.audit.append({
        agencyId: report.agencyId,
        clientId: report.clientId,
        actor: 'system:report-link',
        action: 'report.link_opened',
        subjectType: 'report',
        subjectId: report.id,
        data: { linkId: target.linkId, as },
      });
      if (as === 'page') return { as, page: await this.generator.page(report) };
      const pdf = await this.artifacts.get({ key: report.artifactKey, clientId: report.clientId });
      return { as, pdf, fileName: reportFileName(parseReportFigures(report.figures)) };
    });
  }
}
