import { CsvError, type CsvRecord } from './csv';

/** The columns an import understands; only `text`, `accounts` and `date` are required. */
export const IMPORT_COLUMNS = [
  'text',
  'media_urls',
  'accounts',
  'date',
  'recurrence',
  'evergreen',
  'evergreen_interval_days',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const REQUIRED: readonly ImportColumn[] = ['text', 'accounts', 'date'];
// Names spreadsheets and other tools use for the same columns.
const ALIASES: Record<string, ImportColumn> = { platforms: 'accounts', account: 'accounts', media: 'media_urls' };

/** One data record by column name, as read: every value a string ('' when the column is absent). */
export interface RawImportRow {
  line: number;
  /** the record had as many fields as the header */
  fieldCountOk: boolean;
  values: Record<ImportColumn, string>;
}

/** Maps the header to known columns; an unknown or repeated column refuses the whole file with its name. */
export function readImportRows(records: CsvRecord[]): RawImportRow[] {
  if (!records.length) throw new CsvError('the CSV is empty: it needs a header line and at least one row');
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const columns = header.map((h) => ALIASES[h] ?? h);
  const known = new Set<string>(IMPORT_COLUMNS);
  for (const [i, c] of columns.entries()) {
    if (!known.has(c))
      throw new CsvError(`unknown column "${header[i].slice(0, 40)}"; the columns are ${IMPORT_COLUMNS.join(', ')}`);
    if (columns.indexOf(c) !== i) throw new CsvError(`the column ${c} appears twice`);
  }
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) throw new CsvError(`missing column(s): ${missing.join(', ')}`);
  if (records.length === 1) throw new CsvError('the CSV has a header but no rows');
  return records.slice(1).map((r) => {
    const values = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as Record<ImportColumn, string>;
    columns.forEach((c, i) => (values[c as ImportColumn] = r.fields[i] ?? ''));
    return { line: r.line, fieldCountOk: r.fields.length === columns.length, values };
  });
}

/** `a b|c` → ['a', 'b', 'c']: lists in one cell are separated by spaces or `|`. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[\s|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
