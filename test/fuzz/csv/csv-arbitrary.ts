import fc from 'fast-check';
import { IMPORT_COLUMNS } from '../../../services/core/scheduling/import-columns';
import type { FuzzPools } from '../fuzz-pools';
import { hostileString } from '../hostile-values';

/**
 * Random CSV files for the import (C-54): headers right, aliased, unknown or repeated; cells well-formed or hostile
 * (spreadsheet formulas, huge fields, dates that do not exist or are out of range, other tenants' handles); written
 * with any line ending, a BOM or not, quoting right or broken. Accepted files stay small: each accepted row starts a
 * publish workflow, and the fuzz step measures input handling, not scheduling throughput.
 */

const DAY = 86_400_000;
const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

const formula = fc.constantFrom(
  '=HYPERLINK("http://x.test","y")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '=cmd|"/c calc"!A1',
  '\t=1',
);

/** Each column's cells; `clean`: well-formed only, so a good share of files pass the dry run and get imported. */
function cellArbitraries(pools: FuzzPools, clean: boolean): Record<string, fc.Arbitrary<string>> {
  const own = pools.handles.length ? pools.handles : ['nobody'];
  const foreign = pools.foreignHandles.length ? pools.foreignHandles : ['someone_else'];
  const cell = (good: fc.Arbitrary<string>, weird: fc.Arbitrary<string> = fc.constant('')) =>
    clean
      ? good
      : fc.oneof(
          { weight: 12, arbitrary: good },
          { weight: 2, arbitrary: hostileString },
          { weight: 1, arbitrary: formula },
          { weight: 1, arbitrary: weird },
        );
  return {
    text: cell(
      fc.oneof(
        fc.constantFrom('Launch day, finally', 'Line one\nline two', 'She said "hi"'),
        fc.string({ minLength: 1, maxLength: 80 }),
      ),
      fc.constantFrom('x'.repeat(20_001), 'y'.repeat(5_001)),
    ),
    accounts: cell(
      fc.oneof(
        fc.constantFrom(...own).map((h) => `@${h}`),
        fc.constantFrom(...own).map((h) => `sandbox:${h}`),
        fc.tuple(fc.constantFrom(...own), fc.constantFrom(...own)).map(([a, b]) => `@${a} | @${b}`),
      ),
      fc.oneof(
        fc.constantFrom(...foreign).map((h) => `@${h}`),
        fc.constantFrom('@', 'instagram:@x', '@nobody_here'),
      ),
    ),
    date: cell(
      fc.oneof(
        fc.integer({ min: 1, max: 300 }).map((d) => local(Date.now() + d * DAY)),
        fc.constant('next'),
      ),
      fc.constantFrom(
        local(Date.now() - DAY),
        local(Date.now() + 30_000),
        '0000-01-01T00:00',
        '9999-12-31T23:59',
        '2031-02-30T10:00',
        '2031-06-01T24:00',
        '+275760-09-13T00:00',
        '1969-12-31T23:59',
        'NEXT',
        'tomorrow',
      ),
    ),
    media_urls: cell(
      fc.constant(''),
      fc.constantFrom(
        'http://127.0.0.1:1/x.png',
        'https://media.invalid/a.png',
        'file:///etc/passwd',
        'http://169.254.169.254/',
        'a b c',
      ),
    ),
    recurrence: cell(
      fc.constantFrom('', '', 'weekly:2', 'daily:3'),
      fc.constantFrom('daily:999', 'weekly:0', 'monthly:2', 'daily:-1', 'weekly:53'),
    ),
    evergreen: cell(fc.constantFrom('', 'false', 'no'), fc.constantFrom('true', 'maybe', 'TRUE ')),
    evergreen_interval_days: cell(fc.constant(''), fc.constantFrom('7', '0', '-1', '99999', '1e3')),
  };
}

/** The column a header names, as the import reads it (aliases included), so its cells fit it. */
const columnOf = (header: string): string => {
  const h = header
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase();
  return ({ platforms: 'accounts', account: 'accounts', media: 'media_urls' } as Record<string, string>)[h] ?? h;
};

/** One cell as a spreadsheet would write it: quoted when it must be (or at random), its quotes doubled. */
const written = (value: string, quote: boolean) =>
  quote || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** Quoting mistakes the parser must refuse with a line number, not a stack trace. */
const BREAKAGES = ['unclosed', 'quote-inside', 'after-quote'] as const;
function broken(value: string, how: (typeof BREAKAGES)[number]): string {
  if (how === 'unclosed') return `"${value}`;
  if (how === 'quote-inside') return `${value}"x`;
  return `"${value}"x`;
}

export interface FuzzCsv {
  csv: string;
  /** rows written, the header not counted */
  rows: number;
}

export function csvArbitrary(pools: FuzzPools): fc.Arbitrary<FuzzCsv> {
  const cellsOf = { clean: cellArbitraries(pools, true), noisy: cellArbitraries(pools, false) };
  const header = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .shuffledSubarray([...IMPORT_COLUMNS], { minLength: 0 })
        .map((cols) => ['text', 'accounts', 'date', ...cols.filter((c) => !['text', 'accounts', 'date'].includes(c))]),
    },
    { weight: 1, arbitrary: fc.constant(['Text ', 'ACCOUNT', 'date']) },
    { weight: 1, arbitrary: fc.constant(['text', 'platforms', 'date', 'media']) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ['text', 'accounts'],
        ['text', 'accounts', 'date', 'text'],
        ['text', 'accounts', 'date', 'owner'],
        ['\ufefftext', 'accounts', 'date'],
        [''],
      ),
    },
  );
  return fc
    .tuple(
      header,
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
      fc.boolean(),
      // Mostly no quoting mistake; sometimes one, in some cell.
      fc.oneof({ weight: 5, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 20 }) }),
      fc.boolean(),
    )
    .chain(([cols, n, eol, bom, finalEol, breakAtNoisy, clean]) => {
      const cells = clean ? cellsOf.clean : cellsOf.noisy;
      const breakAt = clean ? -1 : breakAtNoisy;
      // A record with a field too many or too few, now and then (never in a clean file).
      const width = clean ? fc.constant(0) : fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 1, -1);
      return fc
        .tuple(
          fc.array(
            fc.tuple(
              fc.tuple(...cols.map((c) => cells[columnOf(c)] ?? cells.text!)),
              fc.array(fc.boolean(), { minLength: cols.length, maxLength: cols.length }),
              width,
            ),
            { minLength: n, maxLength: n },
          ),
          fc.constantFrom(...BREAKAGES),
          // Far past the row limit (500): refused as a whole, with no row scheduled.
          fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 600),
        )
        .map(([rows, how, extra]) => {
          const lines = [cols.join(',')];
          rows.forEach(([values, quotes, widthChange], i) => {
            const row = values.map((v, j) =>
              i * cols.length + j === breakAt ? broken(v, how) : written(v, quotes[j]!),
            );
            if (widthChange > 0) row.push('extra');
            if (widthChange < 0 && row.length > 1) row.pop();
            lines.push(row.join(','));
          });
          for (let i = 0; i < extra; i++) lines.push(`"Row ${i}",@nobody_here,tomorrow`);
          const csv = (bom ? '\ufeff' : '') + lines.join(eol) + (finalEol ? eol : '');
          return { csv, rows: rows.length + extra };
        });
    });
}
