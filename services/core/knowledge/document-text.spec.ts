import { documentText, kbContentType, parseCsv } from './document-text';

describe('documentText', () => {
  it('reads markdown as plain text', () => {
    const md =
      '# Our story\n\nWe **love** [coffee](https://example.com/x?y=1).\n\n- beans\n- `roasting`\n\n```\ncode\n```';
    expect(documentText(md, 'text/markdown')).toBe('Our story\n\nWe love coffee.\n\nbeans\nroasting\n\ncode');
  });

  it('reads CSV rows as header: value pairs, with quoted commas and line breaks', () => {
    const csv = 'product,claim\n"Espresso, dark","Rich, ""bold"" taste"\nLatte,\r\n';
    expect(documentText(csv, 'text/csv')).toBe('product: Espresso, dark; claim: Rich, "bold" taste\nproduct: Latte');
    expect(parseCsv('a,"b\nc"\n')).toEqual([['a', 'b\nc']]);
  });

  it('removes control characters and normalises line ends', () => {
    expect(documentText('a\r\nb\u0007c\n\n\n\nd', 'text/plain')).toBe('a\nbc\n\nd');
  });

  it('knows the accepted content types', () => {
    expect(kbContentType('text/html; charset=utf-8')).toBe('text/html');
    expect(kbContentType('TEXT/X-MARKDOWN')).toBe('text/markdown');
    expect(kbContentType('image/png')).toBeUndefined();
    expect(kbContentType(undefined)).toBeUndefined();
  });
});
