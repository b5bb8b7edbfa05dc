import type { PlanFormat } from '../../../workflows/contracts/vocabulary/plan-status';
import type { PlanRequestSpec } from './plan-request';
import { addDays, DEFAULT_POSTING_TIME, daysBetween } from './plan-request';
import { zonedInstant } from './zoned-instant';

/** One slot of a plan before its brief is written: where, when (local and instant), what format and pillar. */
export interface PlannedSlot {
  position: number;
  platformAccountId: string;
  platform: string;
  format: PlanFormat;
  pillar: string;
  localDate: string;
  localTime: string;
  /** ISO instant of the local date and time in the plan's timezone */
  slotAt: string;
}

/**
 * The slots of a plan, a pure function of its request: each target's posts per week spread evenly over each week
 * of the range (a partial last week gets its share) at the target's posting times, in the client's timezone;
 * pillars rotated by weight over the whole plan in slot order; formats rotated over what each platform allows.
 */
export function generateSlots(req: PlanRequestSpec): PlannedSlot[] {
  const days = daysBetween(req.startDate, req.endDate) + 1;
  const raw: Omit<PlannedSlot, 'position' | 'pillar' | 'slotAt' | 'format'>[] = [];
  for (const t of req.targets) {
    const times = [...new Set(t.postingTimes.length ? t.postingTimes : [DEFAULT_POSTING_TIME])].sort();
    for (let weekStart = 0; weekStart < days; weekStart += 7) {
      const n = Math.min(7, days - weekStart);
      const count = Math.min(Math.round((t.postsPerWeek * n) / 7), n * times.length);
      for (const [dayIdx, timeIdx] of spread(count, n, times.length)) {
        raw.push({
          platformAccountId: t.platformAccountId,
          platform: t.platform,
          localDate: addDays(req.startDate, weekStart + dayIdx),
          localTime: times[timeIdx],
        });
      }
    }
  }
  const slots = raw.map((s) => ({ ...s, slotAt: zonedInstant(s.localDate, s.localTime, req.timezone).toISOString() }));
  // Slot order, then target order: the same request always gives the same plan.
  const order = new Map(req.targets.map((t, i) => [t.platformAccountId, i]));
  slots.sort(
    (a, b) => a.slotAt.localeCompare(b.slotAt) || order.get(a.platformAccountId)! - order.get(b.platformAccountId)!,
  );
  const pillar = weightedRotation(req.pillars);
  const formatTurn = new Map<string, number>();
  return slots.map((s, position) => {
    const allowed = req.formats.find((f) => f.platform === s.platform)?.formats ?? ['text'];
    const turn = formatTurn.get(s.platformAccountId) ?? 0;
    formatTurn.set(s.platformAccountId, turn + 1);
    return { ...s, position, pillar: pillar(), format: allowed[turn % allowed.length] };
  });
}

/**
 * `count` (day, time) pairs spread evenly over `days` days with `times` posting times each: one per day on evenly
 * spaced days while they fit, else evenly over every (day, time) pair.
 */
function spread(count: number, days: number, times: number): [number, number][] {
  if (count <= 0) return [];
  if (count <= days)
    return Array.from({ length: count }, (_, i) => [Math.floor((i * days) / count), i % times] as [number, number]);
  const cells = days * times;
  return Array.from({ length: count }, (_, i) => {
    const c = Math.floor((i * cells) / count);
    return [Math.floor(c / times), c % times] as [number, number];
  });
}

/** Smooth weighted round-robin: each pillar's share follows its weight, evenly interleaved, deterministic. */
function weightedRotation(pillars: { name: string; weight: number }[]): () => string {
  const current = pillars.map(() => 0);
  const total = pillars.reduce((s, p) => s + p.weight, 0);
  return () => {
    let best = 0;
    pillars.forEach((p, i) => {
      current[i] += p.weight;
      if (current[i] > current[best]) best = i;
    });
    current[best] -= total;
    return pillars[best].name;
  };
}
