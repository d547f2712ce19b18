import { describe, expect, it } from 'vitest';
import { createMask, maskFromRows } from '../../src/core/image';
import { morphologyCases, morphologyMask } from '../../src/imaging/morphology-reference';
import { countDifferences } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { openMask } from './open';

describe('open node (skimage.morphology.binary_opening)', () => {
  it.each(morphologyCases('binary_open'))('$out equals skimage', (c) => {
    const { mask } = runNode(openMask, { mask: morphologyMask(`sources/${c.source}.npy`) }, { shape: c.shape as string, radius: c.radius as number });
    expect(countDifferences(mask.data, morphologyMask(c.out).data)).toBe(0);
  });

  it('works plane by plane on a stack', () => {
    const a = morphologyMask('sources/blobs_mask.npy');
    const b = morphologyMask('sources/dna_mask.npy');
    const n = a.width * a.height;
    const data = new Uint8Array(2 * n);
    data.set(a.data);
    data.set(b.data, n);
    const stack = runNode(openMask, { mask: createMask({ width: a.width, height: a.height, planes: 2 }, data) }, { radius: 2 }).mask;
    expect(countDifferences(stack.data.subarray(0, n), runNode(openMask, { mask: a }, { radius: 2 }).mask.data)).toBe(0);
    expect(countDifferences(stack.data.subarray(n), runNode(openMask, { mask: b }, { radius: 2 }).mask.data)).toBe(0);
  });

  it('square radius 1: the speck goes, the block stays', () => {
    const TINY = [[0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 1, 1, 0, 1], [0, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 0]];
    const EXPECTED = [[0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 0]];
    const out = runNode(openMask, { mask: maskFromRows(TINY) }, { shape: 'square', radius: 1 }).mask;
    expect(Array.from(out.data)).toEqual(EXPECTED.flat());
  });
});
