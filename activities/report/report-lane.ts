import type { DataSource } from 'typeorm';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import type { AuditService } from '../../services/core/audit/audit.service';
import type { MailPort } from '../../services/core/mail/mail.port';
import { createReportActivities } from './report.activities';

/** What the planning lane's worker hands the report episode (its LaneDeps fit). */
export function reportLaneActivities(deps: {
  ds: DataSource;
  artifacts: ArtifactStore;
  audit: AuditService;
  mail?: MailPort;
  publicUrl?: string;
}) {
  // Only these: LaneDeps carries a Date clock among other fields the reports must not pick up.
  return createReportActivities({
    ds: deps.ds,
    artifacts: deps.artifacts,
    audit: deps.audit,
    mail: deps.mail,
    // The worker states the API's public origin (API_PUBLIC_URL); a bare worker falls back to the local default.
    publicUrl: deps.publicUrl ?? 'http://127.0.0.1:4000',
  });
}
