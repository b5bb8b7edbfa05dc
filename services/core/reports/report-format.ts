import { isPlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { PLATFORMS } from '../connectors/platform-registry';
import type { Figure } from './report-figures';

/** How a figure reads in the report, the mail and the web app alike; "not available" for a figure without data. */
export const NOT_AVAILABLE = 'not available';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });

export function formatCount(n: number): string {
  return whole.format(n);
}

/** 0.923 → "92.3%". */
export function formatRatio(r: number): string {
  return `${oneDecimal.format(r * 100)}%`;
}

/** Seconds as an operator would say them: "45 s", "12 min", "3 h 20 min", "2.5 days". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  return `${oneDecimal.format(s / 86400)} days`;
}

/** Micro-USD as dollars: a cent is the smallest amount worth showing a client, except a spend below one. */
export function formatMicroUsd(micros: number): string {
  const dollars = micros / 1_000_000;
  return dollars > 0 && dollars < 0.01 ? '< $0.01' : usd.format(dollars).replace('US$', '$');
}

export function formatFigure(f: Figure): string {
  if (f.value === null) return NOT_AVAILABLE;
  switch (f.unit) {
    case 'ratio':
      return formatRatio(f.value);
    case 'seconds':
      return formatDuration(f.value);
    case 'micro_usd':
      return formatMicroUsd(f.value);
    case 'count':
      return formatCount(f.value);
  }
}

/** A platform's name as its connector states it (a platform the registry does not know keeps its id). */
export function platformName(id: string): string {
  return isPlatformId(id) ? PLATFORMS[id].displayName : id;
}
