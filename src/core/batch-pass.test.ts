// The two passes of a pipeline with a batch node, as `cellgraph run` and the editor's "Run on all
// images" share them: which nodes each pass runs, what one item hands the batch, the fold in input
// order (another shape refused alone), and the second pass using the batch's result.
import { describe, expect, it } from 'vitest';
import { batchMean } from '../../nodes/stack/batch-mean';
import { fakeRegistry } from '../testing/fake-nodes';
import { BatchFold, planBatch, runFirstPassItem, secondPassOptions, type CollectedForBatch } from './batch-pass';
import { computeKeys, runPipeline, sourceKey } from './executor';
import { hashBytes, hashString } from './hash';
import type { Image } from './image';
import { createRegistry, type AnyNodeDefinition, type SourceFile } from './node';
import type { Pipeline } from './pipeline';
import { checkPipeline } from './validate';

const registry = createRegistry([...fakeRegistry.values(), batchMean as unknown as AnyNodeDefinition]);

/** A pipeline of these nodes (params default when left out) and edges, checked. */
function check(pipeline: { nodes: { id: string; type: string; params?: Record<string, unknown> }[]; edges: Pipeline['edges'] }) {
  const r = checkPipeline({ format: 'cellgraph-pipeline', version: 1, ...pipeline }, registry);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.checked;
}

// load → pre (+1) → mean (batch) → out (+0); load → thr. `pre` only feeds the batch node.
const checked = check({
  nodes: [
    { id: 'load', type: 'fake-source' },
    { id: 'pre', type: 'fake-add', params: { amount: 1 } },
    { id: 'mean', type: 'batch-mean' },
    { id: 'out', type: 'fake-add', params: { amount: 0 } },
    { id: 'thr', type: 'fake-threshold' },
  ],
  edges: [
    { from: { node: 'load', port: 'image' }, to: { node: 'pre', port: 'image' } },
    { from: { node: 'pre', port: 'image' }, to: { node: 'mean', port: 'image' } },
    { from: { node: 'mean', port: 'mean' }, to: { node: 'out', port: 'image' } },
    { from: { node: 'load', port: 'image' }, to: { node: 'thr', port: 'image' } },
  ],
});
const plan = planBatch(checked, registry)!;

/** fake-source reads a file's bytes as a 1-row uint8 image: [1, 2] is 2×1. */
const file = (name: string, ...bytes: number[]): SourceFile => {
  const b = Uint8Array.from(bytes);
  return { name, bytes: b, hash: hashBytes(b) };
};
const a = file('a.tif', 1, 2);
const b = file('b.tif', 3, 4);
const odd = file('odd.tif', 5, 6, 7);

async function collect(source: SourceFile): Promise<CollectedForBatch> {
  const { run, collected } = await runFirstPassItem(plan, checked, { registry, source });
  if (!collected) throw new Error(run.error);
  return collected;
}
const pixels = (image: unknown) => Array.from((image as Image).data);

describe('planBatch', () => {
  it('first pass: what feeds the batch node; second: all but what only fed it', () => {
    expect(plan.batchNodes).toEqual(['mean']);
    expect([...plan.firstPass].sort()).toEqual(['load', 'pre']);
    expect([...plan.secondPass].sort()).toEqual(['load', 'mean', 'out', 'thr']);
  });

  it('no batch node, no plan', () => {
    const plain = check({ nodes: [{ id: 'load', type: 'fake-source' }, { id: 'thr', type: 'fake-threshold' }], edges: [{ from: { node: 'load', port: 'image' }, to: { node: 'thr', port: 'image' } }] });
    expect(planBatch(plain, registry)).toBeUndefined();
  });
});

