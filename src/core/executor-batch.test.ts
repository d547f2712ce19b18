// The executor's side of batch nodes: `only` runs a part of the graph (the runner's first pass), and
// `batch` hands in outputs computed over the whole batch instead of running the node; the batch
// node's cache key then depends on the batch, not on this item's inputs.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fakeRegistry } from '../testing/fake-nodes';
import { computeKeys, runPipeline } from './executor';
import { hashBytes } from './hash';
import { createImage, imageFromRows, type Image } from './image';
import { createRegistry, defineNode, port, type AnyNodeDefinition } from './node';
import { checkPipeline } from './validate';

const fakeBatchSum = defineNode({
  type: 'fake-batch-sum', version: 1, category: 'Stack', label: 'Batch sum', description: 'Sum over the batch.',
  inputs: { image: port.image() }, outputs: { image: port.image() }, params: z.object({}),
  batch: {
    add: (state, { image }) => ((state as number) ?? 0) + (image as Image).data[0],
    finish: (state) => ({ image: imageFromRows([[state as number]]) }),
  },
  run: ({ image }) => ({ image }),
});
const registry = createRegistry([...fakeRegistry.values(), fakeBatchSum as unknown as AnyNodeDefinition]);

const checked = (() => {
  const r = checkPipeline({
    format: 'cellgraph-pipeline', version: 1,
    nodes: [
      { id: 'load', type: 'fake-source' },
      { id: 'sum', type: 'fake-batch-sum' },
      { id: 'add', type: 'fake-add', params: { amount: 1 } },
    ],
    edges: [
      { from: { node: 'load', port: 'image' }, to: { node: 'sum', port: 'image' } },
      { from: { node: 'sum', port: 'image' }, to: { node: 'add', port: 'image' } },
    ],
  }, registry);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.checked;
})();
const bytes = new Uint8Array([7]);
const source = { name: 'a.tif', bytes, hash: hashBytes(bytes) };

describe('batch nodes in the executor', () => {
  it('only: runs just the given nodes', async () => {
    const r = await runPipeline(checked, { registry, source, only: new Set(['load']) });
    expect([...r.values.keys()]).toEqual(['load']);
    expect(r.reports.map((x) => x.id)).toEqual(['load']);
  });

  it('batch: uses the handed-in outputs, stamps provenance with every file of the batch', async () => {
    const outputs = new Map([['sum', { image: createImage({ width: 1, height: 1 }, 'float32', Float32Array.of(100)) }]]);
    const batchInputs = [{ name: 'a.tif', hash: source.hash }, { name: 'b.tif', hash: 'bb' }];
    const r = await runPipeline(checked, { registry, source, batch: { outputs, hash: 'batch1', inputs: batchInputs } });
    expect(Array.from((r.values.get('add')!.image as Image).data)).toEqual([101]);
    expect((r.values.get('add')!.image as Image).meta.provenance!.inputs).toEqual(batchInputs);
    // without a batch, run() gives the batch of one
    const alone = await runPipeline(checked, { registry, source });
    expect(Array.from((alone.values.get('add')!.image as Image).data)).toEqual([8]);
  });

  it('the batch node key follows the batch hash, not the item: two items of one batch share it', () => {
    const other = { name: 'b.tif', bytes: new Uint8Array([9]), hash: hashBytes(new Uint8Array([9])) };
    const a = computeKeys(checked, registry, source.hash, 'batch1');
    const b = computeKeys(checked, registry, other.hash, 'batch1');
    expect(a.get('sum')).toBe(b.get('sum'));
    expect(a.get('load')).not.toBe(b.get('load'));
    expect(computeKeys(checked, registry, source.hash, 'batch2').get('sum')).not.toBe(a.get('sum'));
    expect(computeKeys(checked, registry, source.hash).get('sum')).not.toBe(a.get('sum'));
  });
});
