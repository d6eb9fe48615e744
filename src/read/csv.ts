import { Readable, pipeline } from 'node:stream';
import { Parser, type CsvError } from 'csv-parse';
import type { RawRow } from '../model.js';
import { InputError, type Chunks } from './source.js';

/** A record with the line where it ends. */
interface Parsed {
  record: string[];
  line: number;
}

/** A record csv-parse skipped because of a parse error, pushed in order among the records. */
class Skipped {
  constructor(
    readonly line: number,
    readonly raw: string | undefined,
  ) {}
}

/** The parts of csv-parse's internal state used to recover from a bad closing quote. */
interface ParserState {
  quoting?: boolean;
}

/**
 * Tags each record with the line where it ends. csv-parse pushes a record as soon as it is complete,
 * so `info.lines` is then that line; its own `info: true` option does the same at twice the cost.
 */
class LineParser extends Parser {
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null || chunk instanceof Skipped) return super.push(chunk, encoding);
    // With `raw: true` csv-parse pushes `{ record, raw }`, otherwise the bare cell array.
    const record = Array.isArray(chunk) ? (chunk as string[]) : (chunk as { record: string[] }).record;
    return super.push({ record, line: this.info.lines }, encoding);
  }
}

/** Rows of a CSV or TSV stream. The first non-blank record is the header. */
export async function* csvRows(chunks: Chunks, file: string, tsv: boolean): AsyncGenerator<RawRow[]> {
  let lastSkipLine = 0;
  const parser = new LineParser({
    bom: true,
    delimiter: tsv ? '\t' : ',',
    quote: '"',
    relax_quotes: tsv, // a TSV value may contain a stray quote
    relax_column_count: true, // we count columns ourselves
    skip_empty_lines: true,
    record_delimiter: '\n', // the input is normalised to LF first
    raw: true, // gives on_skip the text of the bad record
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      const line = typeof err?.['lines'] === 'number' ? err['lines'] : parser.info.lines;
      if (err?.code === 'CSV_INVALID_CLOSING_QUOTE') {
        // csv-parse stays inside the quoted field, which would swallow every following line up to
        // the next quote. Leave the field so that the record ends with its physical line.
        const state = (parser as unknown as { state?: ParserState }).state;
        if (state?.quoting === true) state.quoting = false;
      }
      // One rejection per record: a record can raise several errors on its line.
      if (line === lastSkipLine) return undefined;
      lastSkipLine = line;
      parser.push(new Skipped(line, raw));
      return undefined;
    },
  });
  // Errors of the source reach us through `parser`; the callback only silences them.
  pipeline(Readable.from(unixNewlines(chunks), { objectMode: false }), parser, () => {});

  let header: Array<[index: number, name: string]> | undefined; // first occurrence of each name
  let width = 0;
  try {
    for await (const item of parser as AsyncIterable<Parsed | Skipped>) {
      if (item instanceof Skipped) {
        yield [{ file, line: item.line, ok: false, reason: 'malformed CSV', raw: item.raw }];
        if (header === undefined) return; // without a header no later row can be read
        continue;
      }
      const { record, line } = item;
      if (record.every(isBlank)) continue; // an empty record is not a row
      if (header === undefined) {
        header = headerColumns(record);
        width = record.length;
        continue;
      }
      if (record.length !== width) {
        yield [{ file, line, ok: false, reason: 'wrong column count', raw: record }];
        continue;
      }
      const fields: Record<string, unknown> = {};
      for (const [index, name] of header) fields[name] = record[index];
      yield [{ file, line, ok: true, fields }];
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    // A parse error csv-parse could not skip: reject at the current line and stop this file.
    yield [{ file, line: parser.info.lines, ok: false, reason: 'malformed CSV', raw: null }];
  }
}

function isBlank(cell: string): boolean {
  return cell === '' || cell.trim() === '';
}

/** Header names trimmed; a repeated name keeps its first column; unnamed columns carry no field. */
function headerColumns(record: string[]): Array<[number, string]> {
  const seen = new Set<string>();
  const columns: Array<[number, string]> = [];
  record.forEach((cell, index) => {
    const name = cell.trim();
    // '__proto__' would set the prototype of the fields object instead of a field.
    if (name === '' || name === '__proto__' || seen.has(name)) return;
    seen.add(name);
    columns.push([index, name]);
  });
  return columns;
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
