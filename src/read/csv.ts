import { isUtf8 } from 'node:buffer';
import { Parser, type CsvError, type Options } from 'csv-parse';
import type { RawRow } from '../model.js';
import { InputError, type Chunks, type Delimiter } from './source.js';

export interface CsvOptions {
  delimiter: Delimiter;
  /** Reject records with invalid UTF-8 (off when the bytes were re-encoded from another encoding). */
  validateUtf8?: boolean;
  /** Told the header's column names (trimmed, as written). */
  onHeader?: (columns: string[]) => void;
  /** Told the header record as read (cells untrimmed), for reading a later part of the file with it. */
  onHeaderRecord?: (record: readonly string[]) => void;
  /**
   * The header record of a stream that starts after it (a byte range of a larger file): every
   * record is then a data row.
   */
  header?: readonly string[];
}

/** The parts of csv-parse's internal state we adjust. */
interface ParserState {
  quoting?: boolean;
  expectedRecordLength?: number;
}

/**
 * csv-parse handing each record, with the line where it ends, to `onRecord` as soon as it is
 * complete instead of queueing it for a reader. A record is complete when csv-parse pushes it, so
 * `info.lines` is then its last line; its own `info: true` option does the same at twice the cost.
 */
class RecordParser extends Parser {
  constructor(
    options: Options,
    private readonly onRecord: (record: string[], line: number) => void,
  ) {
    super(options);
  }

  /** csv-parse's parsing state (`{}` should a later version not expose it). */
  get internalState(): ParserState {
    return (this as unknown as { state?: ParserState }).state ?? {};
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) return super.push(chunk, encoding);
    // With `raw: true` csv-parse pushes `{ record, raw }`, otherwise the bare cell array.
    this.onRecord(Array.isArray(chunk) ? (chunk as string[]) : (chunk as { record: string[] }).record, this.info.lines);
    return true;
  }
}

/**
 * Rows of a CSV or TSV stream, one batch per input chunk: the rows of the records that chunk
 * completes, rejections in order among them. The first non-blank record is the header.
 */
export async function* csvRows(chunks: Chunks, file: string, options: CsvOptions): AsyncGenerator<RawRow[]> {
  const tsv = options.delimiter === '\t';
  let batch: RawRow[] = [];
  const utf8 = new Utf8Lines();
  let lastRecordLine = 0;
  let width = 0;
  let makeFields: ((record: string[]) => Record<string, unknown>) | undefined; // set by the header
  if (options.header !== undefined) {
    width = options.header.length;
    makeFields = fieldsFactory(headerColumns([...options.header]));
  }
  let stopped = false; // a malformed record before the header: no later row can be read
  let lastSkipLine = 0;
  const parser: RecordParser = new RecordParser(
    {
      bom: true,
      delimiter: options.delimiter,
      quote: '"',
      relax_quotes: tsv, // a TSV value may contain a stray quote
      relax_column_count: true, // we count columns ourselves
      skip_empty_lines: true,
      record_delimiter: '\n', // the input is normalised to LF first
      // csv-parse has the text of a bad record for on_skip only with `raw`. It costs about a tenth
      // of the reading time (a copy of every byte, a second decoding of every record).
      raw: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined, raw: string | undefined) => {
        const line = typeof err?.['lines'] === 'number' ? err['lines'] : parser.info.lines;
        if (err?.code === 'CSV_INVALID_CLOSING_QUOTE' && parser.internalState.quoting === true) {
          // csv-parse stays inside the quoted field, which would swallow every following line up to
          // the next quote. Leave the field so that the record ends with its physical line.
          parser.internalState.quoting = false;
        }
        // One rejection per record: a record can raise several errors on its line.
        if (stopped || line === lastSkipLine) return undefined;
        lastSkipLine = line;
        // Its lines are accounted for: invalid UTF-8 in them is not the next record's.
        utf8.invalidUpTo(line);
        lastRecordLine = line;
        batch.push({ file, line, ok: false, reason: 'malformed CSV', raw });
        if (makeFields === undefined) stopped = true;
        return undefined;
      },
    },
    (record, line) => {
      const invalid = utf8.invalidUpTo(line);
      if (stopped || record.every(isBlank)) return; // an empty record is not a row
      const from = lastRecordLine;
      lastRecordLine = line;
      if (invalid > from && makeFields !== undefined) {
        batch.push({ file, line, ok: false, reason: 'invalid UTF-8', raw: record });
        return;
      }
      if (makeFields === undefined) {
        width = record.length;
        options.onHeaderRecord?.(record);
        const columns = headerColumns(record);
        options.onHeader?.(columns.map(([, name]) => name));
        makeFields = fieldsFactory(columns);
        // csv-parse takes the width of its first record, which may be a blank one, and builds an
        // error (tens of microseconds) for every record of another width, even when relaxed.
        parser.internalState.expectedRecordLength = width;
      } else if (record.length !== width) {
        batch.push({ file, line, ok: false, reason: 'wrong column count', raw: record });
      } else {
        batch.push({ file, line, ok: true, fields: makeFields(record) });
      }
    },
  );
  parser.on('error', () => {}); // errors reach us through the write and end callbacks

  try {
    for await (const chunk of unixNewlines(chunks)) {
      if (options.validateUtf8 !== false) utf8.check(chunk);
      await feed(parser, chunk);
      if (batch.length > 0) {
        const rows = batch;
        batch = [];
        yield rows;
      }
      if (stopped) return;
    }
    await feed(parser, undefined);
  } catch (err) {
    if (err instanceof InputError) throw err;
    // A parse error csv-parse could not skip: reject at the current line and stop this file.
    if (!stopped) batch.push({ file, line: parser.info.lines, ok: false, reason: 'malformed CSV', raw: null });
  }
  if (batch.length > 0) yield batch;
}

