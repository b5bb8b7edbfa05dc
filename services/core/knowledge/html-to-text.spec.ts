import { decodeEntities, htmlTitle, htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('keeps the readable text, drops scripts, styles and comments, breaks lines at blocks', () => {
    const html = `<!doctype html><html><head><title>Acme &amp; Co</title><style>p{color:red}</style></head>
      <body><script>alert("x")</script><h1>About   us</h1><p>We make <b>rockets</b>.</p><!-- hidden -->
      <ul><li>Fast</li><li>Safe &lt;really&gt;</li></ul><noscript>enable js</noscript></body></html>`;
    expect(htmlToText(html)).toBe('About us\nWe make rockets.\nFast\nSafe <really>');
    expect(htmlTitle(html)).toBe('Acme & Co');
  });

  it('keeps a lone < in text and stops at an unterminated tag', () => {
    expect(htmlToText('a < b and c')).toBe('a < b and c');
    expect(htmlToText('before <script>never closed')).toBe('before');
    expect(htmlToText('text <p unterminated')).toBe('text');
  });

  it('decodes numeric and named entities, and refuses surrogate code points', () => {
    expect(decodeEntities('&#x41;&#66;&eacute;&euro;&#xD800;')).toBe('AB&eacute;€ ');
  });

  it('reads a hostile page (hundreds of thousands of unclosed tags) in one pass', () => {
    expect(htmlToText('ok ' + '<'.repeat(200_000) + '<a'.repeat(200_000) + '<!--')).toMatch(/^ok </);
    expect(htmlTitle('<title>' + '<'.repeat(200_000))).toBeUndefined();
  });
});
