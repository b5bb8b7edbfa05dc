import { validateMailMessage } from '../mail/mail-message';
import type { ReportFigures } from './report-figures';
import { figure, notAvailable } from './report-figures';
import { reportFileName, reportMail } from './report-mail';

const figures: ReportFigures = {
  version: 1,
  client: {
    id: '5d0c3a51-8f0e-4d1b-9d5c-3f6f7b8a9c01',
    name: 'Café <Ünïcode>\r\nBcc: x@evil.example',
    timezone: 'UTC',
  },
  agency: { name: 'Agency & Co' },
  period: { start: '2026-02-01', end: '2026-02-28', label: 'February 2026' },
  generatedAt: '2026-03-01T08:00:00.000Z',
  platform: {
    totals: [figure({ key: 'metrics.reach', label: 'Reach', unit: 'count', value: 12345, source: 's' })],
    dailyReach: { source: 's', points: [] },
    engagementByPlatform: { source: 's', bars: [] },
    followerGrowth: { source: 's', accounts: [] },
    topPosts: { source: 's', posts: [] },
  },
  proof: [notAvailable({ key: 'ai.spend', label: 'AI spend', unit: 'micro_usd', source: 's' }, 'none')],
};

describe('the report mail', () => {
  it('carries the PDF, the link and the headline figures, with no way for a name to add a header', () => {
    const m = reportMail({
      to: ['owner@client.example'],
      figures,
      linkUrl: 'https://raize.example/r/rpt_x',
      linkExpires: new Date('2026-03-31T00:00:00Z'),
      pdf: Buffer.from('%PDF-1.7'),
    });
    expect(() => validateMailMessage(m)).not.toThrow();
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.subject).toBe('Café <Ünïcode> Bcc: x@evil.example: your report for February 2026');
    expect(m.text).toContain('- Reach: 12,345');
    expect(m.text).toContain('- AI spend: not available');
    expect(m.text).toContain('Read it online (until 2026-03-31): https://raize.example/r/rpt_x');
    expect(m.html).toContain('Café &lt;Ünïcode&gt;');
    expect(m.html).toContain('Agency &amp; Co');
    expect(m.attachments).toEqual([
      {
        filename: 'report-cafe-unicode-bcc-x-evil-example-2026-02-01.pdf',
        contentType: 'application/pdf',
        content: Buffer.from('%PDF-1.7'),
      },
    ]);
    expect(reportFileName({ ...figures, client: { ...figures.client, name: '***' } })).toBe(
      'report-client-2026-02-01.pdf',
    );
  });
});
