import { describe, expect, it } from 'vitest';
import { maskFromRows } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { openMask } from './open';
import { itMatchesSkimageAndWorksPerPlane } from './mask-morphology.testing';

describe('open node (skimage.morphology.binary_opening)', () => {
  itMatchesSkimageAndWorksPerPlane(openMask, 'binary_open');

  it('square radius 1: the speck goes, the block stays', () => {
    const TINY = [[0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 1, 1, 0, 1], [0, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 0]];
    const EXPECTED = [[0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 0]];
    const out = runNode(openMask, { mask: maskFromRows(TINY) }, { shape: 'square', radius: 1 }).mask;
    expect(Array.from(out.data)).toEqual(EXPECTED.flat());
  });
});
