// The worker's engine, headless: runs the shared executor, stores results in IndexedDB (fake here)
// and restores them in a new engine (a reload) without recomputing.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import type { Pipeline } from '../../core/pipeline';
import { Engine } from './engine';
import type { EngineEvent, RasterPreview } from './protocol';

const pipeline = JSON.parse(readFileSync(new URL('../../../pipelines/nuclei-count.json', import.meta.url), 'utf8')) as Pipeline;
const image = new Uint8Array(readFileSync(new URL('../../../test-data/images/dsb2018_256_uint8.tif', import.meta.url)));
const identity = <T>(v: T) => v;

async function runOnce(engine: Engine, sourceHash: string, runId = 1) {
  const events: EngineEvent[] = [];
  const summary = await engine.run({ runId, pipeline, sourceHash, have: {} }, (e) => events.push(e));
  const statuses = Object.fromEntries(summary.reports.map((r) => [r.id, r.status]));
  const filterPreview = events.find((e) => e.type === 'node-end' && e.id === 'filter' && e.preview);
  const objects = filterPreview?.type === 'node-end' ? (filterPreview.preview!.outputs.labels as RasterPreview).objects : undefined;
  return { summary, statuses, objects };
}

describe('Engine', () => {
  test('runs, then answers from the cache; a new engine on the same database recomputes nothing', async () => {
    const engine = new Engine(nodeRegistry, identity);
    const info = await engine.init({});
    expect(info).toMatchObject({ persistent: true, entries: 0 });
    const source = await engine.addSource('dsb2018_256_uint8.tif', image);

    const first = await runOnce(engine, source.hash);
    expect(first.summary.status).toBe('finished');
    expect(new Set(Object.values(first.statuses))).toEqual(new Set(['done']));
    expect(first.objects).toBe(46); // `cellgraph run` gives filter.count 46 for this image
    expect(engine.ranCount).toBe(8);
    expect((await engine.cacheInfo()).entries).toBe(8);

    const again = await runOnce(engine, source.hash, 2);
    expect(new Set(Object.values(again.statuses))).toEqual(new Set(['cached']));
    expect(engine.ranCount).toBe(8);

    const reloaded = new Engine(nodeRegistry, identity);
    await reloaded.init({});
    expect(await reloaded.hasSource(source.hash)).toBe(true);
    const restored = await runOnce(reloaded, source.hash);
    expect(new Set(Object.values(restored.statuses))).toEqual(new Set(['cached']));
    expect(restored.objects).toBe(46);
    expect(reloaded.ranCount).toBe(0);

    const csv = await reloaded.exportOutput('export', 'table', 'dsb2018_256_uint8.tif');
    expect(csv.fileName).toBe('nuclei.csv');
    expect(new TextDecoder().decode(csv.bytes).split('\n')).toHaveLength(46 + 2);

    const cleared = await reloaded.clearCache();
    expect(cleared.entries).toBe(0);
    expect(new Set(Object.values((await runOnce(reloaded, source.hash, 2)).statuses))).toEqual(new Set(['done']));
  });

  test('without persistence it still runs, in memory, and says so', async () => {
    const engine = new Engine(nodeRegistry, identity);
    const info = await engine.init({ persistent: false });
    expect(info.persistent).toBe(false);
    expect(info.reason).toBe('disabled');
    const source = await engine.addSource('a.tif', image);
    expect((await runOnce(engine, source.hash)).objects).toBe(46);
  });
});
