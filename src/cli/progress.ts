// Batch progress: a redrawn bar with ETA on a terminal, one line per image otherwise (logs, CI).
import type { ImageRecord } from './process';

export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly isTTY: boolean,
    private readonly log: (line: string) => void,
  ) {}

  update(name: string, record: ImageRecord): void {
    this.done++;
    if (record.status === 'error') this.failed++;
    if (!this.isTTY) {
      const status = record.status === 'ok' ? (record.resumed ? 'done (resumed)' : `ok ${record.durationMs} ms`) : `error: ${record.error}`;
      this.log(`[${this.done}/${this.total}] ${name}: ${status}`);
      if (record.stack) this.log(record.stack);
      return;
    }
    if (record.status === 'error') {
      this.clear();
      this.log(`error ${name}: ${record.error}`);
      if (record.stack) this.log(record.stack);
    }
    const now = Date.now();
    if (now - this.lastDraw > 100 || this.done === this.total) {
      this.lastDraw = now;
      this.draw();
    }
  }

  private line(): string {
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = this.done ? (elapsed / this.done) * (this.total - this.done) : NaN;
    const failed = this.failed ? `, ${this.failed} failed` : '';
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}${failed}  ETA ${formatSeconds(eta)}`;
  }

  private draw(): void {
    process.stderr.write(`\r${this.line()}\x1b[K`);
  }

  private clear(): void {
    process.stderr.write('\r\x1b[K');
  }

  finish(): void {
    if (this.isTTY && this.total > 0) process.stderr.write('\n');
  }
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '--:--';
  const m = Math.floor(s / 60);
  const sec = Math.round(s % 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}
