import { describe, expect, it } from 'vitest';
import { maskFromRows } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { erodeMask } from './erode';
import { itMatchesSkimageAndWorksPerPlane } from './mask-morphology.testing';

describe('erode node (skimage.morphology.binary_erosion)', () => {
  itMatchesSkimageAndWorksPerPlane(erodeMask, 'binary_erode');

  it('square radius 1: a 3 × 3 block erodes to its centre; the speck goes', () => {
    const TINY = [[0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 1, 1, 0, 1], [0, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 0]];
    const EXPECTED = [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]];
    const out = runNode(erodeMask, { mask: maskFromRows(TINY) }, { shape: 'square', radius: 1 }).mask;
    expect(Array.from(out.data)).toEqual(EXPECTED.flat());
  });
});
