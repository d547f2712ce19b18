// "Run on all images" in the engine, headless: every image in order through the shared executor and
// cache, each giving the record `cellgraph run` makes of it (compared with the runner's processImage on
// the same files), progress events, cancel, single runs taking turns with it, the refusals, and the two
// passes of a pipeline with a batch node (compared with the runner's first pass and processImage).
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import type { Pipeline } from '../../core/pipeline';
import { checkPipeline } from '../../core/validate';
import { batchFiles } from '../../io/batch-tables';
import { processImage } from '../../cli/process';
import { runFirstPass } from '../../cli/batch-pass';
import { itemRunner } from '../../cli/item-runner';
import { planBatch } from '../../core/batch-pass';
import type { Image } from '../../core/image';
import { decodeImageFile } from '../../io/decode';
import { imagePath } from '../../testing/paths';
import { Engine } from './engine';
import type { BatchEvent, BatchItem } from './protocol';
import { dsbQuarters } from '../../testing/quarters';

const identity = <T>(v: T) => v;
const pipelineFile = (name: string) => JSON.parse(readFileSync(new URL(`../../../pipelines/${name}`, import.meta.url), 'utf8')) as Pipeline;
const nuclei = pipelineFile('nuclei-count.json');
const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-batch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DSB = 'dsb2018_256_uint8.tif';
const BLOBS = 'blobs.tif';
const BROKEN = 'broken.tif';
const bytesOf = (name: string) => new Uint8Array(readFileSync(imagePath(name)));
// a TIFF cut short: its header promises more than the file holds
const brokenBytes = bytesOf(DSB).slice(0, 300);
writeFileSync(join(tmp, BROKEN), brokenBytes);

/** Two fields of one batch: the top quarters of the DSB2018 512 image (uint16), as 256×256 TIFFs. */
const quarters: Record<string, Uint8Array> = Object.fromEntries(
  dsbQuarters().slice(0, 2).map(({ name, bytes }) => {
    writeFileSync(join(tmp, name), bytes);
    return [name, bytes];
  }),
);

async function engineWith(names: string[]): Promise<{ engine: Engine; items: BatchItem[] }> {
  const engine = new Engine(nodeRegistry, identity);
  await engine.init({ persistent: false });
  const items: BatchItem[] = [];
  for (const name of names) {
    const info = await engine.addSource(name, name === BROKEN ? brokenBytes : (quarters[name] ?? bytesOf(name)));
    items.push({ name, sourceHash: info.hash });
  }
  return { engine, items };
}

