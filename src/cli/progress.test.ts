import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageRecord } from './process';
import { formatSeconds, Progress } from './progress';

const ok = (ms = 12): ImageRecord => ({ image: 'x', status: 'ok', summary: {}, tables: {}, durationMs: ms });
const failed = (error: string, stack?: string): ImageRecord => ({
  image: 'x', status: 'error', error, summary: {}, tables: {}, durationMs: 3, ...(stack ? { stack } : {}),
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('Progress', () => {
  it('off a terminal: one line per image with done/total, the name and the outcome', () => {
    const lines: string[] = [];
    const progress = new Progress(3, false, (l) => lines.push(l));
    progress.update('a.tif', ok(40));
    progress.update('b.tif', failed("node 'load': the file is empty"));
    progress.update('c.tif', { ...ok(), resumed: true });
    progress.finish();
    expect(lines).toEqual([
      '[1/3] a.tif: ok 40 ms',
      "[2/3] b.tif: error: node 'load': the file is empty",
      '[3/3] c.tif: done (resumed)',
    ]);
  });

  it('on a terminal: a bar redrawn in place with done/total, failures and an ETA; errors on their own line', () => {
    vi.useFakeTimers({ now: 0 });
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const lines: string[] = [];
    const progress = new Progress(4, true, (l) => lines.push(l));
    vi.setSystemTime(2000);
    progress.update('a.tif', ok());
    vi.setSystemTime(4000);
    progress.update('b.tif', failed('node \'load\': truncated'));
    progress.finish();
    const bars = written.filter((w) => w.startsWith('\r['));
    // 1 done in 2 s, 3 to go: ETA 0:06; then 2 done in 4 s, 2 to go: ETA 0:04
    expect(bars[0]).toMatch(/^\r\[#{8}\.{22}\] 1\/4  ETA 0:06\x1b\[K$/);
    expect(bars[1]).toMatch(/^\r\[#{15}\.{15}\] 2\/4, 1 failed  ETA 0:04\x1b\[K$/);
    expect(lines).toEqual(["error b.tif: node 'load': truncated"]);
    expect(written[written.length - 1]).toBe('\n');
  });

  it('with --debug, an unexpected error is followed by its stack', () => {
    const lines: string[] = [];
    const progress = new Progress(1, false, (l) => lines.push(l));
    progress.update('a.tif', failed("node 'x': internal error: boom", 'Error: boom\n    at run (x.ts:1:1)'));
    expect(lines).toEqual(["[1/1] a.tif: error: node 'x': internal error: boom", 'Error: boom\n    at run (x.ts:1:1)']);
  });

  it('formats times as m:ss or h:mm:ss, unknown as --:--', () => {
    expect(formatSeconds(5)).toBe('0:05');
    expect(formatSeconds(125)).toBe('2:05');
    expect(formatSeconds(3725)).toBe('1:02:05');
    expect(formatSeconds(NaN)).toBe('--:--');
  });
});
