import type { Figure } from '../report-figures';
import { figure, notAvailable } from '../report-figures';
import type { FigureQuery } from './figure-query';
import { instantParams, plural } from './figure-query';

const SOURCE = "every AI provider call made for the client, priced at the provider's rates (ai_usage)";

/** What AI cost the client in the period, in micro-USD, with the number of calls behind it. */
export async function aiSpend(q: FigureQuery): Promise<Figure> {
  const [r] = (await q.m.query(
    `SELECT count(*)::int AS calls, coalesce(sum(cost_micros), 0)::float8 AS micros
       FROM ai_usage WHERE client_id = $1 AND started_at >= $2 AND started_at < $3`,
    instantParams(q),
  )) as { calls: number; micros: number }[];
  return r.calls > 0
    ? figure({
        key: 'ai.spend',
        label: 'AI spend',
        unit: 'micro_usd',
        value: r.micros,
        source: SOURCE,
        detail: plural(r.calls, 'AI call'),
      })
    : notAvailable({ key: 'ai.spend', label: 'AI spend', unit: 'micro_usd', source: SOURCE }, 'no AI call was made');
}
