import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeRegistry } from '../testing/fake-nodes';
import { REPO_ROOT } from '../testing/paths';
import { MemoryCache } from './cache';
import { computeKeys, runPipeline, sourceKey } from './executor';
import { hashBytes } from './hash';
import type { Image, Labels } from './image';
import type { PipelineNode } from './pipeline';
import { provenanceDocument, readProvenanceDocument } from './provenance';
import { UserError } from './errors';
import { checkPipeline } from './validate';
import { CELLGRAPH_VERSION } from './version';

function pipeline(addId = 'add') {
  const nodes: PipelineNode[] = [
    { id: 'load', type: 'fake-source' },
    { id: addId, type: 'fake-add', params: { amount: 2 } },
    { id: 'thr', type: 'fake-threshold', params: { t: 3 } },
    { id: 'lab', type: 'fake-label' },
    { id: 'pass', type: 'fake-slow', params: { ms: 0 } },
  ] as PipelineNode[];
  const r = checkPipeline(
    {
      format: 'cellgraph-pipeline',
      version: 1,
      name: 'Provenance test',
      nodes,
      edges: [
        { from: { node: 'load', port: 'image' }, to: { node: addId, port: 'image' } },
        { from: { node: addId, port: 'image' }, to: { node: 'thr', port: 'image' } },
        { from: { node: 'thr', port: 'mask' }, to: { node: 'lab', port: 'mask' } },
        { from: { node: 'load', port: 'image' }, to: { node: 'pass', port: 'image' } },
      ],
    },
    fakeRegistry,
  );
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.checked;
}

const bytes = new Uint8Array([1, 2, 3]);
const source = { name: 'a.tif', bytes, hash: hashBytes(bytes) };

describe('provenance', () => {
  it('lists the ancestors in run order with type, version and params, the input hash and the version', async () => {
    const r = await runPipeline(pipeline(), { registry: fakeRegistry, source });
    const labels = r.values.get('lab')!.labels as Labels;
    expect(labels.meta.provenance).toEqual({
      cellgraph: CELLGRAPH_VERSION,
      pipeline: 'Provenance test',
      steps: [
        { id: 'load', type: 'fake-source', version: 1, params: {} },
        { id: 'add', type: 'fake-add', version: 2, params: { amount: 2 } },
        { id: 'thr', type: 'fake-threshold', version: 1, params: { t: 3, fail: false } },
        { id: 'lab', type: 'fake-label', version: 1, params: {} },
      ],
      inputs: [{ name: 'a.tif', hash: source.hash }],
    });
    // numbers have no metadata and pass unchanged
    expect(r.values.get('thr')!.threshold).toBe(3);
  });

  it('leaves a passed-through value as its maker stamped it', async () => {
    const r = await runPipeline(pipeline(), { registry: fakeRegistry, source });
    const loaded = r.values.get('load')!.image as Image;
    const passed = r.values.get('pass')!.image as Image;
    expect(loaded.meta.provenance!.steps.map((s) => s.id)).toEqual(['load']);
    expect(passed.meta.provenance!.steps.map((s) => s.id)).toEqual(['load', 'pass']);
    expect(passed.data).toBe(loaded.data); // pixels shared, not copied
  });

  it('is stamped after the cache: keys ignore node ids, provenance names the current ones', async () => {
    const cache = new MemoryCache();
    await runPipeline(pipeline('add'), { registry: fakeRegistry, source, cache });
    const renamed = pipeline('plus2');
    expect([...computeKeys(renamed, fakeRegistry, sourceKey(source)).values()]).toEqual([...computeKeys(pipeline('add'), fakeRegistry, sourceKey(source)).values()]);
    const r = await runPipeline(renamed, { registry: fakeRegistry, source, cache });
    expect(r.reports.every((x) => x.status === 'cached')).toBe(true);
    const labels = r.values.get('lab')!.labels as Labels;
    expect(labels.meta.provenance!.steps.map((s) => s.id)).toEqual(['load', 'plus2', 'thr', 'lab']);
    const stored = await cache.get(computeKeys(renamed, fakeRegistry, sourceKey(source)).get('lab')!);
    expect((stored!.labels as Labels).meta.provenance).toBeUndefined();
  });

  it('has no inputs when no file was read', async () => {
    const r = await runPipeline(pipeline(), { registry: fakeRegistry });
    expect((r.values.get('lab')!.labels as Labels).meta.provenance!.inputs).toEqual([]);
  });

  it('gives every output a UUID from its cache key (same result, same id) and a creation time', async () => {
    const cache = new MemoryCache();
    const before = Date.now();
    const first = await runPipeline(pipeline(), { registry: fakeRegistry, source, cache });
    const again = await runPipeline(pipeline(), { registry: fakeRegistry, source, cache });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ids = ['load', 'add', 'pass'].map((id) => (first.values.get(id)!.image as Image).meta.id!);
    ids.push((first.values.get('thr')!.mask as Labels).meta.id!);
    for (const id of ids) expect(id).toMatch(uuid);
    expect(new Set(ids).size).toBe(ids.length);
    expect((again.values.get('add')!.image as Image).meta.id).toBe(ids[1]);
    const created = Date.parse((first.values.get('lab')!.labels as Labels).meta.created!);
    expect(created).toBeGreaterThanOrEqual(before - 1000);
    expect(created).toBeLessThanOrEqual(Date.now());
    // another input file: other ids downstream of it
    const other = { name: 'b.tif', bytes: new Uint8Array([9]), hash: hashBytes(new Uint8Array([9])) };
    const r = await runPipeline(pipeline(), { registry: fakeRegistry, source: other });
    expect((r.values.get('add')!.image as Image).meta.id).not.toBe(ids[1]);
  });

  it('lists every file of a stack source as an input', async () => {
    const planes = [source, { name: 'b.tif', bytes, hash: 'beef' }];
    const r = await runPipeline(pipeline(), { registry: fakeRegistry, source: { name: 'folder', bytes, hash: 'h', planes } });
    expect((r.values.get('lab')!.labels as Labels).meta.provenance!.inputs).toEqual([
      { name: 'a.tif', hash: source.hash },
      { name: 'b.tif', hash: 'beef' },
    ]);
  });

  it('names the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(CELLGRAPH_VERSION).toBe(pkg.version);
  });
});

describe('provenance document', () => {
  const provenance = {
    cellgraph: '0.1.0',
    steps: [{ id: 'load', type: 'load-image', version: 1, params: { channels: 'keep' } }],
    inputs: [{ name: 'a.tif', hash: 'ab12' }],
  };

  it('round-trips with the pipeline', () => {
    const pipelineJson = { format: 'cellgraph-pipeline', version: 1, nodes: [], edges: [] };
    const text = provenanceDocument(provenance, pipelineJson);
    expect(readProvenanceDocument(text)).toEqual({ format: 'cellgraph-provenance', version: 1, provenance, pipeline: pipelineJson });
  });

  it('ignores other descriptions and reports a damaged one', () => {
    expect(readProvenanceDocument('ImageJ=1.54f\nimages=17\n')).toBeUndefined();
    expect(readProvenanceDocument('<?xml version="1.0"?><OME/>')).toBeUndefined();
    expect(readProvenanceDocument('{"format":"cellgraph-provenance", broken')).toBeUndefined();
    const damaged = JSON.stringify({ format: 'cellgraph-provenance', version: 1, provenance: { ...provenance, steps: [{ id: 'x' }] } });
    expect(() => readProvenanceDocument(damaged)).toThrow(UserError);
    expect(() => readProvenanceDocument(damaged)).toThrow(/provenance is damaged: provenance\.steps\.0\.type/);
  });
});