/**
 * Finds the lines with invalid UTF-8 in a stream of LF-separated chunks: each chunk is checked
 * whole (a split character at its end is checked with the next one); only a chunk that fails is
 * checked line by line.
 */
class Utf8Lines {
  private pending: Buffer = Buffer.alloc(0);
  /** Lines before the pending bytes. */
  private lines = 0;
  /** Invalid line numbers not yet asked for, ascending. */
  private readonly invalid: number[] = [];

  check(chunk: Buffer): void {
    const cut = chunk.lastIndexOf(10) + 1;
    if (cut === 0) {
      this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
      return;
    }
    const region = this.pending.length === 0 ? chunk.subarray(0, cut) : Buffer.concat([this.pending, chunk.subarray(0, cut)]);
    this.pending = chunk.subarray(cut);
    if (isUtf8(region)) {
      let n = 0;
      for (let i = region.indexOf(10); i !== -1; i = region.indexOf(10, i + 1)) n++;
      this.lines += n;
      return;
    }
    let start = 0;
    for (let end = region.indexOf(10); end !== -1; start = end + 1, end = region.indexOf(10, start)) {
      this.lines++;
      if (!isUtf8(region.subarray(start, end))) this.invalid.push(this.lines);
    }
  }

  /** The last invalid line ≤ `line` (0 if none); those lines are forgotten. */
  invalidUpTo(line: number): number {
    let last = 0;
    while (this.invalid.length > 0 && (this.invalid[0] as number) <= line) last = this.invalid.shift() as number;
    if (last === 0 && this.pending.length > 0 && this.lines < line && !isUtf8(this.pending)) {
      // The last line of the input, without a final newline.
      last = line;
    }
    return last;
  }
}

/** Parses one chunk, or the end of the input for `undefined`; resolves once its records are pushed. */
function feed(parser: Parser, chunk: Buffer | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error | null): void => (err ? reject(err) : resolve());
    if (chunk === undefined) parser.end(done);
    else parser.write(chunk, done);
  });
}

function isBlank(cell: string): boolean {
  return cell === '' || cell.trim() === '';
}

/**
 * Header names trimmed; a repeated name takes its last column (as a repeated key in a JSON line
 * does), at the place of its first; unnamed columns carry no field.
 */
function headerColumns(record: string[]): Array<[index: number, name: string]> {
  const byName = new Map<string, number>();
  record.forEach((cell, index) => {
    const name = cell.trim();
    // '__proto__' would set the prototype of the fields object instead of a field.
    if (name === '' || name === '__proto__') return;
    byName.set(name, index); // a later column with the name replaces the earlier one, in its place
  });
  return [...byName].map(([name, index]) => [index, name]);
}

/**
 * Record → fields object, compiled once per file into an object literal with the header names as
 * keys: V8 then creates each object with its final shape at once, several times faster than adding
 * the names one by one. The names are JSON-quoted, which makes any name a valid key literal. Where
 * code generation from strings is disabled, the names are added one by one.
 */
function fieldsFactory(columns: Array<[index: number, name: string]>): (record: string[]) => Record<string, unknown> {
  const literal = columns.map(([index, name]) => `${JSON.stringify(name)}: r[${index}]`).join(', ');
  try {
    return new Function('r', `return { ${literal} };`) as (record: string[]) => Record<string, unknown>;
  } catch {
    return (record) => {
      const fields: Record<string, unknown> = {};
      for (const [index, name] of columns) fields[name] = record[index];
      return fields;
    };
  }
}

/**
 * CRLF and lone CR → LF. csv-parse counts a CRLF inside a quoted value as two lines, and with
 * mixed line endings its auto-detected record delimiter would leave '\r' in values.
 */
export async function* unixNewlines(chunks: Chunks): AsyncGenerator<Buffer> {
  let afterCR = false;
  for await (const chunk of chunks) {
    let start = afterCR && chunk[0] === 10 ? 1 : 0; // the LF of a CRLF split across chunks
    afterCR = false;
    let cr = chunk.indexOf(13, start);
    if (cr === -1) {
      yield start === 0 ? chunk : chunk.subarray(1);
      continue;
    }
    const out = Buffer.allocUnsafe(chunk.length);
    let n = 0;
    while (cr !== -1) {
      n += chunk.copy(out, n, start, cr);
      out[n++] = 10;
      start = cr + 1;
      if (start === chunk.length) afterCR = true;
      else if (chunk[start] === 10) start++;
      cr = chunk.indexOf(13, start);
    }
    n += chunk.copy(out, n, start);
    yield out.subarray(0, n);
  }
}
