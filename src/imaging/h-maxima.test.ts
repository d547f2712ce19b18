import { describe, expect, it } from 'vitest';
import { distanceTransformEdt } from './distance-transform';
import { hMaxima } from './h-maxima';
import { reconstructByDilation } from './reconstruction';
import { flatRows, loadSegmentArray, realCases, tinyCases } from './segment-reference';

const onPixels = (m: Uint8Array) => Array.from(m.keys()).filter((i) => m[i]);

describe('hMaxima', () => {
  it('keeps maxima at least h above the saddle towards a higher one', () => {
    // peaks 5 and 8 separated by a saddle at 2: dynamic of the 5 is 3, the global maximum always stays
    const img = flatRows([[0, 5, 2, 8, 0]]);
    expect(onPixels(hMaxima(img, 5, 1, 3))).toEqual([1, 3]);
    expect(onPixels(hMaxima(img, 5, 1, 3.5))).toEqual([3]);
    expect(onPixels(hMaxima(img, 5, 1, 9))).toEqual([]); // h above the image range: none
  });

  it('reconstruction by dilation floods the seed under the mask, 8-connected', () => {
    const mask = flatRows([
      [3, 3, 0, 1],
      [3, 0, 3, 1],
      [0, 0, 0, 1],
    ]);
    const seed = flatRows([
      [3, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(Array.from(reconstructByDilation(seed, mask, 4, 3))).toEqual([3, 3, 0, 1, 3, 0, 3, 1, 0, 0, 0, 1]);
  });

  for (const c of tinyCases) {
    it(`matches skimage exactly on tiny case '${c.name}'`, () => {
      const img = flatRows(c.rows);
      for (const [h, expected] of Object.entries(c.h_maxima)) {
        expect(onPixels(hMaxima(img, c.rows[0].length, c.rows.length, Number(h))), `h=${h}`).toEqual(expected);
      }
    });
  }

  for (const c of realCases) {
    it(`matches skimage on the distance transform (float64) and smoothed image (float32) of ${c.case}`, () => {
      const mask = loadSegmentArray(`${c.case}_mask.npy`);
      const { width, height } = mask;
      const smooth = loadSegmentArray(`${c.case}_smooth.npy`).data;
      const distance = distanceTransformEdt(mask.data, width, height);
      const runs = c.runs.filter((r) => r.h_maxima);
      expect(runs.length).toBe(2);
      for (const run of runs) {
        const got =
          run.surface === 'distance'
            ? hMaxima(distance, width, height, run.h!, 'float64')
            : hMaxima(smooth, width, height, run.h!, 'float32');
        expect(onPixels(got), run.run).toEqual(run.h_maxima);
      }
    });
  }
});
