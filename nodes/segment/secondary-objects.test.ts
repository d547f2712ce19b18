import { describe, expect, it } from 'vitest';
import { createImage, createLabels, createMask, imageFromRows, labelsFromRows, maskFromRows, type Image, type Labels, type Mask } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { readNpy } from '../../src/testing/npy';
import { testContext } from '../../src/testing/context';
import { referencePath } from '../../src/testing/paths';
import { secondaryObjects } from './secondary-objects';

const DEFAULTS = secondaryObjects.params.parse({});
function grow(nuclei: Labels, image: Image, mask: Mask | undefined, params: Partial<typeof DEFAULTS> = {}): Labels {
  const inputs = { nuclei, image, mask } as { nuclei: Labels; image: Image; mask: Mask };
  return (secondaryObjects.run(inputs, { ...DEFAULTS, ...params }, testContext()) as { cells: Labels }).cells;
}

const npy = (name: string) => readNpy(referencePath('segment', name));

describe('secondary-objects', () => {
  it('propagation: each cell keeps its nucleus label and the border follows the dark gap', () => {
    // two bright cells separated by a dark column at x = 4; nucleus 3 left, nucleus 8 right (off-centre)
    const row = [9, 9, 9, 9, 0, 9, 9, 9, 9, 9];
    const image = imageFromRows([row, row, row], 'uint8');
    const nuclei = labelsFromRows([
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [3, 0, 0, 0, 0, 0, 0, 0, 0, 8],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    const mask = maskFromRows([row.map((v) => (v ? 1 : 0)), row.map((v) => (v ? 1 : 0)), row.map((v) => (v ? 1 : 0))]);
    const cells = grow(nuclei, image, mask);
    expect(cells.count).toBe(8);
    for (let y = 0; y < 3; y++) {
      expect(Array.from(cells.data.subarray(y * 10, y * 10 + 10))).toEqual([3, 3, 3, 3, 0, 8, 8, 8, 8, 8]);
    }
    // with a huge λ the split is by distance: the gap pixel stays out (mask), the rest unchanged
    expect(Array.from(grow(nuclei, image, mask, { regularization: 1e6 }).data.subarray(10, 20))).toEqual([3, 3, 3, 3, 0, 8, 8, 8, 8, 8]);
  });

  it('keeps nuclei outside the mask and leaves unreachable mask pixels empty', () => {
    const nuclei = labelsFromRows([[1, 0, 0, 0]]);
    const mask = maskFromRows([[0, 1, 0, 1]]);
    const image = imageFromRows([[1, 1, 1, 1]]);
    for (const method of ['propagation', 'watershed-gradient', 'watershed-image'] as const) {
      expect(Array.from(grow(nuclei, image, mask, { method }).data), method).toEqual([1, 1, 0, 0]);
    }
    // distance does not need a path through the mask: pixel 3 is within 10 px of nucleus 1
    expect(Array.from(grow(nuclei, image, mask, { method: 'distance' }).data)).toEqual([1, 1, 0, 1]);
    expect(Array.from(grow(nuclei, image, mask, { method: 'distance', distance: 2 }).data)).toEqual([1, 1, 0, 0]);
  });

  const nuclei = npy('cells_nuclei.npy');
  const [height, width] = nuclei.shape;
  const seeds = createLabels({ width, height }, Uint32Array.from(nuclei.data as Uint16Array));
  const tubulin = createImage({ width, height }, 'uint16', npy('cells_tubulin.npy').data as Uint16Array);
  const cellMask = createMask({ width, height }, npy('cells_mask.npy').data as Uint8Array);
  for (const method of ['watershed-gradient', 'watershed-image', 'distance'] as const) {
    it(`${method} matches scikit-image pixel for pixel on the nuclei/tubulin image`, () => {
      const expected = npy(`cells_${method}.npy`).data as Uint16Array;
      const cells = grow(seeds, tubulin, cellMask, { method, distance: 10 });
      let differ = 0;
      for (let i = 0; i < expected.length; i++) if (cells.data[i] !== expected[i]) differ++;
      expect(differ, `${differ} pixels differ`).toBe(0);
    });
  }

  it('propagation on the real image: every nucleus gets a cell containing it, larger than itself', () => {
    const cells = grow(seeds, tubulin, cellMask);
    const area = (labels: ArrayLike<number>, l: number) => Array.from(labels).filter((v) => v === l).length;
    for (let l = 1; l <= seeds.count; l++) {
      for (let i = 0; i < seeds.data.length; i++) if (seeds.data[i] === l) expect(cells.data[i]).toBe(l);
      expect(area(cells.data, l)).toBeGreaterThan(area(seeds.data, l));
    }
  });

  it('refuses a multi-channel cell image in one line', () => {
    const rgb = createImage({ width: 4, height: 1, channels: 2 }, 'uint8');
    expect(() => grow(labelsFromRows([[1, 0, 0, 0]]), rgb, undefined)).toThrow(UserError);
    expect(() => grow(labelsFromRows([[1, 0, 0, 0]]), rgb, undefined)).toThrow(/2 channels.*pick one channel/);
  });
});
