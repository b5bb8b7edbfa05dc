import type { ApiVersionPin } from '../connectors/connector.types';
import type { ApiVersionView } from './connector-health.types';

const DAY_MS = 86_400_000;

const utcDay = (ms: number) => Math.floor(ms / DAY_MS);

/**
 * Calendar days (UTC) from today to the sunset date: platforms publish a date ("v20.0 expired 2026-09-24"), and on that
 * day the version no longer answers, so 0 means retired today and a negative number retired that many days ago.
 */
export function daysToSunset(sunsetsAt: string | null, now: Date): number | null {
  if (!sunsetsAt) return null;
  const t = Date.parse(sunsetsAt);
  if (Number.isNaN(t)) return null;
  return utcDay(t) - utcDay(now.getTime());
}

export function apiVersionView(pin: ApiVersionPin | undefined, now: Date): ApiVersionView {
  if (!pin) return { version: null, sunsetsAt: null, daysToSunset: null, source: null };
  return {
    version: pin.version,
    sunsetsAt: pin.sunsetsAt,
    daysToSunset: daysToSunset(pin.sunsetsAt, now),
    source: pin.source,
  };
}
