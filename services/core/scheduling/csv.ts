/** Why a CSV was refused as a whole; the message names the line, never echoes the content. */
export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

export interface CsvLimits {
  maxBytes: number;
  /** data records, the header not counted */
  maxRows: number;
  maxFieldChars: number;
}

/** A record and the line of the file it starts on (1-based), so operators can find the row an error names. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180: fields separated by commas, records by CRLF or LF; a field in double quotes may hold commas, line
 * breaks and doubled quotes (""). Also accepted because spreadsheets write them: a UTF-8 byte-order mark, a
 * missing final line break, and blank lines (skipped). Refused: a quote inside an unquoted field, text after a
 * closing quote, an unclosed quote. A hand-written parser rather than a dependency: the grammar is small, and it
 * counts limits while it reads, so an oversized file is refused before it is held as rows.
 */
export function parseCsv(text: string, limits: CsvLimits): CsvRecord[] {
  if (Buffer.byteLength(text, 'utf8') > limits.maxBytes)
    throw new CsvError(`the CSV is larger than ${limits.maxBytes} bytes; split it into smaller files`);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let afterQuote = false;

  const endField = () => {
    if (field.length > limits.maxFieldChars)
      throw new CsvError(`line ${recordLine}: a field is longer than ${limits.maxFieldChars} characters`);
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) {
      // The header plus maxRows data records.
      if (records.length >= limits.maxRows + 1)
        throw new CsvError(`the CSV has more than ${limits.maxRows} rows; split it into smaller files`);
      records.push({ line: recordLine, fields });
    }
    fields = [];
  };

  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (afterQuote) throw new CsvError(`line ${line}: text after a closing quote; quote the whole field`);
    if (c === '"') {
      if (field.length) throw new CsvError(`line ${line}: a quote inside an unquoted field; quote the whole field`);
      quoted = true;
      i++;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) throw new CsvError(`line ${recordLine}: a quoted field is never closed`);
  if (field.length || fields.length || afterQuote) endRecord();
  return records;
}
