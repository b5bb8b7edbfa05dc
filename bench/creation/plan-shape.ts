import type { PlanRequestSpec } from '../../services/core/plans/plan-request';
import { addDays, MAX_PLAN_DAYS, MAX_PLAN_ITEMS } from '../../services/core/plans/plan-request';
import { generateSlots } from '../../services/core/plans/plan-slots';

const TIMES = ['08:00', '10:30', '12:15', '14:45', '17:00', '19:30'];

export interface PlanShape {
  startDate: string;
  endDate: string;
  postsPerWeek: number;
  postingTimes: string[];
}

/**
 * A cadence and date range for one account that the real slot generator turns into exactly `items` slots. The
 * API has no "N items" input, so the bench searches the shortest range (then the lowest cadence) that gives N;
 * every probe goes through generateSlots, so the plan is the one an operator asking for that range would get.
 */
export function planShapeFor(
  items: number,
  startDate: string,
  base: Omit<PlanRequestSpec, 'startDate' | 'endDate'>,
): PlanShape {
  if (!Number.isInteger(items) || items < 1 || items > MAX_PLAN_ITEMS)
    throw new Error(`--items must be between 1 and ${MAX_PLAN_ITEMS}, got ${items}`);
  for (let days = 1; days <= MAX_PLAN_DAYS; days++) {
    for (let postsPerWeek = 1; postsPerWeek <= 28; postsPerWeek++) {
      const postingTimes = TIMES.slice(0, Math.min(TIMES.length, Math.ceil(postsPerWeek / 7)));
      const endDate = addDays(startDate, days - 1);
      const [target] = base.targets;
      const spec: PlanRequestSpec = {
        ...base,
        startDate,
        endDate,
        targets: [{ ...target, postsPerWeek, postingTimes }],
      };
      if (generateSlots(spec).length === items) return { startDate, endDate, postsPerWeek, postingTimes };
    }
  }
  throw new Error(`no single-account plan of at most ${MAX_PLAN_DAYS} days has exactly ${items} items`);
}
