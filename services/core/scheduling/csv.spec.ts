import { CsvError, parseCsv } from './csv';

const limits = { maxBytes: 10_000, maxRows: 5, maxFieldChars: 100 };
const fieldsOf = (text: string) => parseCsv(text, limits).map((r) => r.fields);

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes, with CRLF or LF', () => {
    const text = 'text,date\r\n"Hello, ""world""",2026-01-01T09:00\r\n"two\nlines",next\n';
    expect(fieldsOf(text)).toEqual([
      ['text', 'date'],
      ['Hello, "world"', '2026-01-01T09:00'],
      ['two\nlines', 'next'],
    ]);
  });

  it('gives each record the line it starts on, counting line breaks inside quotes', () => {
    const records = parseCsv('a\n"x\ny"\n\nz', limits);
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps empty fields, skips blank lines, accepts a BOM and a missing final line break', () => {
    expect(fieldsOf('\ufeffa,b,c\n\n1,,""\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
    expect(fieldsOf('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it.each([
    ['an unclosed quote', 'a\n"oops,1\n', /never closed/],
    ['text after a closing quote', 'a\n"x"y\n', /after a closing quote/],
    ['a quote inside an unquoted field', 'a\nab"c\n', /inside an unquoted field/],
  ])('refuses %s, naming the line', (_what, text, message) => {
    expect(() => parseCsv(text, limits)).toThrow(CsvError);
    expect(() => parseCsv(text, limits)).toThrow(message);
    expect(() => parseCsv(text, limits)).toThrow(/line 2/);
  });

  it('refuses more rows, bytes or field characters than the limits', () => {
    const rows = ['h', ...Array.from({ length: 6 }, (_, i) => String(i))].join('\n');
    expect(() => parseCsv(rows, limits)).toThrow(/more than 5 rows/);
    expect(parseCsv(rows.split('\n').slice(0, 6).join('\n'), limits)).toHaveLength(6);
    expect(() => parseCsv('a\n' + 'x'.repeat(10_001), limits)).toThrow(/larger than 10000 bytes/);
    expect(() => parseCsv('a\n' + 'x'.repeat(101), limits)).toThrow(/longer than 100 characters/);
  });
});
