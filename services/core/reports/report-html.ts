import { createHash } from 'node:crypto';
import type { Figure, ReportFigures } from './report-figures';
import { dailyReachChart, engagementBarsChart } from './report-charts';
import { escapeHtml } from './html-escape';
import { formatCount, formatFigure, NOT_AVAILABLE, platformName } from './report-format';
import { daysOf } from './report-period';

/** How the report looks: the client's brand kit when it has one, else Raize's neutral colours and no logo. */
export interface ReportBrand {
  /** `#rrggbb` */
  primary: string;
  /** `#rrggbb` */
  accent: string;
  logo: { contentType: string; bytes: Buffer } | null;
  /** whose colours these are */
  from: 'client' | 'default';
}

export const DEFAULT_BRAND: ReportBrand = { primary: '#1f4e79', accent: '#e07a1f', logo: null, from: 'default' };

const HEX = /^#[0-9a-f]{6}$/;
const LOGO_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * The brand a report is drawn in, from a brand kit's colours (first two) and logo. Only `#rrggbb` reaches the CSS
 * and only a sniffed image type reaches the data URL, whatever a row holds.
 */
export function reportBrand(kit: {
  colours: string[];
  logo: { contentType: string; bytes: Buffer } | null;
}): ReportBrand {
  const colours = kit.colours.map((c) => c.toLowerCase()).filter((c) => HEX.test(c));
  const logo = kit.logo && LOGO_TYPES.has(kit.logo.contentType) ? kit.logo : null;
  if (!colours.length && !logo) return DEFAULT_BRAND;
  return {
    primary: colours[0] ?? DEFAULT_BRAND.primary,
    accent: colours[1] ?? colours[0] ?? DEFAULT_BRAND.accent,
    logo,
    from: 'client',
  };
}

/** The rendered page, and the CSP hash of its one style sheet (the read-only page allows exactly that style). */
export interface RenderedReport {
  html: string;
  styleHash: string;
}

/**
 * The report as one self-contained HTML document: no script, no external resource (the logo is a data URL, the
 * charts inline SVG), every outside string escaped. The PDF is printed from it and the read-only link shows it.
 */
