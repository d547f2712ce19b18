// The tests erode, dilate, open and close share: equal to skimage on every reference case, and a
// stack gives what each plane gives on its own.
import { expect, it } from 'vitest';
import { createMask, type Mask } from '../../src/core/image';
import type { AnyNodeDefinition } from '../../src/core/node';
import { morphologyCases, morphologyMask } from '../../src/imaging/morphology-reference';
import { countDifferences } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';

export function itMatchesSkimageAndWorksPerPlane(node: AnyNodeDefinition, kernel: string): void {
  const run = (mask: Mask, params: Record<string, unknown>) => runNode(node, { mask }, params).mask as Mask;

  it.each(morphologyCases(kernel))('$out equals skimage', (c) => {
    const mask = run(morphologyMask(`sources/${c.source}.npy`), { shape: c.shape, radius: c.radius });
    expect(countDifferences(mask.data, morphologyMask(c.out).data)).toBe(0);
  });

  it('works plane by plane on a stack', () => {
    const a = morphologyMask('sources/blobs_mask.npy');
    const b = morphologyMask('sources/dna_mask.npy');
    const n = a.width * a.height;
    const data = new Uint8Array(2 * n);
    data.set(a.data);
    data.set(b.data, n);
    const stack = run(createMask({ width: a.width, height: a.height, planes: 2 }, data), { radius: 2 });
    expect(countDifferences(stack.data.subarray(0, n), run(a, { radius: 2 }).data)).toBe(0);
    expect(countDifferences(stack.data.subarray(n), run(b, { radius: 2 }).data)).toBe(0);
  });
}
