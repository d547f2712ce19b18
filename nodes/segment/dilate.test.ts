import { describe, expect, it } from 'vitest';
import { maskFromRows } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { dilateMask } from './dilate';
import { itMatchesSkimageAndWorksPerPlane } from './mask-morphology.testing';

describe('dilate node (skimage.morphology.binary_dilation)', () => {
  itMatchesSkimageAndWorksPerPlane(dilateMask, 'binary_dilate');

  it('square radius 1: the block and the speck grow by one pixel', () => {
    const TINY = [[0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 1, 1, 0, 1], [0, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 0]];
    const EXPECTED = [[1, 1, 1, 1, 1, 0], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0]];
    const out = runNode(dilateMask, { mask: maskFromRows(TINY) }, { shape: 'square', radius: 1 }).mask;
    expect(Array.from(out.data)).toEqual(EXPECTED.flat());
  });
});
