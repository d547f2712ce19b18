import { describe, expect, it } from 'vitest';
import { maskFromRows } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { closeMask } from './close';
import { itMatchesSkimageAndWorksPerPlane } from './mask-morphology.testing';

describe('close node (skimage.morphology.binary_closing)', () => {
  itMatchesSkimageAndWorksPerPlane(closeMask, 'binary_close');

  it('square radius 1: border background next to the block closes, as skimage (border = foreground for the erosion)', () => {
    const TINY = [[0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 1, 1, 0, 1], [0, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 0]];
    const EXPECTED = [[1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 0, 0]];
    const out = runNode(closeMask, { mask: maskFromRows(TINY) }, { shape: 'square', radius: 1 }).mask;
    expect(Array.from(out.data)).toEqual(EXPECTED.flat());
  });
});