export function renderReportHtml(f: ReportFigures, brand: ReportBrand): RenderedReport {
  const style = styleSheet(brand);
  const days = daysOf(f.period);
  const reach = dailyReachChart(f.platform.dailyReach, days, brand.primary);
  const bars = engagementBarsChart(f.platform.engagementByPlatform, brand.primary);
  const sources = new Map<string, number>();
  const cite = (source: string) => {
    if (!sources.has(source)) sources.set(source, sources.size + 1);
    return sources.get(source)!;
  };
  const card = (fig: Figure) =>
    `<div class="card${fig.value === null ? ' na' : ''}" data-figure="${escapeHtml(fig.key)}">` +
    `<p class="label">${escapeHtml(fig.label)}</p>` +
    `<p class="value">${escapeHtml(formatFigure(fig))}</p>` +
    (fig.detail ? `<p class="detail">${escapeHtml(fig.detail)}</p>` : '') +
    `<p class="source">Source [${cite(fig.source)}]</p></div>`;
  const chart = (title: string, svg: string | null, source: string, why: string) =>
    `<figure class="chart-box"><figcaption>${escapeHtml(title)} <span class="source">Source [${cite(source)}]</span></figcaption>` +
    (svg ?? `<p class="na-line">${NOT_AVAILABLE}: ${escapeHtml(why)}</p>`) +
    `</figure>`;

  const header =
    `<header class="band">` +
    (brand.logo
      ? `<img class="logo" alt="${escapeHtml(f.client.name)} logo" src="data:${brand.logo.contentType};base64,${brand.logo.bytes.toString('base64')}">`
      : '') +
    `<div><h1>${escapeHtml(f.client.name)}</h1>` +
    `<p class="period">Report for ${escapeHtml(f.period.label)} <span class="dates">(${escapeHtml(f.period.start)} to ${escapeHtml(f.period.end)}, ${escapeHtml(f.client.timezone)})</span></p>` +
    `<p class="by">Prepared by ${escapeHtml(f.agency.name)}</p></div></header>`;

  const proof =
    `<section><h2>What we did for you</h2>` +
    `<p class="lede">Every post went through approval and a policy check before it was published, and was read back from the platform afterwards.</p>` +
    `<div class="cards">${f.proof.map(card).join('')}</div></section>`;

  const metrics =
    `<section><h2>Reach and engagement</h2><div class="cards">${f.platform.totals.map(card).join('')}</div>` +
    chart('Daily reach', reach, f.platform.dailyReach.source, 'no platform reported reach for this period') +
    chart(
      'Engagement by platform',
      bars,
      f.platform.engagementByPlatform.source,
      'no platform reported engagement for this period',
    ) +
    `</section>`;

  const growth = f.platform.followerGrowth;
  const followers =
    `<section><h2>Followers <span class="source">Source [${cite(growth.source)}]</span></h2>` +
    (growth.accounts.length
      ? `<table><thead><tr><th scope="col">Account</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Change</th></tr></thead><tbody>` +
        growth.accounts
          .map(
            (a) =>
              `<tr><td>${escapeHtml(platformName(a.platform))} ${escapeHtml(a.handle)}</td>` +
              `<td>${formatCount(a.first)} <span class="detail">${escapeHtml(a.firstDay)}</span></td>` +
              `<td>${formatCount(a.last)} <span class="detail">${escapeHtml(a.lastDay)}</span></td>` +
              `<td>${a.growth === null ? NOT_AVAILABLE : `${a.growth >= 0 ? '+' : '−'}${formatCount(Math.abs(a.growth))}`}</td></tr>`,
          )
          .join('') +
        `</tbody></table>`
      : `<p class="na-line">${NOT_AVAILABLE}: no platform reported followers for this period</p>`) +
    `</section>`;

  const top = f.platform.topPosts;
  const cell = (n: number | null) => (n === null ? NOT_AVAILABLE : formatCount(n));
  const posts =
    `<section><h2>Top posts <span class="source">Source [${cite(top.source)}]</span></h2>` +
    (top.posts.length
      ? `<table><thead><tr><th scope="col">Post</th><th scope="col">Reach</th><th scope="col">Impressions</th><th scope="col">Engagement</th></tr></thead><tbody>` +
        top.posts
          .map(
            (p) =>
              `<tr><td><span class="detail">${escapeHtml(platformName(p.platform))} ${escapeHtml(p.handle)}</span><br>` +
              (p.url
                ? `<a href="${escapeHtml(p.url)}">${escapeHtml(p.excerpt || p.url)}</a>`
                : escapeHtml(p.excerpt || '(no text)')) +
              `</td><td>${cell(p.reach)}</td><td>${cell(p.impressions)}</td><td>${cell(p.engagement)}</td></tr>`,
          )
          .join('') +
        `</tbody></table>`
      : `<p class="na-line">${NOT_AVAILABLE}: no platform reported post insights for this period</p>`) +
    `</section>`;

  // Issue #15: the posts the later re-checks found taken down, edited or moved on the platform. Older snapshots have
  // no such list and show no section.
  const receiptWords: Record<string, string> = {
    removed: 'removed from the platform',
    edited: 'text edited on the platform',
    author_changed: 'now under another account',
  };
  const rc = f.receipts;
  const changed = !rc
    ? ''
    : `<section><h2>Posts removed or changed after publishing <span class="source">Source [${cite(rc.source)}]</span></h2>` +
      (rc.posts.length
        ? `<table><thead><tr><th scope="col">Post</th><th scope="col">What changed</th><th scope="col">Found</th></tr></thead><tbody>` +
          rc.posts
            .map(
              (p) =>
                `<tr data-receipt="${escapeHtml(p.receipt)}"><td><span class="detail">${escapeHtml(platformName(p.platform))} ${escapeHtml(p.handle)}</span><br>` +
                (p.url
                  ? `<a href="${escapeHtml(p.url)}">${escapeHtml(p.excerpt || p.url)}</a>`
                  : escapeHtml(p.excerpt || '(no text)')) +
                `</td><td>${escapeHtml(receiptWords[p.receipt] ?? p.receipt)}</td><td>${escapeHtml(p.changedAt.slice(0, 10))}</td></tr>`,
            )
            .join('') +
          `</tbody></table>`
        : `<p class="na-line">Every post re-checked in this period was still live and unchanged.</p>`) +
      `</section>`;

  const sourceList =
    `<section class="sources"><h2>Where the figures come from</h2><ol>` +
    [...sources.keys()].map((s) => `<li>${escapeHtml(s)}</li>`).join('') +
    `</ol><p>"${NOT_AVAILABLE}" means the source held no data for the period; it is never shown as 0. Generated ${escapeHtml(f.generatedAt.slice(0, 16).replace('T', ' '))} UTC.</p></section>`;

  const body = header + `<main>${proof}${changed}${metrics}${followers}${posts}${sourceList}</main>`;
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">` +
    `<title>${escapeHtml(f.client.name)}: report for ${escapeHtml(f.period.label)}</title>` +
    `<style>${style}</style></head><body>${body}</body></html>`;
  return { html, styleHash: `sha256-${createHash('sha256').update(style).digest('base64')}` };
}

