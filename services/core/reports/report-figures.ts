import { z } from 'zod';
import { BROKEN_RECEIPTS } from '../../../workflows/contracts/vocabulary/receipt-status';

/**
 * What a report shows, as stored in `reports.figures` (a snapshot: the report keeps saying what it said when it was
 * sent, whatever changes later) and as the API answers it. Every figure names its source; a figure without data is
 * `value: null` with the reason in `detail`, and is shown as "not available", never as 0.
 */
export const FIGURE_UNITS = ['count', 'ratio', 'seconds', 'micro_usd'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

const figureSchema = z.object({
  key: z.string().max(100),
  label: z.string().max(200),
  value: z.number().finite().nullable(),
  unit: z.enum(FIGURE_UNITS),
  source: z.string().max(500),
  /** how it was counted ("12 of 14 posts"), or why it is not available */
  detail: z.string().max(500).nullable(),
});
export type Figure = z.infer<typeof figureSchema>;

const pointSchema = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), value: z.number().finite() });
const barSchema = z.object({ label: z.string().max(100), value: z.number().finite() });

const accountGrowthSchema = z.object({
  platform: z.string().max(40),
  handle: z.string().max(200),
  first: z.number().finite(),
  last: z.number().finite(),
  /** null with one day of data: growth needs two */
  growth: z.number().finite().nullable(),
  firstDay: z.string(),
  lastDay: z.string(),
});

const topPostSchema = z.object({
  platform: z.string().max(40),
  handle: z.string().max(200),
  /** the first words of the post's text, as written (escaped when rendered) */
  excerpt: z.string().max(200),
  url: z.string().max(2048).nullable(),
  reach: z.number().finite().nullable(),
  impressions: z.number().finite().nullable(),
  engagement: z.number().finite().nullable(),
});

/** A post removed, edited or moved to another author on its platform after publishing (issue #15). */
const changedPostSchema = z.object({
  platform: z.string().max(40),
  handle: z.string().max(200),
  excerpt: z.string().max(200),
  url: z.string().max(2048).nullable(),
  receipt: z.enum(BROKEN_RECEIPTS),
  publishedAt: z.string().nullable(),
  /** when a re-check found it */
  changedAt: z.string(),
});

export const reportFiguresSchema = z.object({
  version: z.literal(1),
  client: z.object({ id: z.string().uuid(), name: z.string().max(200), timezone: z.string().max(100) }),
  agency: z.object({ name: z.string().max(200) }),
  period: z.object({ start: z.string(), end: z.string(), label: z.string().max(100) }),
  generatedAt: z.string(),
  platform: z.object({
    totals: z.array(figureSchema),
    dailyReach: z.object({ source: z.string(), points: z.array(pointSchema) }),
    engagementByPlatform: z.object({ source: z.string(), bars: z.array(barSchema) }),
    followerGrowth: z.object({ source: z.string(), accounts: z.array(accountGrowthSchema) }),
    topPosts: z.object({ source: z.string(), posts: z.array(topPostSchema) }),
  }),
  proof: z.array(figureSchema),
  /** absent in snapshots made before receipts were re-checked (issue #15) */
  receipts: z.object({ source: z.string(), posts: z.array(changedPostSchema) }).optional(),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;
export type PlatformFigures = ReportFigures['platform'];
export type AccountGrowth = z.infer<typeof accountGrowthSchema>;
export type TopPost = z.infer<typeof topPostSchema>;
export type ChangedPost = z.infer<typeof changedPostSchema>;

/** A figure with data. */
export function figure(f: Omit<Figure, 'detail'> & { detail?: string | null }): Figure {
  return { ...f, detail: f.detail ?? null };
}

/** A figure the period has no data for: shown as "not available" with the reason. */
export function notAvailable(f: Omit<Figure, 'value' | 'detail'>, why: string): Figure {
  return { ...f, value: null, detail: why };
}

/** `part / whole` as a ratio, or not available when nothing was counted. */
export function ratio(
  f: Omit<Figure, 'value' | 'detail' | 'unit'>,
  part: number,
  whole: number,
  counted: (part: number, whole: number) => string,
  none: string,
): Figure {
  return whole > 0
    ? figure({ ...f, unit: 'ratio', value: part / whole, detail: counted(part, whole) })
    : notAvailable({ ...f, unit: 'ratio' }, none);
}

/** A stored snapshot, checked: jsonb is a trust boundary too (a hand-edited row must not reach the renderer raw). */
export function parseReportFigures(raw: unknown): ReportFigures {
  return reportFiguresSchema.parse(raw);
}
