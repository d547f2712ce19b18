import { describe, expect, it } from 'vitest';
import { createMask } from '../core/image';
import { distanceTransformEdt } from './distance-transform';
import { labelComponents } from './label';
import { peakLocalMax, squareFootprint } from './peak-local-max';
import { hMaxima } from './h-maxima';
import { watershed } from './watershed';
import { flatRows, labelPixels, loadSegmentArray, realCases, referenceSurface, tinyCases } from './segment-reference';

describe('watershed', () => {
  it('splits two touching blobs at the neck between their markers', () => {
    // two 3-wide blobs joined at column 4; markers at their centres; flood the negated distance.
    // The neck pixel is as deep for both: marker 1 pushes it first (older), so it is 1's
    const mask = [
      0, 1, 1, 1, 0, 1, 1, 1, 0,
      1, 1, 1, 1, 1, 1, 1, 1, 1,
      0, 1, 1, 1, 0, 1, 1, 1, 0,
    ];
    const surface = Float64Array.from(distanceTransformEdt(mask, 9, 3), (d) => -d);
    const markers = new Uint32Array(27);
    markers[9 + 2] = 1;
    markers[9 + 6] = 2;
    expect(Array.from(watershed(surface, markers, 9, 3, { mask }))).toEqual([
      0, 1, 1, 1, 0, 2, 2, 2, 0,
      1, 1, 1, 1, 1, 2, 2, 2, 2,
      0, 1, 1, 1, 0, 2, 2, 2, 0,
    ]);
  });

  it('on a flat image, equal values go to the marker that reached them first (insertion order)', () => {
    const flat = new Float64Array(5);
    const markers = Uint32Array.from([1, 0, 0, 0, 2]);
    // pixel 2 is equidistant: marker 1 pushes its neighbour first (raster order), so it wins the tie
    expect(Array.from(watershed(flat, markers, 5, 1))).toEqual([1, 1, 1, 2, 2]);
  });

  it('does not cross the mask, and 4-connectivity does not cross a diagonal', () => {
    const mask = [1, 0, 0, 1];
    const markers = Uint32Array.from([7, 0, 0, 0]);
    expect(Array.from(watershed(new Float64Array(4), markers, 2, 2, { mask, connectivity: 1 }))).toEqual([7, 0, 0, 0]);
    expect(Array.from(watershed(new Float64Array(4), markers, 2, 2, { mask, connectivity: 2 }))).toEqual([7, 0, 0, 7]);
  });

  for (const c of tinyCases) {
    it(`matches skimage exactly on tiny case '${c.name}'`, () => {
      const height = c.rows.length;
      const width = c.rows[0].length;
      const img = flatRows(c.rows);
      const neg = Float64Array.from(img, (v) => -v);
      const mask = Uint8Array.from(img, (v) => (v > 0 ? 1 : 0));
      const markers = Uint32Array.from(c.markers.flat());
      const run = (surface: Float64Array, opts: Parameters<typeof watershed>[4]) =>
        Array.from(watershed(surface, markers, width, height, opts));
      expect(run(neg, { mask, connectivity: 1 })).toEqual(c.watershed1.flat());
      expect(run(neg, { mask, connectivity: 2 })).toEqual(c.watershed2.flat());
      expect(run(img, { connectivity: 1 })).toEqual(c.watershed1_nomask.flat());
      expect(run(img, { connectivity: 2 })).toEqual(c.watershed2_nomask.flat());
      expect(run(neg, { mask, compactness: 0.5 })).toEqual(c.watershed_compact.flat());
    });
  }

  for (const c of realCases) {
    it(`reproduces skimage's declumping of ${c.case} pixel for pixel`, () => {
      const mask = loadSegmentArray(`${c.case}_mask.npy`);
      const { width, height } = mask;
      const smooth = loadSegmentArray(`${c.case}_smooth.npy`).data;
      const distance = distanceTransformEdt(mask.data, width, height);
      const comps = labelComponents(createMask({ width, height }, mask.data as Uint8Array), 8).data;
      for (const run of c.runs) {
        const surface = referenceSurface(run, distance, smooth);
        let markers: Uint32Array;
        if (run.markers === 'hmax') {
          const hmax = hMaxima(surface, width, height, run.h!, run.surface === 'distance' ? 'float64' : 'float32');
          markers = labelComponents(createMask({ width, height }, hmax), 8).data;
        } else {
          const peaks =
            run.markers === 'docs'
              ? peakLocalMax(surface, width, height, { minDistance: 1, footprint: squareFootprint(1), labels: mask.data, excludeBorder: 1 })
              : peakLocalMax(surface, width, height, { minDistance: run.min_distance!, labels: comps });
          markers = labelPixels(peaks, width, height, 4);
        }
        const neg = Float64Array.from(surface, (v) => -v);
        const got = watershed(neg, markers, width, height, { mask: mask.data, connectivity: run.connectivity });
        const expected = loadSegmentArray(`${c.case}_${run.run}.npy`).data;
        let differ = 0;
        for (let i = 0; i < got.length; i++) if (got[i] !== expected[i]) differ++;
        expect(differ, run.run).toBe(0);
        expect(Math.max(...got), run.run).toBe(run.count);
      }
    });
  }
});
