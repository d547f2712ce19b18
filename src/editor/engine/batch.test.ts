// "Run on all images" in the engine, headless: every image in order through the shared executor and
// cache, each giving the record `cellgraph run` makes of it (compared with the runner's processImage on
// the same files), progress events, cancel, single runs taking turns with it, and the refusals.
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
import { imagePath } from '../../testing/paths';
import { Engine } from './engine';
import type { BatchEvent, BatchItem } from './protocol';

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

async function engineWith(names: string[]): Promise<{ engine: Engine; items: BatchItem[] }> {
  const engine = new Engine(nodeRegistry, identity);
  await engine.init({ persistent: false });
  const items: BatchItem[] = [];
  for (const name of names) {
    const info = await engine.addSource(name, name === BROKEN ? brokenBytes : bytesOf(name));
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

  test('refuses, in one line, a pipeline with a batch node, an invalid pipeline, and two tables of one name', async () => {
    const { engine, items } = await engineWith([DSB, BLOBS]);
    const withMean: Pipeline = {
      ...nuclei,
      nodes: [...nuclei.nodes, { id: 'mean', type: 'batch-mean', params: {} }],
      edges: [...nuclei.edges, { from: { node: 'load', port: 'image' }, to: { node: 'mean', port: 'image' } }],
    };
    const refused = await engine.runBatch({ batchId: 1, pipeline: withMean, items }, () => undefined);
    expect(refused.status).toBe('invalid');
    expect(refused.problems).toEqual(["Run on all images cannot run a pipeline with a batch node (batch-mean 'mean'), which needs every image before any: use `cellgraph run`."]);
    expect(refused.records).toEqual([]);

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
