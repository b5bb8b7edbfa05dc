import type { PlanFormat } from '../../../workflows/contracts/vocabulary/plan-status';
import type { PlannedAccount, PlanRequestSpec, PlanTarget, PlanTiming } from './plan-request';
import { addDays, DEFAULT_POSTING_TIME, daysBetween } from './plan-request';
import { localDateOf, localTimeOf, zonedInstant } from './zoned-instant';

/** One slot of a plan before its brief is written: where, when (local and instant), what format and pillar. */
export interface PlannedSlot {
  position: number;
  platformAccountId: string;
  platform: string;
  /** the other accounts the item also goes out on, at the same time */
  crossPosts: PlannedAccount[];
  /** where the time came from: a queue slot may move to the next free one if it is taken by approval time */
  timing: PlanTiming;
  format: PlanFormat;
  pillar: string;
  localDate: string;
  localTime: string;
  /** ISO instant of the local date and time in the plan's timezone */
  slotAt: string;
}

/**
 * The slots of a plan, a pure function of its request: each target's posts per week spread evenly over each week
 * of the range (a partial last week gets its share) at the target's posting times, in the client's timezone, or
 * over the free queue slots the request carries for a `queue` target;
 * pillars rotated by weight over the whole plan in slot order; formats rotated over what each platform allows.
 */
export function generateSlots(req: PlanRequestSpec): PlannedSlot[] {
  const days = daysBetween(req.startDate, req.endDate) + 1;
  type Raw = Omit<PlannedSlot, 'position' | 'pillar' | 'format'>;
  const raw: Raw[] = [];
  for (const t of req.targets) {
    const of = (localDate: string, localTime: string, slotAt: string): Raw => ({
      platformAccountId: t.platformAccountId,
      platform: t.platform,
      crossPosts: t.crossPosts,
      timing: t.timing,
      localDate,
      localTime,
      slotAt,
    });
    if (t.timing === 'queue') {
      raw.push(
        ...queueSlots(req, t, days).map((at) =>
          of(localDateOf(at, req.timezone), localTimeOf(at, req.timezone), at.toISOString()),
        ),
      );
      continue;
    }
    const times = [...new Set(t.postingTimes.length ? t.postingTimes : [DEFAULT_POSTING_TIME])].sort();
    for (let weekStart = 0; weekStart < days; weekStart += 7) {
      const n = Math.min(7, days - weekStart);
      const count = Math.min(Math.round((t.postsPerWeek * n) / 7), n * times.length);
      for (const [dayIdx, timeIdx] of spread(count, n, times.length)) {
        const localDate = addDays(req.startDate, weekStart + dayIdx);
        const localTime = times[timeIdx];
        raw.push(of(localDate, localTime, zonedInstant(localDate, localTime, req.timezone).toISOString()));
      }
    }
  }
  // Slot order, then target order: the same request always gives the same plan.
  const order = new Map(req.targets.map((t, i) => [t.platformAccountId, i]));
  raw.sort(
    (a, b) => a.slotAt.localeCompare(b.slotAt) || order.get(a.platformAccountId)! - order.get(b.platformAccountId)!,
  );
  const pillar = weightedRotation(req.pillars);
  const formatTurn = new Map<string, number>();
  return raw.map((s, position) => {
    // None shared (a template saved before a platform's formats changed): the target's own; a cross-post that
    // cannot take it is refused at scheduling with its reason.
    const shared = itemFormats(req, s);
    const allowed = shared.length ? shared : platformFormats(req, s.platform);
    const turn = formatTurn.get(s.platformAccountId) ?? 0;
    formatTurn.set(s.platformAccountId, turn + 1);
    return { ...s, position, pillar: pillar(), format: allowed[turn % allowed.length] };
  });
}

/** The formats a platform's items rotate over: the request's list for it, else text. */
function platformFormats(req: Pick<PlanRequestSpec, 'formats'>, platform: string): readonly PlanFormat[] {
  return req.formats.find((f) => f.platform === platform)?.formats ?? ['text'];
}

/**
 * The formats an item may take: those its target's platform allows that every cross-post platform allows too (one
 * asset goes to all of them). Empty when they share none; the API refuses such a request (`targetsWithoutFormat`).
 */
export function itemFormats(
  req: Pick<PlanRequestSpec, 'formats'>,
  s: { platform: string; crossPosts: PlannedAccount[] },
): PlanFormat[] {
  const others = s.crossPosts.map((c) => platformFormats(req, c.platform));
  return platformFormats(req, s.platform).filter((f) => others.every((o) => o.includes(f)));
}

/** The targets whose platform and cross-post platforms have no format in common (nothing could be made for them). */
export function targetsWithoutFormat(req: Pick<PlanRequestSpec, 'targets' | 'formats'>): PlanTarget[] {
  return req.targets.filter((t) => itemFormats(req, t).length === 0);
}

/**
 * A queue target's slots: its free queue slots inside the range, `postsPerWeek` of them per week of the range (a
 * partial last week gets its share), spread evenly over the week's free slots.
 */
function queueSlots(req: PlanRequestSpec, t: PlanTarget, days: number): Date[] {
  const out: Date[] = [];
  for (let weekStart = 0; weekStart < days; weekStart += 7) {
    const n = Math.min(7, days - weekStart);
    const from = zonedInstant(addDays(req.startDate, weekStart), '00:00', req.timezone).getTime();
    const to = zonedInstant(addDays(req.startDate, weekStart + n), '00:00', req.timezone).getTime();
    const free = t.queueSlotsAt
      .map((iso) => new Date(iso))
      .filter((at) => at.getTime() >= from && at.getTime() < to)
      .sort((a, b) => a.getTime() - b.getTime());
    const count = Math.min(Math.round((t.postsPerWeek * n) / 7), free.length);
    for (let i = 0; i < count; i++) out.push(free[Math.floor((i * free.length) / count)]);
  }
  return out;
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
