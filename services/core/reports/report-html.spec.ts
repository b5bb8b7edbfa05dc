import { createHash } from 'node:crypto';
import type { ReportFigures } from './report-figures';
import { figure, notAvailable, parseReportFigures } from './report-figures';
import { DEFAULT_BRAND, renderReportHtml, reportBrand } from './report-html';
import { formatDuration, formatFigure, formatMicroUsd } from './report-format';

const SRC = 'test source';

function figures(over: Partial<ReportFigures> = {}): ReportFigures {
  return {
    version: 1,
    client: {
      id: '5d0c3a51-8f0e-4d1b-9d5c-3f6f7b8a9c01',
      name: 'Acme <script>alert(1)</script> & "Co"',
      timezone: 'UTC',
    },
    agency: { name: 'Agency <b>bold</b>' },
    period: { start: '2026-02-01', end: '2026-02-28', label: 'February 2026' },
    generatedAt: '2026-03-01T08:00:00.000Z',
    platform: {
      totals: [
        figure({ key: 'metrics.reach', label: 'Reach', unit: 'count', value: 12345, source: SRC }),
        notAvailable({ key: 'metrics.impressions', label: 'Impressions', unit: 'count', source: SRC }, 'no data'),
      ],
      dailyReach: {
        source: SRC,
        points: [
          { day: '2026-02-01', value: 100 },
          { day: '2026-02-02', value: 250 },
        ],
      },
      engagementByPlatform: { source: SRC, bars: [{ label: 'instagram', value: 40 }] },
      followerGrowth: { source: SRC, accounts: [] },
      topPosts: {
        source: SRC,
        posts: [
          {
            platform: 'instagram',
            handle: '@acme',
            excerpt: '<img src=x onerror=alert(1)>',
            url: 'https://example.com/p/1?a=1&b="2"',
            reach: 10,
            impressions: null,
            engagement: 5,
          },
        ],
      },
    },
    proof: [
      figure({ key: 'publish.success_rate', label: 'Publish success', unit: 'ratio', value: 0.75, source: SRC }),
      notAvailable({ key: 'ai.spend', label: 'AI spend', unit: 'micro_usd', source: SRC }, 'no AI call was made'),
    ],
    ...over,
  };
}

describe('the report page', () => {
  it('escapes every outside string: names, handles, post text, links', () => {
    const { html } = renderReportHtml(figures(), DEFAULT_BRAND);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(html).toContain('href="https://example.com/p/1?a=1&amp;b=&quot;2&quot;"');
    // No script, no external resource of any kind.
    expect(html).not.toMatch(/<script|src="http|href="\/\/|@import|url\(/i);
  });

  it('shows "not available" for a figure without data, never 0, and names every source', () => {
    const { html } = renderReportHtml(figures(), DEFAULT_BRAND);
    expect(html).toMatch(/data-figure="ai\.spend"><p class="label">AI spend<\/p><p class="value">not available<\/p>/);
    expect(html).toContain('<p class="value">75%</p>');
    expect(html).toContain('<li>test source</li>');
    expect(html).toMatch(/<svg class="chart"[^>]*role="img"/);
  });

  it('uses the client’s colours and logo, and only well-formed ones', () => {
    const logo = { contentType: 'image/png', bytes: Buffer.from('89504e47', 'hex') };
    const brand = reportBrand({ colours: ['#E4007C', 'red;}</style><script>', '#00a0b0'], logo });
    expect(brand).toMatchObject({ primary: '#e4007c', accent: '#00a0b0', from: 'client' });
    const { html, styleHash } = renderReportHtml(figures(), brand);
    expect(html).toContain('background:#e4007c');
    expect(html).toContain('src="data:image/png;base64,iVBORw=="');
    const style = /<style>(.*?)<\/style>/s.exec(html)![1];
    expect(styleHash).toBe(`sha256-${createHash('sha256').update(style).digest('base64')}`);
    expect(reportBrand({ colours: [], logo: null })).toBe(DEFAULT_BRAND);
    expect(reportBrand({ colours: [], logo: { contentType: 'text/html', bytes: Buffer.from('<p>') } })).toBe(
      DEFAULT_BRAND,
    );
  });

  it('lists the posts removed or changed after publishing, escaped; an older snapshot has no such section', () => {
    const receipts = {
      source: SRC,
      posts: [
        {
          platform: 'sandbox',
          handle: '@acme',
          excerpt: 'Spring <b>sale</b>',
          url: 'https://example.com/p/9',
          receipt: 'removed' as const,
          publishedAt: '2026-02-03T10:00:00.000Z',
          changedAt: '2026-02-04T10:00:00.000Z',
        },
      ],
    };
    const { html } = renderReportHtml(figures({ receipts }), DEFAULT_BRAND);
    expect(html).toContain('<h2>Posts removed or changed after publishing');
    expect(html).toMatch(
      /data-receipt="removed">.*Spring &lt;b&gt;sale&lt;\/b&gt;.*removed from the platform.*2026-02-04/,
    );
    expect(parseReportFigures(JSON.parse(JSON.stringify(figures({ receipts }))))).toEqual(figures({ receipts }));
    expect(renderReportHtml(figures({ receipts: { source: SRC, posts: [] } }), DEFAULT_BRAND).html).toContain(
      'still live and unchanged',
    );
    expect(renderReportHtml(figures(), DEFAULT_BRAND).html).not.toContain('removed or changed after publishing');
  });

  it('refuses a stored snapshot that does not have the report’s shape', () => {
    expect(parseReportFigures(JSON.parse(JSON.stringify(figures())))).toEqual(figures());
    expect(() => parseReportFigures({ ...figures(), proof: [{ key: 'x' }] })).toThrow();
  });
});

describe('figures in words', () => {
  it('formats each unit as a client reads it', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatDuration(3 * 86400)).toBe('3 days');
    expect(formatMicroUsd(12_340_000)).toBe('$12.34');
    expect(formatMicroUsd(1_000)).toBe('< $0.01');
    expect(formatFigure(notAvailable({ key: 'k', label: 'l', unit: 'count', source: 's' }, 'why'))).toBe(
      'not available',
    );
  });
});
