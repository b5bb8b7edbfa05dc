/**
 * Reduces an HTML page to its readable text without a DOM: scripts, styles and other non-text elements go with
 * their content, block elements become line breaks, entities are decoded. Enough for a knowledge base summary;
 * nothing here is ever rendered back as HTML.
 */
const DROPPED_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'iframe',
  'object',
  'canvas',
]);
const BLOCK_ELEMENTS = new Set(
  (
    'p div br hr li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer nav aside main ' +
    'blockquote pre dd dt dl figure figcaption form title'
  ).split(' '),
);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return NAMED_ENTITIES[ent.toLowerCase()] ?? whole;
  });
}

/** The page's `<title>`, if it has one. */
export function htmlTitle(html: string): string | undefined {
  const lower = html.toLowerCase();
  const open = lower.indexOf('<title');
  const start = open === -1 ? -1 : lower.indexOf('>', open);
  const end = start === -1 ? -1 : lower.indexOf('</title', start);
  if (end === -1) return undefined;
  const t = collapse(htmlToText(html.slice(start + 1, end)).replace(/\n/g, ' '));
  return t ? t.slice(0, 200) : undefined;
}

/**
 * One pass over the page with indexOf, no backtracking regular expressions: a hostile page (thousands of
 * unclosed `<`) costs linear time. An unterminated tag, comment or script drops the rest of the page.
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) {
      out.push(html.slice(pos));
      break;
    }
    out.push(html.slice(pos, lt));
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      if (end === -1) break;
      pos = end + 3;
      continue;
    }
    const name = /^<\/?([a-z][a-z0-9-]*)/.exec(lower.slice(lt, lt + 40))?.[1];
    if (!name && !/^<[!?]/.test(html.slice(lt, lt + 2))) {
      out.push('<'); // a lone `<` in text, as in "a < b"
      pos = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt === -1) break;
    pos = gt + 1;
    if (name && DROPPED_ELEMENTS.has(name) && html[lt + 1] !== '/') {
      const close = lower.indexOf(`</${name}`, pos);
      if (close === -1) break;
      const closeEnd = html.indexOf('>', close);
      if (closeEnd === -1) break;
      pos = closeEnd + 1;
      out.push(' ');
      continue;
    }
    out.push(name && BLOCK_ELEMENTS.has(name) ? '\n' : ' ');
  }
  return decodeEntities(out.join(''))
    .split('\n')
    .map((line) => collapse(line).replace(/ +([.,;:!?])/g, '$1'))
    .filter(Boolean)
    .join('\n');
}

function collapse(line: string): string {
  return line.replace(/[\s\u00a0]+/g, ' ').trim();
}
