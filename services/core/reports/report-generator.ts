import type { DataSource } from 'typeorm';
import type { ArtifactRef, ArtifactStore } from '../artifacts/artifact-store.port';
import type { AuditService } from '../audit/audit.service';
import { withoutDatabaseConnection } from '../tenancy/tenant-scope';
import { collectReportFigures } from './collect-report-figures';
import { loadReportBrand } from './report-brand';
import type { ReportFigures } from './report-figures';
import { parseReportFigures } from './report-figures';
import type { RenderedReport } from './report-html';
import { renderReportHtml } from './report-html';
import type { RenderPdf } from './report-pdf';
import { renderReportPdf } from './report-pdf';
import { windowOf } from './report-period';
import type { ReportRow } from './report.repository';
import { ReportRepository } from './report.repository';

export interface ReportGeneratorDeps {
  /** the app role's DataSource; every method runs inside the client's tenant scope (the caller opens it) */
  ds: DataSource;
  artifacts: ArtifactStore;
  audit: Pick<AuditService, 'append'>;
  renderPdf?: RenderPdf;
  now?: () => Date;
}

/** The client and agency names a report is addressed with. */
export interface ReportParties {
  client: { id: string; agencyId: string; name: string; timezone: string };
  agencyName: string;
}

export class ReportNotFoundError extends Error {
  constructor() {
    super('the report does not exist for this client');
    this.name = 'ReportNotFoundError';
  }
}

/**
 * Makes a report: the figures (SQL under the client's RLS), the branded HTML, the PDF printed from it by Chromium,
 * stored in the artifact store, then the row marked ready with its snapshot, and the audit event. Idempotent by
 * report: a report already ready is answered as it is (a retried activity prints nothing twice).
 */
export class ReportGenerator {
  private readonly repo = new ReportRepository();

  constructor(private readonly deps: ReportGeneratorDeps) {}

  async generate(q: {
    reportId: string;
    clientId: string;
    actor: string;
  }): Promise<{ report: ReportRow; ref?: ArtifactRef }> {
    const m = this.deps.ds.manager;
    const report = await this.repo.find(m, { id: q.reportId, clientId: q.clientId });
    if (!report) throw new ReportNotFoundError();
    if (report.status === 'ready') return { report };
    const parties = await reportParties(m, report.clientId);
    const figures = await collectReportFigures(m, {
      client: parties.client,
      agencyName: parties.agencyName,
      window: windowOf(report.period, parties.client.timezone),
      now: this.deps.now?.() ?? new Date(),
    });
    const rendered = await this.render(figures, report.clientId);
    // Chromium takes seconds: no pooled connection is held meanwhile (C-10).
    const pdf = await withoutDatabaseConnection(() =>
      (this.deps.renderPdf ?? renderReportPdf)(rendered.html, {
        footer: `${parties.client.name} · ${figures.period.label} · prepared by ${parties.agencyName}`,
      }),
    );
    const ref = await this.deps.artifacts.put({
      agencyId: report.agencyId,
      clientId: report.clientId,
      kind: 'report',
      bytes: pdf,
      claimedContentType: 'application/pdf',
    });
    await this.deps.ds.transaction(async (tx) => {
      await this.repo.markReady(tx, { id: report.id, clientId: report.clientId, artifactKey: ref.key, figures });
      await this.deps.audit.append(
        {
          agencyId: report.agencyId,
          clientId: report.clientId,
          actor: q.actor,
          action: 'report.generated',
          subjectType: 'report',
          subjectId: report.id,
          data: { period: report.period, checksum: ref.checksum, size: ref.size },
        },
        tx,
      );
    });
    return { report: (await this.repo.find(m, { id: report.id, clientId: report.clientId }))!, ref };
  }

  /** The report's page as the read-only link shows it: its stored snapshot, in the client's current brand. */
  async page(report: ReportRow): Promise<RenderedReport> {
    return this.render(parseReportFigures(report.figures), report.clientId);
  }

  private async render(figures: ReportFigures, clientId: string): Promise<RenderedReport> {
    const brand = await loadReportBrand(this.deps.ds.manager, this.deps.artifacts, clientId);
    return renderReportHtml(figures, brand);
  }
}

/** The client's name and timezone and its agency's name, read in the client's scope. */
export async function reportParties(m: Pick<DataSource['manager'], 'query'>, clientId: string): Promise<ReportParties> {
  const rows = (await m.query(
    `SELECT c.id, c.agency_id, c.name, c.timezone, a.name AS agency_name
       FROM clients c JOIN agencies a ON a.id = c.agency_id WHERE c.id = $1`,
    [clientId],
  )) as { id: string; agency_id: string; name: string; timezone: string; agency_name: string }[];
  const r = rows[0];
  if (!r) throw new ReportNotFoundError();
  return {
    client: { id: r.id, agencyId: r.agency_id, name: r.name, timezone: r.timezone },
    agencyName: r.agency_name,
  };
}
