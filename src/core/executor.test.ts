import { beforeEach, describe, expect, it } from 'vitest';
import { calls, fakeRegistry, resetCalls } from '../testing/fake-nodes';
import { MemoryCache } from './cache';
import { computeKeys, runPipeline, sourceKey, type ExecutorEvent } from './executor';
import { hashBytes } from './hash';
import type { SourceFile } from './node';
import { checkPipeline, type CheckedPipeline } from './validate';

function pipeline(amount = 2, t = 3, fail = false): CheckedPipeline {
  const r = checkPipeline(
    {
      format: 'cellgraph-pipeline',
      version: 1,
      nodes: [
        { id: 'load', type: 'fake-source' },
        { id: 'add', type: 'fake-add', params: { amount } },
        { id: 'thr', type: 'fake-threshold', params: { t, fail } },
        { id: 'lab', type: 'fake-label' },
        { id: 'side', type: 'fake-add', params: { amount: 10 } },
      ],
      edges: [
        { from: { node: 'load', port: 'image' }, to: { node: 'add', port: 'image' } },
        { from: { node: 'add', port: 'image' }, to: { node: 'thr', port: 'image' } },
        { from: { node: 'thr', port: 'mask' }, to: { node: 'lab', port: 'mask' } },
        { from: { node: 'load', port: 'image' }, to: { node: 'side', port: 'image' } },
      ],
    },
    fakeRegistry,
  );
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.checked;
}

const file = (bytes: number[], name = 'a.tif'): SourceFile => {
  const data = new Uint8Array(bytes);
  return { name, bytes: data, hash: hashBytes(data) };
};

describe('runPipeline', () => {
  beforeEach(resetCalls);

  it('runs nodes in order and passes values along edges', async () => {
    const r = await runPipeline(pipeline(), { registry: fakeRegistry, source: file([1, 2, 3]) });
    expect(r.error).toBeUndefined();
    expect(Array.from((r.values.get('add')!.image as { data: Float32Array }).data)).toEqual([3, 4, 5]);
    expect(r.values.get('thr')!.threshold).toBe(3);
    expect(Array.from((r.values.get('lab')!.labels as { data: Uint32Array }).data)).toEqual([0, 1, 2]);
    expect(r.reports.map((x) => x.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('recomputes only the changed node and what is downstream of it', async () => {
    const cache = new MemoryCache();
    const source = file([1, 2, 3]);
    await runPipeline(pipeline(2, 3), { registry: fakeRegistry, source, cache });
    expect(calls).toEqual({ 'fake-source': 1, 'fake-add': 2, 'fake-threshold': 1, 'fake-label': 1 });

    resetCalls();
    const again = await runPipeline(pipeline(2, 3), { registry: fakeRegistry, source, cache });
    expect(calls).toEqual({});
    expect(again.reports.every((x) => x.status === 'cached')).toBe(true);

    resetCalls();
    const changed = await runPipeline(pipeline(2, 4), { registry: fakeRegistry, source, cache });
    expect(calls).toEqual({ 'fake-threshold': 1, 'fake-label': 1 });
    expect(changed.reports.map((x) => [x.id, x.status])).toEqual([
      ['load', 'cached'], ['add', 'cached'], ['thr', 'done'], ['lab', 'done'], ['side', 'cached'],
    ]);
  });

  it('keys the source node by the file bytes and its name (the name its outputs carry and metadata-from-filename reads)', () => {
    const p = pipeline();
    const a = computeKeys(p, fakeRegistry, sourceKey(file([1, 2], 'x.tif')));
    const again = computeKeys(p, fakeRegistry, sourceKey(file([1, 2], 'x.tif')));
    const renamed = computeKeys(p, fakeRegistry, sourceKey(file([1, 2], 'renamed.tif')));
    const c = computeKeys(p, fakeRegistry, sourceKey(file([1, 3], 'x.tif')));
    expect(a).toEqual(again);
    for (const id of ['load', 'add', 'thr', 'lab', 'side']) {
      expect(a.get(id)).not.toBe(renamed.get(id));
      expect(a.get(id)).not.toBe(c.get(id));
    }
  });

  it('a key depends on params, the upstream keys and the node version, not on key order', () => {
    const k1 = computeKeys(pipeline(2, 3), fakeRegistry, 'h');
    const k2 = computeKeys(pipeline(5, 3), fakeRegistry, 'h');
    expect(k1.get('load')).toBe(k2.get('load'));
    expect(k1.get('side')).toBe(k2.get('side'));
    expect(k1.get('add')).not.toBe(k2.get('add'));
    expect(k1.get('thr')).not.toBe(k2.get('thr'));
  });

  it('reports a failing node, blocks what depends on it and runs the rest', async () => {
    const r = await runPipeline(pipeline(2, 3, true), { registry: fakeRegistry, source: file([1]) });
    expect(r.error).toBe("node 'thr': internal error: asked to fail");
    const status = Object.fromEntries(r.reports.map((x) => [x.id, x.status]));
    expect(status).toEqual({ load: 'done', add: 'done', thr: 'error', lab: 'blocked', side: 'done' });
    expect(r.reports.find((x) => x.id === 'lab')!.error).toBe("waiting on 'thr', which failed");
  });

  it('emits progress events with timing and cache status', async () => {
    const events: ExecutorEvent[] = [];
    const cache = new MemoryCache();
    await runPipeline(pipeline(), { registry: fakeRegistry, source: file([1]), cache });
    await runPipeline(pipeline(), { registry: fakeRegistry, source: file([1]), cache, onEvent: (e) => events.push(e) });
    expect(events.filter((e) => e.type === 'node-start').map((e) => e.id)).toEqual(['load', 'add', 'thr', 'lab', 'side']);
    const ends = events.filter((e): e is Extract<ExecutorEvent, { type: 'node-end' }> => e.type === 'node-end');
    expect(ends.map((e) => e.report.status)).toEqual(Array(5).fill('cached'));
    expect(ends.every((e) => e.total === 5)).toBe(true);
  });

  it('hands each finished node\'s outputs, provenance stamped, to node-end (the same values the run returns)', async () => {
    const ends: Extract<ExecutorEvent, { type: 'node-end' }>[] = [];
    const cache = new MemoryCache();
    await runPipeline(pipeline(), { registry: fakeRegistry, source: file([1]), cache });
    const result = await runPipeline(pipeline(), { registry: fakeRegistry, source: file([1]), cache, onEvent: (e) => e.type === 'node-end' && ends.push(e) });
    for (const e of ends) {
      expect(e.outputs).toBe(result.values.get(e.id));
      const image = Object.values(e.outputs!).find((v) => typeof v === 'object');
      if (image && 'meta' in image) expect(image.meta.provenance?.steps.at(-1)?.id).toBe(e.id);
    }
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const run = runPipeline(pipeline(), {
      registry: fakeRegistry,
      source: file([1]),
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'node-end' && e.id === 'add') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls['fake-threshold']).toBeUndefined();
  });
});

describe('MemoryCache', () => {
  it('evicts the least recently used entries past its size', async () => {
    const cache = new MemoryCache(3000);
    const v = () => ({ x: { data: new Uint8Array(1000) } }) as never;
    await cache.set('a', v());
    await cache.set('b', v());
    await cache.get('a');
    await cache.set('c', v());
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('c')).toBeDefined();
    expect(cache.totalBytes).toBeLessThanOrEqual(3000);
  });
});
