import { TokenParser, Tokenizer, TokenType, type ParsedElementInfo, type ParsedTokenInfo } from '@streamparser/json';
import type { RawRow } from '../model.js';
import type { Chunks } from './source.js';

/**
 * Property names under which an object holds a list of records: `{"conversations": […]}` (an
 * Intercom `conversation.list` page), `{"tickets": […]}`, `{"data": […]}` (Langfuse, Chatwoot).
 * Any other top-level object is one record: a Rasa tracker (`sender_id` + `events`) or a chat
 * log with a `messages` array is one document, not a list.
 */
export const CONTAINER_KEYS: ReadonlySet<string> = new Set([
  'conversations',
  'tickets',
  'traces',
  'data',
  'items',
  'results',
  'records',
  'rows',
]);

/** True for a parsed object that holds its records under a container key (see CONTAINER_KEYS). */
export function isContainer(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key of CONTAINER_KEYS) if (Array.isArray((value as Record<string, unknown>)[key])) return true;
  return false;
}

const isOpen = (t: TokenType): boolean => t === TokenType.LEFT_BRACE || t === TokenType.LEFT_BRACKET;
const isClose = (t: TokenType): boolean => t === TokenType.RIGHT_BRACE || t === TokenType.RIGHT_BRACKET;

/** Where the reader stands in a list of records (a top-level array, or one held by a container key). */
interface List {
  /** Depth of the tokens directly inside the list. */
  depth: number;
  prefix: string;
  index: number;
  /** 'value': a record or `]` may come; 'next': `,` or `]`; 'after-comma': a record must come. */
  expect: 'value' | 'next' | 'after-comma';
}

/** One record being parsed: its tokens go to the record parser until its depth closes again. */
interface Pending {
  depth: number;
  line: number;
  path: string;
}

/**
 * Rows of a whole JSON file, streamed: the elements of a top-level array, or of the array an
 * object holds under a container key, are one record each, with the physical line where the
 * element starts and its path (`[3]`, `conversations[3]`). Any other top-level object is one
 * record. Several top-level values may follow each other. A non-object element is a `malformed
 * JSON` rejection; invalid JSON is one rejection at the line where it is found, and the rest of
 * the file cannot be read.
 *
 * A streaming tokenizer (with byte offsets) feeds a token parser one record at a time, so the
 * memory held is one record, never the file.
 */
export async function* jsonDocumentRows(chunks: Chunks, file: string): AsyncGenerator<RawRow[]> {
  const reader = new DocumentReader(file);
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    reader.write(chunk);
    const batch = reader.take();
    if (batch.length > 0) yield batch;
    if (reader.failed) return;
  }
  reader.end();
  const batch = reader.take();
  if (batch.length > 0) yield batch;
}

class DocumentReader {
  failed = false;
  private batch: RawRow[] = [];
  private readonly tokenizer = new Tokenizer({ separator: '' });
  /** Parses records one after the other, each a separate document to it. */
  private readonly records = new TokenParser({ paths: ['$'], separator: '' });
  /** Parses a top-level object that is not a list, or the envelope of one that is. */
  private whole: TokenParser | undefined;
  private wholeLine = 0;
  /** The top-level object held a list of records: its envelope is not a record. */
  private wholeIsContainer = false;
  /** Inside a top-level object: what comes next at depth 1, and the last key seen. */
  private objectState: 'key' | 'colon' | 'value' | 'next' = 'key';
  private key = '';
  private list: List | undefined;
  private pending: Pending | undefined;
  private depth = 0;

  // Line tracking: `line` is the line at byte `cursor` of the stream; `chunk` starts at `chunkStart`.
  private chunk: Buffer = Buffer.alloc(0);
  private chunkStart = 0;
  private cursor = 0;
  private line = 1;
  private lastOffset = 0;

  constructor(private readonly file: string) {
    this.tokenizer.onToken = (token) => {
      if (!this.failed) this.token(token);
    };
    this.tokenizer.onError = (err) => this.fail(err);
    this.records.onValue = (info) => this.record(info);
    this.records.onError = (err) => this.fail(err);
  }

  take(): RawRow[] {
    const batch = this.batch;
    this.batch = [];
    return batch;
  }

  write(chunk: Buffer): void {
    this.chunk = chunk;
    this.tokenizer.write(chunk);
    if (!this.failed) this.lineAt(this.chunkStart + chunk.length);
    this.chunkStart += chunk.length;
  }

  end(): void {
    if (this.failed) return;
    this.tokenizer.end();
    if (!this.failed && this.depth > 0) this.fail(new Error('unexpected end of input'), this.chunkStart);
  }

  /** The line of byte `offset` (at or after the last one asked for) of the stream. */
  private lineAt(offset: number): number {
    const from = Math.max(this.cursor, this.chunkStart) - this.chunkStart;
    const to = Math.min(offset - this.chunkStart, this.chunk.length);
    for (let i = this.chunk.indexOf(10, from); i !== -1 && i < to; i = this.chunk.indexOf(10, i + 1)) this.line++;
    if (offset > this.cursor) this.cursor = offset;
    return this.line;
  }

