import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditAllowlistSchema, type AllowlistEntry } from './audit-allowlist.schema';
import { decideAudit } from './audit-decision';
import { parseAuditOutput, type Advisory } from './audit-report.parse';

const recorded = (): Advisory[] => {
  const outcome = parseAuditOutput(readFileSync(join(__dirname, 'fixtures', 'npm-audit-report.json'), 'utf8'));
  if (outcome.kind !== 'report') throw new Error('fixture is not a report');
  return outcome.advisories;
};

const TODAY = '2026-12-01';
const REASON = 'Only reachable through the build-time compiler, never with untrusted input.';
const entry = (over: Partial<AllowlistEntry> = {}): AllowlistEntry => ({
  advisory: 'GHSA-2222-3333-4444',
  package: '@swc/core',
  reason: REASON,
  reviewer: 'someone@raize.local',
  reviewBy: '2027-01-15',
  ...over,
});
const longEntry = entry({ advisory: 'GHSA-5555-6666-7777', package: 'long' });
const codes = (d: ReturnType<typeof decideAudit>): string[] => d.problems.map((p) => `${p.code} ${p.subject}`);

describe('audit decision (C-55)', () => {
  it('[C-55] high and critical advisories without an allowlist entry fail; moderate ones are only reported', () => {
    const decision = decideAudit(recorded(), [], TODAY);
    expect(codes(decision).sort()).toEqual([
      'advisory_not_allowlisted GHSA-2222-3333-4444 (@swc/core)',
      'advisory_not_allowlisted GHSA-5555-6666-7777 (long)',
    ]);
    expect(decision.lower.map((a) => a.package)).toEqual(['yaml']);
  });

  it('passes when each high and critical advisory has a current entry (by GHSA id or advisory URL)', () => {
    const byUrl = { ...longEntry, advisory: 'https://github.com/advisories/GHSA-5555-6666-7777' };
    const decision = decideAudit(
      recorded(),
      [entry(), auditAllowlistSchema.parse({ entries: [byUrl] }).entries[0]!],
      TODAY,
    );
    expect(decision.problems).toEqual([]);
    expect(decision.allowlisted.map((a) => a.package).sort()).toEqual(['@swc/core', 'long']);
  });

  it('[C-55] an expired entry fails and no longer covers its advisory', () => {
    const decision = decideAudit(recorded(), [entry({ reviewBy: '2026-11-30' }), longEntry], TODAY);
    expect(codes(decision).sort()).toEqual([
      'advisory_not_allowlisted GHSA-2222-3333-4444 (@swc/core)',
      'allowlist_entry_expired GHSA-2222-3333-4444 (@swc/core)',
    ]);
    // The review-by day itself still counts.
    expect(decideAudit(recorded(), [entry({ reviewBy: TODAY }), longEntry], TODAY).problems).toEqual([]);
  });

  it('[C-55] an entry whose review-by date is more than 180 days ahead fails and covers nothing', () => {
    const decision = decideAudit(recorded(), [entry({ reviewBy: '2027-06-30' }), longEntry], TODAY);
    expect(codes(decision).sort()).toEqual([
      'advisory_not_allowlisted GHSA-2222-3333-4444 (@swc/core)',
      'allowlist_entry_too_long GHSA-2222-3333-4444 (@swc/core)',
    ]);
  });

  it('[C-55] an entry that matches no reported advisory fails, and one naming another package covers nothing', () => {
    const stale = entry({ advisory: 'GHSA-cccc-cccc-cccc' });
    const otherPackage = entry({ package: 'left-pad' });
    const decision = decideAudit(recorded(), [entry(), longEntry, stale, otherPackage], TODAY);
    expect(codes(decision)).toEqual([
      'allowlist_entry_unused GHSA-cccc-cccc-cccc (@swc/core)',
      'allowlist_entry_unused GHSA-2222-3333-4444 (left-pad)',
    ]);
    expect(decideAudit([], [entry()], TODAY).problems.map((p) => p.code)).toEqual(['allowlist_entry_unused']);
  });
});

describe('audit allowlist file', () => {
  it('the committed allowlist is valid', () => {
    const raw: unknown = JSON.parse(readFileSync(join(__dirname, 'audit-allowlist.json'), 'utf8'));
    expect(auditAllowlistSchema.safeParse(raw).success).toBe(true);
  });

  it('refuses entries without a checkable reason, a reviewer, a real date or a known advisory id', () => {
    const invalid = [
      { ...entry(), reason: 'not used' },
      { ...entry(), reviewer: '' },
      { ...entry(), reviewBy: '2027-02-30' },
      { ...entry(), reviewBy: 'next year' },
      { ...entry(), advisory: 'CVE-2024-1234' },
      { ...entry(), advisory: 'GHSA-aaaa-bbbb-cccc' },
      { ...entry(), severity: 'high' },
    ];
    for (const e of invalid) expect(auditAllowlistSchema.safeParse({ entries: [e] }).success).toBe(false);
  });
});
