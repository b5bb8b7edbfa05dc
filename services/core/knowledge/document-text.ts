import { htmlToText } from './html-to-text';

/** The document types a knowledge base source may be; anything else is refused before it is stored. */
export const KB_CONTENT_TYPES = ['text/plain', 'text/markdown', 'text/csv', 'text/html'] as const;
export type KbContentType = (typeof KB_CONTENT_TYPES)[number];

/** `text/html; charset=utf-8` → `text/html`; unknown types → undefined. */
export function kbContentType(header: string | undefined): KbContentType | undefined {
  const base = (header ?? '').split(';')[0].trim().toLowerCase();
  const aliased = base === 'text/x-markdown' ? 'text/markdown' : base;
  return (KB_CONTENT_TYPES as readonly string[]).includes(aliased) ? (aliased as KbContentType) : undefined;
}

/** Plain, readable text of a document, whatever its type; control characters removed, line ends normalised. */
export function documentText(content: string, type: KbContentType): string {
  const plain =
    type === 'text/html'
      ? htmlToText(content)
      : type === 'text/markdown'
        ? markdownToText(content)
        : type === 'text/csv'
          ? csvToText(content)
          : content;
  return plain
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Bounded repetitions: a hostile line of a million `[` or `*` costs linear time, not quadratic.
function markdownToText(md: string): string {
  return md
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/, '')
        .replace(/^\s*(```|~~~).*$/, '')
        .replace(/!\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)/g, '$1')
        .replace(/\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)/g, '$1')
        .replace(/(\*\*|__|\*|_|`)(?=\S)([^\n]{0,300}?\S)\1/g, '$2'),
    )
    .join('\n');
}

/**
 * Each row as `header: value` pairs, so a row keeps its meaning when it is read alone (a chunk, a summary).
 * Quoted fields with commas, doubled quotes and line breaks are honoured.
 */
function csvToText(csv: string): string {
  const rows = parseCsv(csv).filter((r) => r.some((c) => c.trim()));
  if (rows.length < 2) return rows.map((r) => r.join(', ')).join('\n');
  const [header, ...body] = rows;
  return body
    .map((r) =>
      r
        .map((v, i) => (v.trim() ? `${header[i]?.trim() || `column ${i + 1}`}: ${v.trim()}` : ''))
        .filter(Boolean)
        .join('; '),
    )
    .join('\n');
}

export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
