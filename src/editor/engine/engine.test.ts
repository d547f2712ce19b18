// The worker's engine, headless: runs the shared executor, stores results in IndexedDB (fake here)
// and restores them in a new engine (a reload) without recomputing.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import type { Pipeline } from '../../core/pipeline';
import { Engine } from './engine';
import { createImage } from '../../core/image';
import { encodeTiff } from '../../io/tiff-encode';
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

  test('a cancel that arrives before the run starts cancels it; a new run cancels the one before', async () => {
    const engine = new Engine(nodeRegistry, identity);
    await engine.init({ persistent: false });
    const source = await engine.addSource('a.tif', image);
    const request = (runId: number) => ({ runId, pipeline, sourceHash: source.hash, have: {} });
    const early = engine.run(request(1), () => undefined);
    engine.cancel(1);
    expect((await early).status).toBe('cancelled');
    expect(engine.ranCount).toBe(0);

    const first = engine.run(request(2), () => undefined);
    const second = engine.run(request(3), () => undefined);
    const third = engine.run(request(4), () => undefined);
    const [a, b, c] = await Promise.all([first, second, third]);
    expect([a.status, b.status, c.status]).toEqual(['cancelled', 'cancelled', 'finished']);
    expect(new Set(c.reports.map((r) => r.status))).toEqual(new Set(['done']));
  });

  test('previews carry the metadata the inspector shows: source, provenance, value range; other planes on request', async () => {
    const engine = new Engine(nodeRegistry, identity);
    await engine.init({ persistent: false });
    const source = await engine.addSource('dsb2018_256_uint8.tif', image);
    const events: EngineEvent[] = [];
    await engine.run({ runId: 1, pipeline, sourceHash: source.hash, have: {} }, (e) => events.push(e));
    const previewOf = (id: string) => events.flatMap((e) => (e.type === 'node-end' && e.id === id && e.preview ? [e.preview] : []))[0];
    const blurred = previewOf('blur').outputs.image as RasterPreview;
    expect(blurred.meta.source).toBe('dsb2018_256_uint8.tif');
    expect(blurred.meta.provenance?.steps.map((s) => s.id)).toEqual(['load', 'blur']);
    expect(blurred.meta.provenance?.steps[1].params).toEqual(pipeline.nodes.find((n) => n.id === 'blur')!.params);
    expect(blurred.meta.provenance?.inputs).toEqual([{ name: 'dsb2018_256_uint8.tif', hash: source.hash }]);
    expect(blurred.meta.valueRange!.max).toBeGreaterThan(blurred.meta.valueRange!.min);
    const table = previewOf('measure').outputs.table;
    expect(table.kind === 'table' && table.meta.provenance?.steps.at(-1)?.type).toBe('measure-objects');
    // a 2-D result has one plane: asking for another gives plane 0; a table has none
    expect((await engine.planePreview('blur', 'image', 5))?.plane).toBe(0);
    expect(await engine.planePreview('measure', 'table', 1)).toBeUndefined();
  });

  test('an image with its paired truth file: score-segmentation scores it; the pairing is part of what is cached; without the pair the truth node says so', async () => {
    const engine = new Engine(nodeRegistry, identity);
    await engine.init({ persistent: false });
    const scoring = JSON.parse(readFileSync(new URL('../../../pipelines/score-segmentation.json', import.meta.url), 'utf8')) as Pipeline;
    const source = await engine.addSource('dsb2018_256_uint8.tif', image);
    const mask = await engine.addSource('dsb2018_256_uint8_mask.tif', new Uint8Array(readFileSync(new URL('../../../test-data/images/dsb2018_256_uint8_mask.tif', import.meta.url))));
    const run = async (runId: number, paired?: Record<string, string>) => {
      const events: EngineEvent[] = [];
      const summary = await engine.run({ runId, pipeline: scoring, sourceHash: source.hash, paired, have: {} }, (e) => events.push(e));
      const end = events.find((e) => e.type === 'node-end' && e.id === 'overlap' && e.preview);
      const table = end?.type === 'node-end' ? end.preview!.outputs.table : undefined;
      const cell = (name: string) => (table?.kind === 'table' ? table.table.columns.find((c) => c.name === name)?.values[0] : undefined);
      return { summary, report: (id: string) => summary.reports.find((r) => r.id === id)!, cell };
    };
    const paired = await run(1, { truth: mask.hash });
    expect(paired.cell('true_objects')).toBe(65);
    expect(paired.cell('object_f1')).toBeCloseTo(0.846, 3); // as `cellgraph run … --pair truth={stem}_mask.tif`
    const unpaired = await run(2);
    expect(unpaired.report('truth')).toMatchObject({ status: 'error', error: expect.stringContaining("dsb2018_256_uint8.tif has no 'truth' file paired with it") });
    expect(unpaired.report('overlap').status).toBe('blocked');
    // another pairing is another item: not answered from the cache of the first
    const other = await run(3, { truth: source.hash });
    expect(other.report('truth').status).toBe('done');
    expect(other.cell('true_objects')).not.toBe(65);
  });

  test('several images as one stack: planes in the order given, provenance naming every file', async () => {
    const engine = new Engine(nodeRegistry, identity);
    await engine.init({ persistent: false });
    const plane = (v: number) => encodeTiff(createImage({ width: 4, height: 3 }, 'uint8', new Uint8Array(12).fill(v)));
    const files = [await engine.addSource('s_z0.tif', plane(10)), await engine.addSource('s_z1.tif', plane(20)), await engine.addSource('s_z2.tif', plane(30))];
    const load: Pipeline = { format: 'cellgraph-pipeline', version: 1, name: 'Stack', description: '', nodes: [{ id: 'load', type: 'load-image', params: {} }], edges: [] };
    const events: EngineEvent[] = [];
    const summary = await engine.run({ runId: 1, pipeline: load, stack: { name: 's', hashes: files.map((f) => f.hash) }, have: {} }, (e) => events.push(e));
    expect(summary.reports.map((r) => r.status)).toEqual(['done']);
    const end = events.find((e) => e.type === 'node-end' && e.preview);
    const preview = (end?.type === 'node-end' ? end.preview!.outputs.image : undefined) as RasterPreview;
    expect([preview.width, preview.height, preview.planes]).toEqual([4, 3, 3]);
    expect(preview.meta.source).toBe('s');
    expect(preview.meta.provenance?.inputs.map((f) => f.name)).toEqual(['s_z0.tif', 's_z1.tif', 's_z2.tif']);
    expect((await engine.planePreview('load', 'image', 2))?.meta.valueRange).toEqual({ min: 10, max: 30 });
    expect((await engine.planePreview('load', 'image', 2))?.thumb.rgba[0]).toBe(255); // plane 2 is the brightest
  });

  test('images added as files (Blobs) are read when they run, not held: the same results as bytes, one image in memory at most', async () => {
    const engine = new Engine(nodeRegistry, identity);
    await engine.init({ persistent: false });
    const frames = [10, 20, 30, 40].map((v) => {
      const img = createImage({ width: 64, height: 48 }, 'uint16');
      for (let i = 0; i < img.data.length; i++) img.data[i] = (i % 64) * v;
      return encodeTiff(img);
    });
    const asFiles = [];
    for (const [k, bytes] of frames.entries()) asFiles.push(await engine.addSource(`f${k}.tif`, new Blob([bytes.slice()])));
    expect(engine.heldSourceBytes()).toBe(0);
    const fromFile = await runOnce(engine, (await engine.addSource('dsb.tif', new Blob([image.slice()]))).hash);
    expect(fromFile.objects).toBe(46);
    expect(engine.heldSourceBytes()).toBe(image.byteLength); // the image last read, kept for the next edit's run
    for (const [k, info] of asFiles.entries()) {
      const summary = await engine.run({ runId: 10 + k, pipeline, sourceHash: info.hash, have: {} }, () => undefined);
      expect(summary.status).toBe('finished');
      expect(engine.heldSourceBytes()).toBe(frames[k].byteLength);
    }
    const batch = await engine.runBatch({ batchId: 1, pipeline, items: asFiles.map((f) => ({ name: f.name, sourceHash: f.hash })) }, () => undefined);
    expect(batch.records.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(engine.heldSourceBytes()).toBeLessThanOrEqual(Math.max(...frames.map((f) => f.byteLength)));

    // added as bytes (the bundled samples), an image is held, as before
    await engine.addSource('held.tif', image);
    expect(engine.heldSourceBytes()).toBeGreaterThanOrEqual(image.byteLength);

    // the same bytes added again, as a file of another name: one entry, under the name last given
    const renamed = await engine.addSource('Pos1/img_001.tif', new Blob([image.slice()]));
    await engine.run({ runId: 30, pipeline, sourceHash: renamed.hash, have: {} }, () => undefined);
    expect(((await engine.getValue('load', 'image')) as { meta: { source?: string } }).meta.source).toBe('Pos1/img_001.tif');
  });

  test('a file that can no longer be read (changed, moved or deleted on disk) fails its run and its batch item with one line', async () => {
    class VanishingFile extends Blob {
      gone = false;
      override arrayBuffer(): Promise<ArrayBuffer> {
        return this.gone ? Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError')) : super.arrayBuffer();
      }
    }
    const engine = new Engine(nodeRegistry, identity);
    await engine.init({ persistent: false });
    const file = new VanishingFile([image.slice()]);
    const info = await engine.addSource('moved.tif', file);
    const other = await engine.addSource('other.tif', new Blob([encodeTiff(createImage({ width: 8, height: 8 }, 'uint8')).slice()]));
    await runOnce(engine, other.hash); // the moved file is not the one last read
    file.gone = true;
    const run = await engine.run({ runId: 2, pipeline, sourceHash: info.hash, have: {} }, () => undefined);
    expect(run.status).toBe('invalid');
    expect(run.problems).toEqual(['the image moved.tif is no longer stored, or its file was changed, moved or deleted since it was added; add it again']);
    const batch = await engine.runBatch({ batchId: 1, pipeline, items: [{ name: 'moved.tif', sourceHash: info.hash }, { name: 'other.tif', sourceHash: other.hash }] }, () => undefined);
    expect(batch.records.map((r) => [r.status, r.error])).toEqual([
      ['error', 'the image or a file paired with it is no longer stored, or its file was changed, moved or deleted since it was added; add it again'],
      ['ok', undefined],
    ]);
    await expect(engine.addSource('gone.tif', file)).rejects.toThrow('cannot read gone.tif: the browser could not read the file (moved or deleted?)');
  });

  test('only images added with keep are stored for a reload (a big folder writes just its last ones)', async () => {
    const engine = new Engine(nodeRegistry, identity);
    await engine.init({});
    const bytes = (v: number) => {
      const img = createImage({ width: 16, height: 16 }, 'uint8');
      img.data.fill(v);
      return encodeTiff(img).slice();
    };
    const skipped = await engine.addSource('skipped.tif', new Blob([bytes(201)]), { keep: false });
    const kept = await engine.addSource('kept.tif', new Blob([bytes(202)]), { keep: true, folder: 'treated' });
    const reloaded = new Engine(nodeRegistry, identity);
    await reloaded.init({});
    expect(await reloaded.hasSource(skipped.hash)).toBe(false);
    expect(await reloaded.hasSource(kept.hash)).toBe(true);
    expect(await engine.hasSource(skipped.hash)).toBe(true); // still listed in this session

    // the folder it was added from comes back too: a reload keeps metadata-from-filename's condition
    const byFolder: Pipeline = {
      ...pipeline,
      nodes: [
        { id: 'load', type: 'load-image', params: {} },
        { id: 'stats', type: 'measure-image', params: {} },
        { id: 'md', type: 'metadata-from-filename', params: { pattern: '^(?<condition>[^/]+)/', match: 'folder-and-name' } },
      ],
      edges: [
        { from: { node: 'load', port: 'image' }, to: { node: 'stats', port: 'image' } },
        { from: { node: 'stats', port: 'table' }, to: { node: 'md', port: 'table' } },
      ],
    };
    for (const e of [engine, reloaded]) {
      const summary = await e.run({ runId: 40, pipeline: byFolder, sourceHash: kept.hash, have: {} }, () => undefined);
      expect(summary.error).toBeUndefined();
      expect(((await e.getValue('md', 'table')) as { meta: { extra: Record<string, string> } }).meta.extra.condition).toBe('treated');
    }
  });
});
