// "Run on all images" with helper workers (item-pool.ts), headless: an in-process pool that finishes
// images out of order stands in for the browser's workers (worker-pool.ts; e2e/batch.spec.ts runs
// those). The records are those of the one-worker batch, in item order; a failing helper fails only
// its image; a pipeline with a batch node keeps to one worker.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import type { BatchRecord } from '../../core/batch-record';
import type { Pipeline } from '../../core/pipeline';
import { imagePath } from '../../testing/paths';
import { dsbQuarters } from '../../testing/quarters';
import { runItemAlone } from './batch';
import { Engine } from './engine';
import type { ItemPool } from './item-pool';
import type { BatchEvent, BatchItem } from './protocol';

const identity = <T>(v: T) => v;
const pipelineFile = (name: string) => JSON.parse(readFileSync(new URL(`../../../pipelines/${name}`, import.meta.url), 'utf8')) as Pipeline;
const NAMES = ['dsb2018_256_uint8.tif', 'blobs.tif', 'xy_8bit__few_touching_nuclei.tif', 'xy_8bit__mitocheck_incenp_t1.tif', 'dsb2018_512_uint16.tif'];

/** `size` slots that run images in this thread, the first ones finishing last; `broken` images make their slot fail. */
function inProcessPool(size: number, broken = new Set<string>()): ItemPool & { started: string[]; made: number; disposed: number } {
  const started: string[] = [];
  return {
    size,
    started,
    made: 0,
    disposed: 0,
    async run(_slot, pipeline, image, source, second) {
      started.push(image);
      if (broken.has(image)) throw new Error('the worker stopped');
      // early images wait longest, so they finish after later ones; a copy, as a worker gets it
      await new Promise((r) => setTimeout(r, 30 * (NAMES.length - Math.max(0, NAMES.indexOf(image)))));
      return runItemAlone(nodeRegistry, structuredClone(pipeline), image, structuredClone(source), structuredClone(second));
    },
    dispose() {
      this.disposed++;
    },
  };
}

const realFiles = () => NAMES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(imagePath(name))) }));

async function batch(pipeline: Pipeline, pool?: ReturnType<typeof inProcessPool>, small = { files: 0, bytes: 0 }, files: { name: string; bytes: Uint8Array }[] = realFiles()) {
  const engine = new Engine(nodeRegistry, identity, pool && (async () => (pool.made++, pool)));
  engine.smallBatch = small; // these few small images would not pay for starting workers
  await engine.init({ persistent: false });
  const items: BatchItem[] = [];
  for (const { name, bytes } of files) items.push({ name, sourceHash: (await engine.addSource(name, new Blob([bytes.slice()]))).hash });
  const events: BatchEvent[] = [];
  const summary = await engine.runBatch({ batchId: 1, pipeline, items }, (e) => events.push(e));
  return { summary, events, engine };
}

const withoutTime = (records: BatchRecord[]) => records.map(({ durationMs: _, ...r }) => r);

describe('Run on all images with helper workers', () => {
  test('the same records as one worker, in item order, though they finish out of order; every image reported started and ended', async () => {
    const pipeline = pipelineFile('nuclei-declump.json');
    const alone = await batch(pipeline);
    expect(alone.summary.workers).toBeUndefined();
    const pool = inProcessPool(3);
    const helped = await batch(pipeline, pool);
    expect(helped.summary.workers).toBe(3);
    expect(helped.summary.status).toBe('finished');
    expect(withoutTime(helped.summary.records)).toEqual(withoutTime(alone.summary.records));
    expect(helped.summary.saved!.map((f) => f.path)).toEqual(alone.summary.saved!.map((f) => f.path));
    helped.summary.saved!.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(alone.summary.saved![i].bytes))).toBe(true));
    const ends = helped.events.filter((e) => e.type === 'item-end').map((e) => e.index);
    expect([...ends].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(ends).not.toEqual([0, 1, 2, 3, 4]); // they did finish out of order
    expect(helped.engine.ranCount).toBe(alone.engine.ranCount);
    expect([pool.made, pool.disposed]).toEqual([1, 1]); // started for the batch, stopped after it
  });

  test('cancel: no image starts after it, those running finish; the records are the images started, in order', async () => {
    const pool = inProcessPool(2);
    const engine = new Engine(nodeRegistry, identity, async () => pool);
    engine.smallBatch = { files: 0, bytes: 0 };
    await engine.init({ persistent: false });
    const items: BatchItem[] = [];
    for (const name of NAMES) items.push({ name, sourceHash: (await engine.addSource(name, new Blob([readFileSync(imagePath(name))]))).hash });
    const summary = await engine.runBatch({ batchId: 7, pipeline: pipelineFile('nuclei-count.json'), items }, (e) => {
      if (e.type === 'item-end') engine.cancelBatch(7);
    });
    expect(summary.status).toBe('cancelled');
    expect(summary.records.map((r) => r.image)).toEqual(NAMES.slice(0, pool.started.length));
    expect(pool.started.length).toBeLessThan(NAMES.length);
  });

  test('a helper that fails fails its image alone, with one line; the rest go on', async () => {
    const { summary } = await batch(pipelineFile('nuclei-count.json'), inProcessPool(2, new Set(['blobs.tif'])));
    expect(summary.records.map((r) => [r.image, r.status])).toEqual(NAMES.map((n) => [n, n === 'blobs.tif' ? 'error' : 'ok']));
    expect(summary.records[1].error).toBe('the helper worker running it stopped (the worker stopped)');
  });

  test('a batch too small to pay for starting workers (at most 64 files and 8 MiB, as in cellgraph run) runs in the engine\'s worker', async () => {
    const pool = inProcessPool(2);
    const engine = new Engine(nodeRegistry, identity, async () => pool);
    expect(engine.smallBatch).toEqual({ files: 64, bytes: 8 * 2 ** 20 });
    const { summary } = await batch(pipelineFile('nuclei-count.json'), pool, engine.smallBatch);
    expect(summary.workers).toBeUndefined();
    expect(pool.started).toEqual([]);
    expect(summary.records.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  test('a pipeline with a batch node: the first pass in the engine\'s worker, the second on the helpers with the batch result; the same records', async () => {
    const pipeline = pipelineFile('illumination-correction.json');
    // four fields of one plate (the DSB2018 512 image's quarters) and one image of another size
    const files = [...dsbQuarters(), { name: 'blobs.tif', bytes: new Uint8Array(readFileSync(imagePath('blobs.tif'))) }];
    const alone = await batch(pipeline, undefined, undefined, files);
    const pool = inProcessPool(2);
    const helped = await batch(pipeline, pool, undefined, files);
    expect(helped.summary.workers).toBe(2);
    expect(withoutTime(helped.summary.records)).toEqual(withoutTime(alone.summary.records));
    // the images of another size than the first fail in the first pass: only the others reach the helpers
    const passed = alone.summary.records.filter((r) => r.status === 'ok').map((r) => r.image);
    expect(passed.length).toBeGreaterThan(1);
    expect(alone.summary.records.some((r) => r.status === 'error')).toBe(true);
    expect([...pool.started].sort()).toEqual([...passed].sort());
    // every image is reported in the second pass, those that failed the first by an end alone
    const second = helped.events.filter((e) => e.pass === undefined);
    expect(second.filter((e) => e.type === 'item-end').map((e) => e.index).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(alone.summary.records.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'error']);
    expect(second.filter((e) => e.type === 'item-start').length).toBe(passed.length);
  });
});
