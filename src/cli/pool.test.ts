import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputFile } from './inputs';
import type { ItemRunner } from './item-runner';
import { IN_PROCESS_MAX_BYTES, IN_PROCESS_MAX_FILES, runPool, runsInProcess, type PoolOptions, type WorkerReply } from './pool';
import type { RunSettings } from './prepare';

const settings: RunSettings = { pipelineText: '{}', sets: [], outDir: '/nonexistent', maxPixels: 1 };
const inputs = (...names: string[]): InputFile[] => names.map((n) => ({ path: `/in/${n}`, display: n, stem: n }));
const workerUrl = new URL('./testing/pool-test-worker.mjs', import.meta.url);

async function collect(opts: Omit<PoolOptions, 'indices' | 'settings' | 'mode' | 'workerUrl'>) {
  const replies: [number, WorkerReply][] = [];
  await runPool({ ...opts, indices: opts.inputs.map((_, i) => i), settings, mode: 'process', workerUrl }, (i, r) => replies.push([i, r]));
  return new Map(replies.map(([i, r]) => [i, 'record' in r ? r.record : undefined]));
}

describe('runsInProcess', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellgraph-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: number) => {
    writeFileSync(join(dir, name), new Uint8Array(bytes));
    return { path: join(dir, name), display: name, stem: name };
  };
  const small = [file('a.tif', 1000), file('b.tif', 1000)];
  const big = file('big.tif', IN_PROCESS_MAX_BYTES);

  it('never with --timeout (a worker can be stopped, the main thread cannot)', () => {
    expect(runsInProcess(1, 5, small)).toBe(false);
    expect(runsInProcess(4, 5, small)).toBe(false);
  });

  it('with --jobs 1, whatever the batch', () => {
    expect(runsInProcess(1, 0, [...small, big])).toBe(true);
  });

  it('with more jobs, only a batch within IN_PROCESS_MAX_FILES files and IN_PROCESS_MAX_BYTES bytes', () => {
    expect(runsInProcess(4, 0, small)).toBe(true);
    expect(runsInProcess(4, 0, [big])).toBe(true);
    expect(runsInProcess(4, 0, [big, small[0]])).toBe(false);
    expect(runsInProcess(4, 0, Array.from({ length: IN_PROCESS_MAX_FILES }, () => small[0]))).toBe(true);
    expect(runsInProcess(4, 0, Array.from({ length: IN_PROCESS_MAX_FILES + 1 }, () => small[0]))).toBe(false);
    // --stack: every plane counts
    const stack = { path: dir, display: 's', stem: 's', stack: Array.from({ length: IN_PROCESS_MAX_FILES + 1 }, () => small[0].path) };
    expect(runsInProcess(4, 0, [stack])).toBe(false);
    // a missing file counts nothing: reading it fails its item
    expect(runsInProcess(4, 0, [{ path: join(dir, 'missing.tif'), display: 'm', stem: 'm' }])).toBe(true);
  });
});

describe('runPool in worker threads', () => {
  it('--timeout stops a hung image (its worker is terminated and replaced); the rest go through', async () => {
    const records = await collect({ inputs: inputs('a', 'hang', 'b', 'c'), jobs: 1, timeoutSec: 1 });
    expect(records.get(1)).toMatchObject({ image: 'hang', status: 'error', error: 'timed out after 1 s (--timeout)' });
    expect([0, 2, 3].map((i) => records.get(i)?.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('a worker that throws fails that image with the first line of the error', async () => {
    const records = await collect({ inputs: inputs('crash', 'a'), jobs: 2, timeoutSec: 0 });
    expect(records.get(0)).toMatchObject({ status: 'error', error: 'worker crashed: kernel bug' });
    expect(records.get(1)?.status).toBe('ok');
  });
});

describe('runPool in-process', () => {
  it('runs the items in order on this thread; a throw fails its item as a crashed worker does', async () => {
    const seen: string[] = [];
    const run: ItemRunner = async (input) => {
      seen.push(input.display);
      if (input.display === 'crash') throw new Error('kernel bug\nsecond line');
      return { record: { image: input.display, status: 'ok', summary: {}, tables: {}, durationMs: 0 } };
    };
    const records = await collect({ inputs: inputs('a', 'crash', 'b'), jobs: 3, timeoutSec: 0, inProcess: run });
    expect(seen).toEqual(['a', 'crash', 'b']);
    expect(records.get(1)).toMatchObject({ image: 'crash', status: 'error', error: 'worker crashed: kernel bug' });
    expect([records.get(0)?.status, records.get(2)?.status]).toEqual(['ok', 'ok']);
  });
});
