import type { ReportStatus } from '../../gql/graphql';

export const STATUS_WORDS: Record<ReportStatus, { label: string; badge: string }> = {
  generating: { label: 'Generating…', badge: 'badge-info' },
  ready: { label: 'Ready', badge: 'badge-success' },
  failed: { label: 'Failed', badge: 'badge-danger' },
};

/** `YYYY-MM` of the month before today's in the client's timezone: the report an agency usually sends. */
export function lastMonthOf(todayKey: string): string {
  const [y, m] = todayKey.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Addresses from a textarea: one per line, or separated by commas or spaces. */
export function parseRecipients(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