  private token(info: ParsedTokenInfo): void {
    const { token } = info;
    this.lastOffset = info.offset;
    if (token === TokenType.SEPARATOR) return;
    if (this.pending !== undefined) {
      this.records.write(info);
      if (isOpen(token)) this.depth++;
      else if (isClose(token)) this.depth--;
      if (this.depth === this.pending.depth) this.pending = undefined;
      return;
    }
    if (this.list !== undefined && this.depth === this.list.depth) return this.listToken(this.list, info);
    if (this.whole !== undefined) return this.objectToken(this.whole, info);
    // A top-level value.
    if (token === TokenType.LEFT_BRACKET) {
      this.depth = 1;
      this.list = { depth: 1, prefix: '', index: 0, expect: 'value' };
    } else if (token === TokenType.LEFT_BRACE) {
      this.whole = new TokenParser({ paths: ['$'] });
      this.whole.onValue = ({ value }) => this.wholeDone(value);
      this.whole.onError = (err) => this.fail(err);
      this.wholeLine = this.lineAt(info.offset);
      this.wholeIsContainer = false;
      this.objectState = 'key';
      this.depth = 1;
      this.whole.write(info);
    } else if (isClose(token) || token === TokenType.COMMA || token === TokenType.COLON) {
      this.fail(new Error(`unexpected "${String(info.value)}"`));
    } else {
      this.batch.push({ file: this.file, line: this.lineAt(info.offset), ok: false, reason: 'malformed JSON', raw: info.value });
    }
  }

  /** A token directly inside a list of records. */
  private listToken(list: List, info: ParsedTokenInfo): void {
    const { token } = info;
    if (token === TokenType.RIGHT_BRACKET && list.expect !== 'after-comma') {
      this.list = undefined;
      this.depth--;
      if (this.whole !== undefined) {
        this.whole.write(info); // the envelope sees an empty list
        this.objectState = 'next';
      }
      return;
    }
    if (token === TokenType.COMMA && list.expect === 'next') {
      list.expect = 'after-comma';
      return;
    }
    if (list.expect === 'next' || isClose(token) || token === TokenType.COMMA || token === TokenType.COLON) {
      return this.fail(new Error(`unexpected "${String(info.value)}"`));
    }
    const path = list.prefix === '' ? `[${list.index}]` : `${list.prefix}[${list.index}]`;
    list.index++;
    list.expect = 'next';
    const line = this.lineAt(info.offset);
    if (!isOpen(token)) return this.emit(info.value, line, path);
    this.pending = { depth: this.depth, line, path };
    this.depth++;
    this.records.write(info);
  }

  /** A token of a top-level object that is not inside a list of records. */
  private objectToken(whole: TokenParser, info: ParsedTokenInfo): void {
    const { token } = info;
    const atTop = this.depth === 1;
    if (atTop && this.objectState === 'value' && token === TokenType.LEFT_BRACKET && CONTAINER_KEYS.has(this.key)) {
      whole.write(info);
      this.depth = 2;
      this.list = { depth: 2, prefix: this.key, index: 0, expect: 'value' };
      this.wholeIsContainer = true;
      return;
    }
    if (atTop) {
      if (this.objectState === 'key' && token === TokenType.STRING) {
        this.key = info.value as string;
        this.objectState = 'colon';
      } else if (this.objectState === 'colon' && token === TokenType.COLON) this.objectState = 'value';
      else if (this.objectState === 'next' && token === TokenType.COMMA) this.objectState = 'key';
      else if (this.objectState === 'value') this.objectState = 'next';
    }
    if (isOpen(token)) this.depth++;
    else if (isClose(token)) {
      this.depth--;
      if (this.depth === 1) this.objectState = 'next';
    }
    if (this.depth === 0) {
      // The top-level object ends: `whole` emits it (or fails) on this token.
      const parser = whole;
      this.whole = undefined;
      parser.write(info);
      return;
    }
    whole.write(info);
  }

  private wholeDone(value: unknown): void {
    if (!this.wholeIsContainer) this.emit(value, this.wholeLine, '');
  }

  private record(info: ParsedElementInfo): void {
    const pending = this.pending ?? { line: this.line, path: '' };
    this.emit(info.value, pending.line, pending.path);
  }

  private emit(value: unknown, line: number, path: string): void {
    const { file } = this;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      this.batch.push({ file, line, path, ok: true, fields: value as Record<string, unknown> });
    } else {
      this.batch.push({ file, line, path, ok: false, reason: 'malformed JSON', raw: value });
    }
  }

  private fail(err: Error, offset?: number): void {
    if (this.failed) return;
    this.failed = true;
    const at = /absolute position "(\d+)"/.exec(err.message);
    const position = offset ?? (at === null ? this.lastOffset : Number(at[1]));
    const line = this.lineAt(Math.max(position, this.cursor));
    const problem = err.message.replace(/ at chunk position .*$/, '').replace(/ in state \w+$/, '');
    this.batch.push({ file: this.file, line, ok: false, reason: 'malformed JSON', raw: problem });
  }
}