describe('Engine.runBatch', () => {
  test('runs every image in order; each record is the one `cellgraph run` makes (processImage); a bad image fails alone; the tables assemble', async () => {
    const { engine, items } = await engineWith([DSB, BLOBS, BROKEN]);
    const events: BatchEvent[] = [];
    const summary = await engine.runBatch({ batchId: 1, pipeline: nuclei, items }, (e) => events.push(e));
    expect(summary.status).toBe('finished');
    expect(summary.tableNames).toEqual(['nuclei']);
    expect(summary.summaryColumns).toEqual(['threshold.threshold', 'label.count', 'filter.count']);
    expect(summary.records.map((r) => [r.image, r.status])).toEqual([[DSB, 'ok'], [BLOBS, 'ok'], [BROKEN, 'error']]);
    expect(summary.records[0].summary['filter.count']).toBe(46);
    expect(summary.records[2].error).toMatch(/^node 'load': /);
    expect(summary.records[2].error).not.toMatch(/\n/);
    expect(events.map((e) => `${e.type} ${e.index + 1}/${e.total} ${e.image}${e.type === 'item-end' ? ` ${e.status}` : ''}`)).toEqual([
      `item-start 1/3 ${DSB}`, `item-end 1/3 ${DSB} ok`,
      `item-start 2/3 ${BLOBS}`, `item-end 2/3 ${BLOBS} ok`,
      `item-start 3/3 ${BROKEN}`, `item-end 3/3 ${BROKEN} error`,
    ]);

    const checked = checkPipeline(nuclei, nodeRegistry);
    if (!checked.ok) throw new Error('nuclei-count does not check');
    const ctx = { checked: checked.checked, registry: nodeRegistry, outDir: join(tmp, 'out'), maxPixels: 2 ** 28 };
    const paths = [imagePath(DSB), imagePath(BLOBS), join(tmp, BROKEN)];
    const runner = await Promise.all(paths.map((path, i) => processImage({ path, display: items[i].name, stem: items[i].name.replace(/\.tif$/, '') }, ctx)));
    const withoutTime = ({ durationMs: _ms, ...rest }: { durationMs: number }) => rest;
    expect(summary.records.map(withoutTime)).toEqual(runner.map(withoutTime));

    const files = batchFiles(summary.records, summary.tableNames, summary.summaryColumns, summary.pipeline);
    expect(files.map((f) => f.fileName)).toEqual(['nuclei.csv', 'nuclei.provenance.json', 'images.csv']);
    const csv = files[0].text.split('\n');
    expect(csv[0].startsWith('image,label,')).toBe(true);
    expect(csv.filter((l) => l.startsWith(`${DSB},`))).toHaveLength(46);
    expect(csv.filter((l) => l.startsWith(`${BLOBS},`)).length).toBeGreaterThan(10);
    expect(files[2].text.split('\n')[0]).toBe('image,status,error,threshold.threshold,label.count,filter.count,duration_ms');
  });

  test('leaves the single run\'s results as they were; images already run come from the cache', async () => {
    const { engine, items } = await engineWith([DSB, BLOBS]);
    const single = await engine.run({ runId: 1, pipeline: nuclei, sourceHash: items[1].sourceHash, have: {} }, () => undefined);
    expect(single.status).toBe('finished');
    const before = new TextDecoder().decode((await engine.exportOutput('export', 'table', BLOBS)).bytes);
    expect(engine.ranCount).toBe(8);

    const summary = await engine.runBatch({ batchId: 1, pipeline: nuclei, items }, () => undefined);
    expect(summary.records.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(engine.ranCount).toBe(16); // DSB's 8 nodes ran; BLOBS's came from the cache
    expect(new TextDecoder().decode((await engine.exportOutput('export', 'table', BLOBS)).bytes)).toBe(before);
    await engine.runBatch({ batchId: 2, pipeline: nuclei, items }, () => undefined);
    expect(engine.ranCount).toBe(16);
  });

  test('stores what it computes in memory only: the disk cache (IndexedDB) keeps just the single run\'s results', async () => {
    const engine = new Engine(nodeRegistry, identity);
    await engine.init({});
    await engine.clearCache();
    const items: BatchItem[] = [];
    for (const name of [DSB, BLOBS]) items.push({ name, sourceHash: (await engine.addSource(name, bytesOf(name))).hash });
    await engine.run({ runId: 1, pipeline: nuclei, sourceHash: items[0].sourceHash, have: {} }, () => undefined);
    expect((await engine.cacheInfo()).entries).toBe(8);
    await engine.runBatch({ batchId: 1, pipeline: nuclei, items }, () => undefined);
    expect(engine.ranCount).toBe(16); // BLOBS's 8 nodes ran, DSB's came from the cache
    expect((await engine.cacheInfo()).entries).toBe(8);
    await engine.runBatch({ batchId: 2, pipeline: nuclei, items }, () => undefined);
    expect(engine.ranCount).toBe(16); // from memory, this session
    // after a reload, BLOBS is computed again, DSB still comes from the disk
    const reloaded = new Engine(nodeRegistry, identity);
    await reloaded.init({});
    await reloaded.runBatch({ batchId: 3, pipeline: nuclei, items }, () => undefined);
    expect(reloaded.ranCount).toBe(8);
  });

  test('cancel stops after the image in progress; the finished records are kept, marked cancelled', async () => {
    const { engine, items } = await engineWith([DSB, BLOBS, DSB]);
    const summary = await engine.runBatch({ batchId: 7, pipeline: nuclei, items }, (e) => {
      if (e.type === 'item-end' && e.index === 0) engine.cancelBatch(7);
    });
    expect(summary.status).toBe('cancelled');
    expect(summary.records.map((r) => r.image)).toEqual([DSB]);
  });

  test('a new batch cancels the one before', async () => {
    const { engine, items } = await engineWith([DSB, BLOBS]);
    const first = engine.runBatch({ batchId: 1, pipeline: nuclei, items }, () => undefined);
    const second = engine.runBatch({ batchId: 2, pipeline: nuclei, items }, () => undefined);
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual(['cancelled', 'finished']);
    expect(b.records).toHaveLength(2);
  });

  test('a single run asked for during a batch runs after the image in progress, and the batch goes on', async () => {
    const { engine, items } = await engineWith([DSB, BLOBS, DSB]);
    const log: string[] = [];
    let single: Promise<unknown> | undefined;
    const batch = engine.runBatch({ batchId: 1, pipeline: nuclei, items }, (e) => {
      log.push(`${e.type} ${e.index}`);
      if (e.type === 'item-start' && e.index === 0) {
        single = engine.run({ runId: 1, pipeline: nuclei, sourceHash: items[1].sourceHash, have: {} }, () => undefined).then((s) => log.push(`single ${s.status}`));
      }
    });
    const summary = await batch;
    await single;
    expect(log).toEqual(['item-start 0', 'item-end 0', 'single finished', 'item-start 1', 'item-end 1', 'item-start 2', 'item-end 2']);
    expect(summary.records.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    // the single run's results are the ones the previews and downloads read
    const csv = new TextDecoder().decode((await engine.exportOutput('export', 'table', BLOBS)).bytes);
    expect(csv.split('\n')[1].startsWith(`${BLOBS},`)).toBe(true);
    expect(csv.split('\n').length - 2).toBe(summary.records[1].tables.nuclei.rows.length);
  });

  test('each image with its paired files, as a single run sends them; an image without its pair fails alone', async () => {
    const { engine, items } = await engineWith([DSB, BLOBS]);
    const mask = await engine.addSource('dsb2018_256_uint8_mask.tif', bytesOf('dsb2018_256_uint8_mask.tif'));
    const scoring = pipelineFile('score-segmentation.json');
    const summary = await engine.runBatch({ batchId: 1, pipeline: scoring, items: [{ ...items[0], paired: { truth: mask.hash } }, items[1]] }, () => undefined);
    expect(summary.records.map((r) => r.status)).toEqual(['ok', 'error']);
    const overlap = Object.values(summary.records[0].tables).find((t) => t.columns.some((c) => c.name === 'true_objects'))!;
    expect(overlap.rows[0][overlap.columns.findIndex((c) => c.name === 'true_objects')]).toBe(65);
    expect(summary.records[1].error).toMatch(new RegExp(`${BLOBS.replace('.', '\\.')} has no 'truth' file paired with it`));
  });

  test('a pipeline with a batch node runs in two passes; the records are those `cellgraph run` makes (its first pass, then processImage); an image of another size fails alone', async () => {
    const illumination = pipelineFile('illumination-correction.json');
    const names = ['q0.tif', BLOBS, 'q1.tif'];
    const { engine, items } = await engineWith(names);
    const events: BatchEvent[] = [];
    const summary = await engine.runBatch({ batchId: 1, pipeline: illumination, items }, (e) => events.push(e));
    expect(summary.status).toBe('finished');
    expect(events.map((e) => `${e.pass ?? 'second'} ${e.type} ${e.index + 1}/${e.total} ${e.image}${e.type === 'item-end' ? ` ${e.status}` : ''}`)).toEqual([
      'first item-start 1/3 q0.tif', 'first item-end 1/3 q0.tif ok',
      `first item-start 2/3 ${BLOBS}`, `first item-end 2/3 ${BLOBS} error`,
      'first item-start 3/3 q1.tif', 'first item-end 3/3 q1.tif ok',
      'second item-start 1/3 q0.tif', 'second item-end 1/3 q0.tif ok',
      `second item-end 2/3 ${BLOBS} error`,
      'second item-start 3/3 q1.tif', 'second item-end 3/3 q1.tif ok',
    ]);
    expect(summary.records.map((r) => [r.image, r.status])).toEqual([['q0.tif', 'ok'], [BLOBS, 'error'], ['q1.tif', 'ok']]);
    expect(summary.records[1].error).toBe(`node 'batch': ${BLOBS} is 256×254, but the batch's first image is 256×256: batch statistics need images of one shape`);

    // the runner, on the same files: its first pass (in-process pool), then each image that got through
    const checked = checkPipeline(illumination, nodeRegistry);
    if (!checked.ok) throw new Error('illumination-correction does not check');
    const settings = { pipelineText: '', sets: [], outDir: join(tmp, 'illumination'), maxPixels: 2 ** 28 };
    const plan = planBatch(checked.checked, nodeRegistry)!;
    const inputs = names.map((name) => ({ path: name === BLOBS ? imagePath(BLOBS) : join(tmp, name), display: name, stem: name.replace(/\.tif$/, '') }));
    const inProcess = itemRunner(checked.checked, nodeRegistry, settings);
    const first = await runFirstPass(plan, checked.checked, nodeRegistry, { inputs, jobs: 1, timeoutSec: 0, workerUrl: new URL('file:///unused'), settings, inProcess });
    const ctx = { checked: checked.checked, registry: nodeRegistry, outDir: settings.outDir, maxPixels: settings.maxPixels, plan, batch: first.batch };
    const runner = await Promise.all(inputs.map((input, i) => first.failed.get(i) ?? processImage(input, ctx)));
    const withoutTime = ({ durationMs: _ms, ...rest }: { durationMs: number }) => rest;
    expect(summary.records.map(withoutTime)).toEqual(runner.map(withoutTime));
    // the batch's, not one image's: q0 on its own (its own flat field) measures otherwise
    expect(summary.records[0].tables.nuclei.rows.length).toBeGreaterThan(10);
    const alone = await engine.runBatch({ batchId: 2, pipeline: illumination, items: [items[0]] }, () => undefined);
    expect(alone.records[0].status).toBe('ok');
    expect(alone.records[0].tables.nuclei.rows).not.toEqual(summary.records[0].tables.nuclei.rows);
    // the single-image view runs the batch node on the one image shown: its mean is that image
    const single = await engine.run({ runId: 1, pipeline: illumination, sourceHash: items[0].sourceHash, have: {} }, () => undefined);
    expect(single.error).toBeUndefined();
    const mean = (await engine.getValue('batch', 'mean')) as Image;
    const q0 = decodeImageFile(quarters['q0.tif'], 'q0.tif', { maxPixels: 2 ** 26 });
    expect([mean.dtype, mean.meta.extra.batchImages, Array.from(mean.data)]).toEqual(['float32', '1', Array.from(q0.data)]);
  });

  test('cancel in the first pass: cancelled, no records', async () => {
    const { engine, items } = await engineWith(['q0.tif', 'q1.tif']);
    const summary = await engine.runBatch({ batchId: 3, pipeline: pipelineFile('illumination-correction.json'), items }, (e) => {
      if (e.type === 'item-end' && e.pass === 'first' && e.index === 0) engine.cancelBatch(3);
    });
    expect(summary.status).toBe('cancelled');
    expect(summary.records).toEqual([]);
  });

  test('keeps the files save-image writes at the runner\'s paths, byte for byte what `cellgraph run` saves; past the limit, counts the images left out', async () => {
    const declump = pipelineFile('nuclei-declump.json');
    const { engine, items } = await engineWith([DSB, BLOBS, BROKEN]);
    const summary = await engine.runBatch({ batchId: 1, pipeline: declump, items }, () => undefined);
    expect(summary.records.map((r) => r.status)).toEqual(['ok', 'ok', 'error']);
    expect(summary.saved!.map((f) => f.path)).toEqual(['outlines/dsb2018_256_uint8.tif', 'outlines/blobs.tif']);
    expect(summary.savedLeftOut).toBe(0);
    const checked = checkPipeline(declump, nodeRegistry);
    if (!checked.ok) throw new Error('nuclei-declump does not check');
    const outDir = join(tmp, 'saved-out');
    const ctx = { checked: checked.checked, registry: nodeRegistry, outDir, maxPixels: 2 ** 28 };
    for (const name of [DSB, BLOBS]) await processImage({ path: imagePath(name), display: name, stem: name.replace(/\.tif$/, '') }, ctx);
    for (const f of summary.saved!) expect(Buffer.from(f.bytes).equals(readFileSync(join(outDir, f.path))), f.path).toBe(true);

    engine.savedLimit = summary.saved![0].bytes.length + 1; // room for the first image's outlines only
    const limited = await engine.runBatch({ batchId: 2, pipeline: declump, items }, () => undefined);
    expect(limited.saved!.map((f) => f.path)).toEqual(['outlines/dsb2018_256_uint8.tif']);
    expect(limited.savedLeftOut).toBe(1);
    // a pipeline that saves nothing keeps nothing
    const plain = await engine.runBatch({ batchId: 3, pipeline: nuclei, items }, () => undefined);
    expect([plain.saved, plain.savedLeftOut]).toEqual([[], 0]);
  });

  test('refuses, in one line, an invalid pipeline and two tables of one name', async () => {
    const { engine, items } = await engineWith([DSB, BLOBS]);
    const open: Pipeline = { ...nuclei, nodes: [...nuclei.nodes, { id: 'blur2', type: 'gaussian-blur', params: {} }] };
    const invalid = await engine.runBatch({ batchId: 2, pipeline: open, items }, () => undefined);
    expect(invalid.status).toBe('invalid');
    expect(invalid.problems!.join('\n')).toMatch(/blur2/);

    const twice: Pipeline = {
      ...nuclei,
      nodes: [...nuclei.nodes, { id: 'export2', type: 'export-table', params: { name: 'Nuclei' } }],
      edges: [...nuclei.edges, { from: { node: 'measure', port: 'table' }, to: { node: 'export2', port: 'table' } }],
    };
    expect((await engine.runBatch({ batchId: 3, pipeline: twice, items }, () => undefined)).problems).toEqual([
      "node 'export2' would write Nuclei.csv, as node 'export' does: give it another name",
    ]);
    expect(engine.ranCount).toBe(0);
  });
});
