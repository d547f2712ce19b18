import { describe, expect, it } from 'vitest';
import { createMask } from '../core/image';
import { distanceTransformEdt } from './distance-transform';
import { labelComponents } from './label';
import { diskFootprint, maximumFilter, peakLocalMax, squareFootprint, type Footprint } from './peak-local-max';
import { flatRows, loadSegmentArray, realCases, referenceSurface, tinyCases } from './segment-reference';

describe('peakLocalMax', () => {
  it('keeps the higher of two peaks closer than min_distance and both when far enough', () => {
    const img = flatRows([
      [0, 0, 0, 0, 0, 0, 0],
      [0, 5, 0, 4, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 3],
    ]);
    expect(Array.from(peakLocalMax(img, 7, 3, { minDistance: 2 }))).toEqual([8, 20]);
    expect(Array.from(peakLocalMax(img, 7, 3, { minDistance: 1 }))).toEqual([8, 10, 20]);
    // exclude_border drops the peak on the right edge
    expect(Array.from(peakLocalMax(img, 7, 3, { minDistance: 1, excludeBorder: 1 }))).toEqual([8, 10]);
  });

  it('per object, a lower neighbouring object keeps its own peak', () => {
    const img = flatRows([[1, 2, 1, 0, 1, 9, 1]]);
    const labels = [1, 1, 1, 0, 2, 2, 2];
    expect(Array.from(peakLocalMax(img, 7, 1, { minDistance: 4 }))).toEqual([5]);
    expect(Array.from(peakLocalMax(img, 7, 1, { minDistance: 4, labels }))).toEqual([1, 5]);
  });

  it('maximum filter (constant 0 outside) equals a naive one for squares, disks and a ring', () => {
    const width = 23;
    const height = 17;
    let seed = 3;
    const img = Float64Array.from({ length: width * height }, () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 10 - 3);
    const ring: Footprint = { size: 5, data: Uint8Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1]) };
    for (const fp of [squareFootprint(1), squareFootprint(4), diskFootprint(3), diskFootprint(7), ring]) {
      const r = fp.size >> 1;
      const got = maximumFilter(img, width, height, fp);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let m = -Infinity;
          for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
            if (!fp.data[(dy + r) * fp.size + dx + r]) continue;
            const yy = y + dy, xx = x + dx;
            m = Math.max(m, yy < 0 || yy >= height || xx < 0 || xx >= width ? 0 : img[yy * width + xx]);
          }
          expect(got[y * width + x]).toBe(m);
        }
      }
    }
  });

  it('footprints: square of side 2r+1 and skimage disk', () => {
    expect(Array.from(squareFootprint(1).data)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(diskFootprint(1).data)).toEqual([0, 1, 0, 1, 1, 1, 0, 1, 0]);
  });

  for (const c of tinyCases) {
    it(`matches skimage exactly on tiny case '${c.name}' (ties, plateaus, isolated pixels)`, () => {
      const height = c.rows.length;
      const width = c.rows[0].length;
      const img = flatRows(c.rows);
      const mask = createMask({ width, height }, Uint8Array.from(img, (v) => (v > 0 ? 1 : 0)));
      const labels = labelComponents(mask, 8).data;
      for (const run of c.runs) {
        const got = peakLocalMax(img, width, height, {
          minDistance: run.min_distance,
          excludeBorder: run.exclude_border,
          labels: run.labels ? labels : undefined,
        });
        expect(Array.from(got), JSON.stringify({ ...run, peaks: undefined })).toEqual(run.peaks);
      }
    });
  }

  for (const c of realCases) {
    it(`matches skimage on the distance transform and smoothed intensity of ${c.case}`, () => {
      const mask = loadSegmentArray(`${c.case}_mask.npy`);
      const { width, height } = mask;
      const smooth = loadSegmentArray(`${c.case}_smooth.npy`).data;
      const distance = distanceTransformEdt(mask.data, width, height);
      const comps = labelComponents(createMask({ width, height }, mask.data as Uint8Array), 8).data;
      let checked = 0;
      for (const run of c.runs) {
        if (!run.peaks) continue;
        const surface = referenceSurface(run, distance, smooth);
        const got =
          run.markers === 'docs'
            ? peakLocalMax(surface, width, height, { minDistance: 1, footprint: squareFootprint(1), labels: mask.data, excludeBorder: 1 })
            : peakLocalMax(surface, width, height, { minDistance: run.min_distance!, labels: comps });
        expect(Array.from(got), run.run).toEqual(run.peaks);
        checked++;
      }
      expect(checked).toBe(5);
    });
  }
});
