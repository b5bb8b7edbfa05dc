import { LANES } from '../config/temporal-config';
import { PROVIDER_IDS } from '../providers/provider.types';
import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';
import { isReasonCode } from '../../../workflows/contracts/vocabulary/reason-codes';
import type { MetricLabel, MetricSpec } from './metric-catalog';

export type LabelValues = Partial<Record<MetricLabel, string>>;

/** A word from a fixed vocabulary: lower case, digits and underscores. A uuid, a handle or a sentence never is. */
const WORD = /^[a-z][a-z0-9_]{0,39}$/;

const IN_LIST = (list: readonly string[]) => (v: string) => list.includes(v);

/**
 * What each label may hold. Lanes, platforms and providers are closed lists; a reason must be a known reason code;
 * the rest are short vocabulary words. Anything else is written as `other`, so a value can never carry tenant data
 * and the number of series stays bounded.
 */
const VALID: Record<MetricLabel, (v: string) => boolean> = {
  lane: IN_LIST(LANES),
  platform: IN_LIST(PLATFORM_IDS),
  provider: IN_LIST(PROVIDER_IDS),
  reason: (v) => v === 'none' || isReasonCode(v),
  kind: (v) => WORD.test(v),
  state: (v) => WORD.test(v),
  class: (v) => WORD.test(v),
};

/** The metric's own labels only, each value checked against its vocabulary (else `other`); missing ones `unknown`. */
export function boundedLabels(metric: MetricSpec, values: LabelValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const label of metric.labels) {
    const v = values[label];
    out[label] = v === undefined || v === '' ? 'unknown' : VALID[label](v) ? v : 'other';
  }
  return out;
}
