import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../testing/paths';
import { imgAsFloat64 } from './dtype-range';
import { imageQuality, laplace3 } from './image-quality';
import { loadMeasureFixture, MEASURE_CASES } from './regionprops/reference-fixtures';
import { dtypeOf } from '../core/image';

const ref = JSON.parse(readFileSync(referencePath('measure', 'quality.json'), 'utf8')) as Record<string, Record<string, number>>;

describe('imageQuality', () => {
  it('Laplacian 4·centre − 4 neighbours, edges reflected', () => {
    // a single bright pixel in the corner: reflected, it is its own left and upper neighbour
    expect(Array.from(laplace3([1, 0, 0, 0], 2, 2))).toEqual([2, -1, -1, 0]);
  });

  it('a flat image has focus 0 and every pixel at both the maximum and the minimum', () => {
    const q = imageQuality(new Float64Array(16).fill(3), 4, 4, 2);
    expect(q).toEqual({ focusScore: 0, localFocusMin: 0, localFocusMean: 0, localFocusMax: 0, percentMaximal: 100, percentMinimal: 100 });
    expect(imageQuality(new Float64Array(4), 2, 2, 3).localFocusMean).toBeNaN(); // smaller than a tile
  });

  for (const name of MEASURE_CASES) {
    it(`matches np.var(skimage.filters.laplace(...)) on ${name}`, () => {
      const f = loadMeasureFixture(name);
      const values = f.intensity instanceof Float32Array ? Float64Array.from(f.intensity) : imgAsFloat64(f.intensity, dtypeOf(f.intensity));
      const q = imageQuality(values, f.width, f.height, 64);
      const e = ref[name];
      for (const [key, got] of [
        ['focus_score', q.focusScore], ['local_focus_min', q.localFocusMin], ['local_focus_mean', q.localFocusMean],
        ['local_focus_max', q.localFocusMax], ['percent_maximal', q.percentMaximal], ['percent_minimal', q.percentMinimal],
      ] as const) {
        expect(Math.abs(got - e[key]), key).toBeLessThanOrEqual(1e-9 * Math.abs(e[key]));
      }
    });
  }
});
