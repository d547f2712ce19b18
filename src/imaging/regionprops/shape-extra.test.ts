import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../../testing/paths';
import { intensityDistribution } from './intensity-distribution';
import { objectPixels } from './object-pixels';
import { loadMeasureFixture, MEASURE_CASES } from './reference-fixtures';
import { shapeExtra } from './shape-extra';

type Extra = Record<string, number[]>;
const loadExtra = (name: string): Extra => JSON.parse(readFileSync(referencePath('measure', `${name}_extra.json`), 'utf8')) as Extra;

function measureRows(rows: number[][]) {
  const labels = Uint32Array.from(rows.flat());
  return shapeExtra(rows[0].length, objectPixels(labels));
}

describe('shapeExtra: exact cases', () => {
  it('a 3 × 4 rectangle: extent 1, Euler 1, Feret between edge midpoints', () => {
    const r = measureRows([
      [0, 0, 0, 0, 0, 0],
      [0, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 1, 0],
    ]);
    expect(r.extent[0]).toBe(1);
    expect(r.euler_number[0]).toBe(1);
    // contour points: x = ±0.5 beyond the end columns on each row, y = ±0.5 beyond the end rows on each
    // column; the farthest pair is (0.5, 1) – (4.5, 3): 4 across, 2 down
    expect(r.feret_diameter_max[0]).toBeCloseTo(Math.hypot(4, 2), 12);
    expect(r.feret_diameter_min[0]).toBeCloseTo(3, 12);
  });

  it('a ring has Euler number 0, two diagonal pixels are one 8-connected object (1)', () => {
    const r = measureRows([
      [1, 1, 1, 0, 0],
      [1, 0, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [0, 0, 0, 2, 0],
      [0, 0, 0, 0, 2],
    ]);
    expect(Array.from(r.euler_number)).toEqual([0, 1]);
    expect(r.extent[0]).toBeCloseTo(8 / 9, 14);
    expect(r.extent[1]).toBe(0.5);
  });

  it('scikit-image\'s euler_number docstring example gives 0 (8-connected)', () => {
    const sample = [
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0],
      [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0],
      [1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1],
      [0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
    ];
    expect(measureRows(sample).euler_number[0]).toBe(0);
  });
});

describe('intensityDistribution: exact cases', () => {
  it('std, median, quartiles and MAD of one object', () => {
    const labels = [0, 3, 3, 3, 3, 3];
    const values = [99, 1, 2, 4, 8, 100];
    const r = intensityDistribution(values, objectPixels(labels));
    expect(r.median_intensity[0]).toBe(4);
    expect(r.lower_quartile_intensity[0]).toBe(2);
    expect(r.upper_quartile_intensity[0]).toBe(8);
    expect(r.mad_intensity[0]).toBe(3); // |1,2,4,8,100 − 4| = 3,2,0,4,96
    const mean = 23;
    expect(r.std_intensity[0]).toBeCloseTo(Math.sqrt([1, 2, 4, 8, 100].reduce((s, v) => s + (v - mean) ** 2, 0) / 5), 12);
  });
});

describe('shapeExtra and intensityDistribution vs skimage regionprops 0.19 / numpy', () => {
  for (const name of MEASURE_CASES) {
    it(`${name}: extent, euler_number, feret_diameter_max and the intensity distribution`, () => {
      const f = loadMeasureFixture(name);
      const expected = loadExtra(name);
      const objects = objectPixels(f.labels);
      expect(Array.from(objects.present)).toEqual(expected.label);
      const shape = shapeExtra(f.width, objects);
      const dist = intensityDistribution(f.intensity, objects);
      expected.label.forEach((label, i) => {
        expect(shape.extent[i], `${label} extent`).toBeCloseTo(expected.extent[i], 12);
        expect(shape.euler_number[i], `${label} euler`).toBe(expected.euler_number[i]);
        expect(shape.feret_diameter_max[i], `${label} feret`).toBeCloseTo(expected.feret_diameter_max[i], 9);
        expect(shape.feret_diameter_min[i]).toBeLessThanOrEqual(shape.feret_diameter_max[i] + 1e-12);
        for (const c of ['median_intensity', 'lower_quartile_intensity', 'upper_quartile_intensity', 'mad_intensity'] as const) {
          expect(dist[c][i], `${label} ${c}`).toBe(expected[c][i]);
        }
        const std = expected.std_intensity[i];
        expect(Math.abs(dist.std_intensity[i] - std), `${label} std`).toBeLessThanOrEqual(1e-9 * Math.max(1, std));
      });
    });
  }
});
