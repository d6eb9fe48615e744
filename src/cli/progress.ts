import { statSync } from 'node:fs';
import type { ReadProgress } from '../app/run.js';
import type { RawRow } from '../model.js';
import { formatInt } from '../render/format.js';
import type { Io } from './io.js';

const INTERVAL_MS = 250;
/** Nothing is drawn before this: a tiny input is done before it. */
const QUIET_MS = 1000;

/**
 * Progress of a long read on stderr (rows, MB/s, percent of the file when its size is known), only
 * when stderr is a terminal and not in CI: nothing of it reaches pipes or CI logs.
 */
export class Progress implements ReadProgress {
  private rows = 0;
  private bytes = 0;
  private rangedBytes = 0;
  private readonly fileRows = new Map<string, number>();
  private readonly totals = new Map<string, number | undefined>();
  private lastDraw = 0;
  private drawn = false;
  private readonly started = Date.now();

  private files = 0;
  private readSeconds = 0;

  private constructor(private readonly io: Io) {}

  static create(io: Io): Progress | undefined {
    return io.stderr.isTTY === true && !io.env.CI ? new Progress(io) : undefined;
  }

  /** Counts the rows of a source as they pass, redrawing now and then. */
  async *track(source: AsyncIterable<RawRow[]>, file: string): AsyncGenerator<RawRow[]> {
    const total = fileSize(file);
    this.totals.set(file, total);
    this.files++;
    for await (const batch of source) {
      this.rows += batch.length;
      this.fileRows.set(file, (this.fileRows.get(file) ?? 0) + batch.length);
      this.draw(file, total);
      yield batch;
    }
  }

  /**
   * A file read again from its start on other threads: the rows counted for it so far (its first
   * batches, looked at to tell its shape) are dropped, and `rowsRead` counts them from there.
   */
  restart(file: string): void {
    this.rows -= this.fileRows.get(file) ?? 0;
    this.fileRows.set(file, 0);
    this.rangedBytes = 0;
  }

  /** Rows and bytes of a file read on other threads, as they are accounted for. */
  rowsRead(file: string, rows: number, bytes: number): void {
    this.rows += rows;
    this.rangedBytes += bytes;
    this.bytes = this.rangedBytes;
    this.draw(file, this.totals.get(file));
  }

  onBytes = (bytes: number): void => {
    this.bytes = bytes;
  };

  private draw(file: string, total: number | undefined): void {
    const now = Date.now();
    if (now - this.started < QUIET_MS || now - this.lastDraw < INTERVAL_MS) return;
    this.lastDraw = now;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const mbs = this.bytes / 1e6 / seconds;
    const percent = total ? ` · ${Math.min(100, (100 * this.bytes) / total).toFixed(0)} %` : '';
    this.io.stderr.write(`\r\x1b[Kreading ${file}: ${formatInt(this.rows)} rows · ${mbs.toFixed(1)} MB/s${percent}`);
    this.drawn = true;
  }

  /** Reading is over: the line says the KPIs are being computed (when anything was drawn). */
  computing(): void {
    this.readSeconds = (Date.now() - this.started) / 1000;
    if (this.drawn) this.io.stderr.write(`\r\x1b[Kcomputing KPIs over ${formatInt(this.rows)} rows…`);
  }

  /** The end: the line gives way to a summary of the run (when anything was drawn). */
  done(): void {
    if (!this.drawn) return;
    const total = (Date.now() - this.started) / 1000;
    const files = `${this.files} file${this.files === 1 ? '' : 's'}`;
    this.io.stderr.write(
      `\r\x1b[Kbotkpi: read ${formatInt(this.rows)} rows from ${files} in ${this.readSeconds.toFixed(1)} s; done in ${total.toFixed(1)} s\n`,
    );
    this.drawn = false;
  }
}

/** Size of a file in bytes, or undefined (stdin, unreadable). */
function fileSize(path: string): number | undefined {
  if (path === '-') return undefined;
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
