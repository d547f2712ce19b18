import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../testing/paths';
import { linearAxis, mapCoordinatesCubic1d, mapCoordinatesLinear } from './map-coordinates';

interface Fixture {
  linear: { name: string; width: number; height: number; values: number[]; rows: number[]; cols: number[]; out: number[] }[];
  cubic: { name: string; values: number[]; coords: number[]; out: number[] }[];
}
const ref = JSON.parse(readFileSync(referencePath('measure', 'granularity.json'), 'utf8')) as Fixture;

describe('mapCoordinatesLinear', () => {
  const src = [
    0, 10, 20,
    30, 40, 50,
  ];
  const sample = (rows: number[], cols: number[]) => {
    const out = new Float64Array(rows.length * cols.length);
    mapCoordinatesLinear(src, 3, linearAxis(2, rows), linearAxis(3, cols), out);
    return Array.from(out);
  };

  it('whole coordinates pick pixels, fractions blend the four neighbours', () => {
    expect(sample([0, 1], [0, 2])).toEqual([0, 20, 30, 50]);
    expect(sample([0.5], [0.5, 1.25])).toEqual([20, 27.5]);
  });

  it('a point outside [0, n − 1] on either axis is 0, however close (mode constant)', () => {
    expect(sample([-1e-9, 0, 1 + 1e-9], [2, 2.5])).toEqual([0, 0, 20, 0, 0, 0]);
  });

  for (const c of ref.linear) {
    it(`equals scipy.ndimage.map_coordinates(order=1) bit for bit on float32: ${c.name}`, () => {
      const out = new Float32Array(c.rows.length * c.cols.length);
      mapCoordinatesLinear(Float32Array.from(c.values), c.width, linearAxis(c.height, c.rows), linearAxis(c.width, c.cols), out);
      expect(Array.from(out)).toEqual(c.out);
    });
  }
});

describe('mapCoordinatesCubic1d', () => {
  it('passes through the samples (an interpolating spline) and is 0 outside', () => {
    const out = mapCoordinatesCubic1d([1, 4, 2, 8, 5], [0, 1, 2, 3, 4, -0.1, 4.1]);
    [1, 4, 2, 8, 5, 0, 0].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
  });

  for (const c of ref.cubic) {
    it(`equals scipy.ndimage.map_coordinates (order 3, mode constant) to 1e-15: ${c.name}`, () => {
      const out = mapCoordinatesCubic1d(c.values, c.coords);
      const worst = Math.max(...c.out.map((v, i) => Math.abs(out[i] - v)));
      expect(worst).toBeLessThan(1e-15);
    });
  }
});
