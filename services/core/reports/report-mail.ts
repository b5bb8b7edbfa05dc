import type { MailMessage } from '../mail/mail.port';
import { escapeHtml } from './html-escape';
import type { ReportFigures } from './report-figures';
import { formatFigure } from './report-format';

/** A header field may hold no line break or control character: a name from outside is flattened first. */
const flat = (s: string) => s.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();

/** `report-<client>-<start>.pdf` with a name reduced to letters, digits and dashes. */
export function reportFileName(f: Pick<ReportFigures, 'client' | 'period'>): string {
  const slug =
    f.client.name
      .normalize('NFKD')
      // the accents NFKD split off (é → e + ´) go; what is left outside [A-Za-z0-9] becomes a dash
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'client';
  return `report-${slug}-${f.period.start}.pdf`;
}

/**
 * The mail that delivers a report: the headline figures in words, the read-only link (its expiry said), and the PDF
 * attached. Every name is escaped in the HTML part and flattened in the subject.
 */
export function reportMail(q: {
  to: string[];
  figures: ReportFigures;
  linkUrl: string;
  linkExpires: Date;
  pdf: Buffer;
}): MailMessage {
  const f = q.figures;
  const headline = [...f.proof, ...f.platform.totals].map((x) => `${x.label}: ${formatFigure(x)}`);
  const expires = q.linkExpires.toISOString().slice(0, 10);
  const text = [
    `Hello,`,
    ``,
    `${flat(f.agency.name)} has prepared ${flat(f.client.name)}'s report for ${f.period.label}. The PDF is attached.`,
    ``,
    ...headline.map((l) => `- ${l}`),
    ``,
    `Read it online (until ${expires}): ${q.linkUrl}`,
    ``,
    `Every figure in the report names its source; "not available" means the source held no data for the period.`,
  ].join('\n');
  const html =
    `<p>Hello,</p><p>${escapeHtml(f.agency.name)} has prepared ${escapeHtml(f.client.name)}'s report for ` +
    `${escapeHtml(f.period.label)}. The PDF is attached.</p><ul>` +
    headline.map((l) => `<li>${escapeHtml(l)}</li>`).join('') +
    `</ul><p><a href="${escapeHtml(q.linkUrl)}">Read it online</a> (until ${escapeHtml(expires)}).</p>`;
  return {
    to: q.to,
    subject: flat(`${f.client.name}: your report for ${f.period.label}`).slice(0, 300),
    text,
    html,
    attachments: [{ filename: reportFileName(f), contentType: 'application/pdf', content: q.pdf }],
  };
}