describe('runFirstPassItem', () => {
  it('runs only the first pass; hands on the batch node\'s inputs, the keys they were made under and the files read', async () => {
    const { run, collected } = await runFirstPassItem(plan, checked, { registry, source: a });
    expect(run.reports.map((r) => r.id)).toEqual(['load', 'pre']);
    expect(pixels(collected!.inputs.mean.image)).toEqual([2, 3]);
    expect(collected!.inputKeys).toEqual([`mean.image=${computeKeys(checked, registry, sourceKey(a)).get('pre')}:image`]);
    expect(collected!.files).toEqual([{ name: 'a.tif', hash: a.hash }]);
  });

  it('an item that fails in the first pass hands on nothing, and says why; a failing node the batch node does not need is not run', async () => {
    const empty = await runFirstPassItem(plan, checked, { registry, source: file('empty.tif') });
    expect(empty.collected).toBeUndefined();
    expect(empty.run.error).toMatch(/^node 'load': /);
    const failing = check({ ...checked.pipeline, nodes: checked.pipeline.nodes.map((n) => (n.id === 'thr' ? { ...n, params: { fail: true } } : n)) });
    expect((await runFirstPassItem(plan, failing, { registry, source: a })).collected).toBeDefined();
  });
});

describe('BatchFold', () => {
  it('folds in input order; an item of another shape is refused in one line naming it, and left out of the mean, the hash and the files', async () => {
    const fold = new BatchFold(plan, checked, registry);
    const [ca, codd, cb] = [await collect(a), await collect(odd), await collect(b)];
    expect(fold.add(ca, 'a.tif')).toBeUndefined();
    expect(fold.add(codd, 'odd.tif')).toBe("node 'mean': odd.tif is 3×1, but the batch's first image is 2×1: batch statistics need images of one shape");
    expect(fold.add(cb, 'b.tif')).toBeUndefined();
    const batch = fold.finish()!;
    expect(pixels(batch.outputs.get('mean')!.mean)).toEqual([3, 4]); // ([2, 3] + [4, 5]) / 2
    expect(pixels(batch.outputs.get('mean')!.std)).toEqual([1, 1]);
    expect(batch.inputs).toEqual([{ name: 'a.tif', hash: a.hash }, { name: 'b.tif', hash: b.hash }]);
    expect(batch.hash).toBe(hashString([...ca.inputKeys, ...cb.inputKeys].join('\n')));
  });

  it('the order is the batch\'s: another order is another batch (hash), and the first item sets the shape', async () => {
    const [ca, cb, codd] = [await collect(a), await collect(b), await collect(odd)];
    const ab = new BatchFold(plan, checked, registry);
    ab.add(ca, 'a.tif');
    ab.add(cb, 'b.tif');
    const ba = new BatchFold(plan, checked, registry);
    ba.add(cb, 'b.tif');
    ba.add(ca, 'a.tif');
    expect(ab.finish()!.hash).not.toBe(ba.finish()!.hash);
    const oddFirst = new BatchFold(plan, checked, registry);
    expect(oddFirst.add(codd, 'odd.tif')).toBeUndefined();
    expect(oddFirst.add(ca, 'a.tif')).toMatch(/^node 'mean': a\.tif is 2×1, but the batch's first image is 3×1/);
  });

  it('nothing folded: no batch', () => {
    expect(new BatchFold(plan, checked, registry).finish()).toBeUndefined();
  });
});

describe('the second pass', () => {
  it('runs what is left with the batch\'s result: downstream of the batch node sees the mean over every item, with every file in its provenance', async () => {
    const fold = new BatchFold(plan, checked, registry);
    for (const source of [a, b]) fold.add(await collect(source), source.name);
    const batch = fold.finish()!;
    const r = await runPipeline(checked, { registry, source: a, ...secondPassOptions(plan, batch) });
    expect(r.error).toBeUndefined();
    expect(r.reports.map((x) => x.id)).toEqual(['load', 'mean', 'out', 'thr']);
    expect(pixels(r.values.get('out')!.image)).toEqual([3, 4]);
    expect((r.values.get('out')!.image as Image).meta.provenance!.inputs).toEqual(batch.inputs);
    // alone (the editor's single-image view), the batch node is over this item only
    const alone = await runPipeline(checked, { registry, source: a });
    expect(pixels(alone.values.get('out')!.image)).toEqual([2, 3]);
  });
});