/** Black or white text, whichever reads on `hex` (WCAG relative luminance). */
function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.35 ? '#111111' : '#ffffff';
}

function styleSheet(brand: ReportBrand): string {
  const p = HEX.test(brand.primary) ? brand.primary : DEFAULT_BRAND.primary;
  const a = HEX.test(brand.accent) ? brand.accent : DEFAULT_BRAND.accent;
  return [
    `*{box-sizing:border-box}`,
    `html{-webkit-print-color-adjust:exact;print-color-adjust:exact}`,
    `body{margin:0;font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#222;font-size:12px;line-height:1.45;background:#fff}`,
    `.band{display:flex;align-items:center;gap:18px;background:${p};color:${textOn(p)};padding:22px 26px;border-bottom:6px solid ${a}}`,
    `.band h1{margin:0 0 4px;font-size:26px}`,
    `.band p{margin:0}`,
    `.band .dates{opacity:.85;font-size:11px}`,
    `.logo{max-height:64px;max-width:160px;background:#fff;padding:6px;border-radius:6px}`,
    `main{padding:8px 26px 20px}`,
    `section{margin-top:18px}`,
    `h2{font-size:16px;margin:0 0 8px;border-bottom:2px solid ${p};padding-bottom:3px;break-after:avoid}`,
    `.lede{margin:0 0 8px;color:#444}`,
    `.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}`,
    `.card{border:1px solid #d6d6d6;border-left:5px solid ${p};border-radius:5px;padding:8px 10px;break-inside:avoid}`,
    `.card .label{margin:0;font-size:11px;color:#444}`,
    `.card .value{margin:2px 0;font-size:22px;font-weight:bold;color:#111}`,
    `.card.na .value{font-size:14px;color:#666;font-weight:normal;font-style:italic}`,
    `.detail{margin:0;font-size:10px;color:#555}`,
    `.source{font-size:9px;color:#666;font-weight:normal;margin:2px 0 0}`,
    `.chart-box{margin:12px 0 0;break-inside:avoid}`,
    `figcaption{font-weight:bold;margin-bottom:4px}`,
    `.chart{display:block}`,
    `.na-line{font-style:italic;color:#555}`,
    `table{width:100%;border-collapse:collapse;font-size:11px}`,
    `th,td{text-align:left;padding:5px 6px;border-bottom:1px solid #e3e3e3;vertical-align:top}`,
    `th{background:#f4f4f4}`,
    `tr{break-inside:avoid}`,
    `a{color:${p}}`,
    `.sources ol{padding-left:20px;margin:4px 0;font-size:10px}`,
    `.sources p{font-size:10px;color:#555}`,
  ].join('');
}
