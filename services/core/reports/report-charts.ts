import type { PlatformFigures } from './report-figures';
import { formatCount, platformName } from './report-format';
import { escapeHtml } from './html-escape';

/**
 * Inline SVG charts a client reads at a glance. Presentation attributes only (fill, stroke), never `style=`: the
 * read-only page's CSP allows one hashed style sheet and no inline style, and the PDF needs no script to draw them.
 */

const W = 680;
const TEXT = '#2b2b2b';
const GRID = '#d9d9d9';

/** Daily reach as a line over the period's days; days without data leave a gap in the x axis, not a zero. */
export function dailyReachChart(series: PlatformFigures['dailyReach'], days: string[], colour: string): string | null {
  if (!series.points.length) return null;
  const h = 220;
  const pad = { left: 64, right: 16, top: 16, bottom: 34 };
  const max = Math.max(...series.points.map((p) => p.value), 1);
  const top = niceCeil(max);
  const index = new Map(days.map((d, i) => [d, i]));
  const span = Math.max(days.length - 1, 1);
  const x = (day: string) => pad.left + ((index.get(day) ?? 0) / span) * (W - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - v / top) * (h - pad.top - pad.bottom);
  const points = series.points.map((p) => `${x(p.day).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const peak = series.points.reduce((a, b) => (b.value > a.value ? b : a));
  const yTicks = [0, top / 2, top]
    .map(
      (v) =>
        `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="${GRID}" stroke-width="1"/>` +
        `<text x="${pad.left - 8}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="${TEXT}">${formatCount(v)}</text>`,
    )
    .join('');
  const xLabels = [days[0], days[Math.floor((days.length - 1) / 2)], days[days.length - 1]]
    .filter((d, i, all) => d && all.indexOf(d) === i)
    .map(
      (d) =>
        `<text x="${x(d)}" y="${h - 10}" text-anchor="middle" font-size="11" fill="${TEXT}">${escapeHtml(shortDay(d))}</text>`,
    )
    .join('');
  const dots =
    series.points.length <= 62
      ? series.points
          .map((p) => `<circle cx="${x(p.day).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5" fill="${colour}"/>`)
          .join('')
      : '';
  const label = `Daily reach, ${series.points.length} days with data; highest ${formatCount(peak.value)} on ${shortDay(peak.day)}`;
  return (
    `<svg class="chart" viewBox="0 0 ${W} ${h}" width="100%" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">` +
    yTicks +
    `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>` +
    dots +
    xLabels +
    `</svg>`
  );
}

/** Engagement per platform as horizontal bars, largest first, each with its figure at the end. */
export function engagementBarsChart(series: PlatformFigures['engagementByPlatform'], colour: string): string | null {
  if (!series.bars.length) return null;
  const row = 30;
  const pad = { left: 120, right: 90, top: 8 };
  const h = pad.top * 2 + row * series.bars.length;
  const max = Math.max(...series.bars.map((b) => b.value), 1);
  const barW = (v: number) => Math.max(2, (v / max) * (W - pad.left - pad.right));
  const bars = series.bars
    .map((b, i) => {
      const y = pad.top + i * row;
      return (
        `<text x="${pad.left - 10}" y="${y + row / 2 + 4}" text-anchor="end" font-size="12" fill="${TEXT}">${escapeHtml(platformName(b.label))}</text>` +
        `<rect x="${pad.left}" y="${y + 5}" width="${barW(b.value).toFixed(1)}" height="${row - 10}" rx="3" fill="${colour}"/>` +
        `<text x="${pad.left + barW(b.value) + 8}" y="${y + row / 2 + 4}" font-size="12" fill="${TEXT}">${formatCount(b.value)}</text>`
      );
    })
    .join('');
  const label = `Engagement by platform: ${series.bars.map((b) => `${platformName(b.label)} ${formatCount(b.value)}`).join(', ')}`;
  return `<svg class="chart" viewBox="0 0 ${W} ${h}" width="100%" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

/** The next round number at or above `n` (1, 2, 2.5, 5 × 10^k), so the axis reads plainly. */
function niceCeil(n: number): number {
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= n) ?? 10 * p;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shortDay(day: string): string {
  const [, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]}`;
}
