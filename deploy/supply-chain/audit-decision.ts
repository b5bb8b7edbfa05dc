import type { AllowlistEntry } from './audit-allowlist.schema';
import type { Advisory, Severity } from './audit-report.parse';
import type { SupplyChainProblem } from './supply-chain-problem';

/** C-55: the audit fails on these; lower severities are printed, not blocking. */
export const BLOCKING_SEVERITIES: ReadonlySet<Severity> = new Set(['high', 'critical']);

/** An accepted advisory must be looked at again within this many days. */
export const MAX_REVIEW_DAYS = 180;

export interface AuditDecision {
  blocking: Advisory[];
  allowlisted: Advisory[];
  /** Below high: reported for information. */
  lower: Advisory[];
  problems: SupplyChainProblem[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

function matches(entry: AllowlistEntry, advisory: Advisory): boolean {
  return entry.package === advisory.package && (entry.advisory === advisory.id || entry.advisory === advisory.url);
}

/**
 * Decides the audit from what npm reported and the reviewed allowlist, on a given day (`today`, YYYY-MM-DD UTC).
 * An expired entry fails even when its advisory is gone, and an entry that matches nothing fails too: the list only
 * holds decisions someone made about advisories that exist now.
 */
export function decideAudit(advisories: Advisory[], allowlist: AllowlistEntry[], today: string): AuditDecision {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const problems: SupplyChainProblem[] = [];
  const current: AllowlistEntry[] = [];
  for (const entry of allowlist) {
    const subject = `${entry.advisory} (${entry.package})`;
    const reviewByMs = Date.parse(`${entry.reviewBy}T00:00:00Z`);
    if (reviewByMs < todayMs) {
      problems.push({ code: 'allowlist_entry_expired', subject, detail: `review by ${entry.reviewBy}` });
    } else if (reviewByMs - todayMs > MAX_REVIEW_DAYS * DAY_MS) {
      problems.push({ code: 'allowlist_entry_too_long', subject, detail: `review by ${entry.reviewBy}` });
    } else {
      current.push(entry);
    }
    if (!advisories.some((a) => matches(entry, a))) problems.push({ code: 'allowlist_entry_unused', subject });
  }
  const blocking: Advisory[] = [];
  const allowlisted: Advisory[] = [];
  const lower: Advisory[] = [];
  for (const advisory of advisories) {
    if (!BLOCKING_SEVERITIES.has(advisory.severity)) lower.push(advisory);
    else if (current.some((e) => matches(e, advisory))) allowlisted.push(advisory);
    else {
      blocking.push(advisory);
      problems.push({
        code: 'advisory_not_allowlisted',
        subject: `${advisory.id} (${advisory.package})`,
        detail: `${advisory.severity}: ${advisory.title}; ${advisory.paths.join(', ')}`,
      });
    }
  }
  return { blocking, allowlisted, lower, problems };
}
