import { describe, expect, it } from 'vitest';
import { createMask, maskFromRows, type Labels, type Mask } from '../../src/core/image';
import { labelsFromNpy, manifest, maskFromNpy } from '../../src/imaging/reference-fixtures';
import { testContext } from '../../src/testing/context';
import { labelObjects } from './label';

const label = (mask: Mask, connectivity?: 4 | 8): Labels =>
  (labelObjects.run({ mask }, labelObjects.params.parse({ connectivity }), testContext()) as { labels: Labels }).labels;

describe('label node', () => {
  const diagonal = maskFromRows([
    [1, 0, 0, 1],
    [0, 1, 0, 1],
    [0, 0, 0, 0],
    [1, 1, 0, 0],
  ]);

  it('defaults to 8-connectivity and accepts only 4 or 8', () => {
    expect(labelObjects.params.parse({})).toEqual({ connectivity: 8 });
    expect(labelObjects.params.safeParse({ connectivity: 6 }).success).toBe(false);
  });

  it('8: corner neighbours join; 4: they do not; numbered in raster order of the first pixel', () => {
    const eight = label(diagonal);
    expect(Array.from(eight.data)).toEqual([1, 0, 0, 2, 0, 1, 0, 2, 0, 0, 0, 0, 3, 3, 0, 0]);
    expect(eight.count).toBe(3);
    const four = label(diagonal, 4);
    expect(Array.from(four.data)).toEqual([1, 0, 0, 2, 0, 3, 0, 2, 0, 0, 0, 0, 4, 4, 0, 0]);
    expect(four.count).toBe(4);
  });

  it('labels each plane on its own, numbering on from plane to plane', () => {
    const stack = createMask({ width: 2, height: 1, planes: 2 }, Uint8Array.from([1, 0, 1, 1]));
    expect(Array.from(label(stack).data)).toEqual([1, 0, 2, 2]);
  });

  it.each(manifest.seg.flatMap((c) => [[c.case, 4, c.labels4, c.count4], [c.case, 8, c.labels8, c.count8]] as const))(
    '%s, connectivity %i, equals skimage.measure.label',
    (_name, connectivity, file, count) => {
      const c = manifest.seg.find((s) => s.labels4 === file || s.labels8 === file)!;
      const out = label(maskFromNpy(c.filled), connectivity);
      expect(out.count).toBe(count);
      expect(Array.from(out.data)).toEqual(Array.from(labelsFromNpy(file).data));
    },
  );

  it('states its conventions', () => {
    for (const words of ['connectivity 8', 'edge or a corner', 'reading order', 'skimage.measure.label']) {
      expect(labelObjects.description).toContain(words);
    }
  });
});
