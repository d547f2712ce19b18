import { describe, expect, it } from 'vitest';
import { REGION_PROPS, regionProps, type RegionPropName } from './regionprops';
import {
  loadMeasureFixture,
  MEASURE_CASES,
  orientationError,
  relativeError,
} from './regionprops/reference-fixtures';

function measure(rows: number[][], intensity?: number[][]) {
  const height = rows.length;
  const width = rows[0].length;
  const labels = Uint32Array.from(rows.flat());
  const values = intensity ? Float32Array.from(intensity.flat()) : undefined;
  return regionProps(labels, width, height, values);
}

/** Row `i` as a plain object. */
function row(result: ReturnType<typeof regionProps>, i: number): Record<RegionPropName, number> {
  return Object.fromEntries(REGION_PROPS.map((p) => [p, result.columns[p][i]])) as Record<RegionPropName, number>;
}

describe('regionProps: small exact cases', () => {
  it('measures a 2×3 rectangle', () => {
    const r = measure(
      [
        [0, 0, 0, 0, 0],
        [0, 7, 7, 7, 0],
        [0, 7, 7, 7, 0],
        [0, 0, 0, 0, 0],
      ],
      [
        [9, 9, 9, 9, 9],
        [9, 1, 2, 3, 9],
        [9, 4, 5, 6, 9],
        [9, 9, 9, 9, 9],
      ],
    );
    expect(r.count).toBe(1);
    const p = row(r, 0);
    expect(p).toMatchObject({
      label: 7, area: 6, centroid_x: 2, centroid_y: 1.5,
      bbox_min_x: 1, bbox_min_y: 1, bbox_max_x: 4, bbox_max_y: 3,
      perimeter: 6, solidity: 1, area_convex: 6,
      mean_intensity: 3.5, min_intensity: 1, max_intensity: 6, integrated_intensity: 21,
    });
    expect(p.equivalent_diameter).toBeCloseTo(Math.sqrt(24 / Math.PI), 14);
    // inertia tensor [[mu02, -mu11], [-mu11, mu20]] / n = [[4/6, 0], [0, 1.5/6]]
    expect(p.major_axis_length).toBeCloseTo(4 * Math.sqrt(4 / 6), 14);
    expect(p.minor_axis_length).toBeCloseTo(2, 14);
    expect(p.eccentricity).toBeCloseTo(Math.sqrt(1 - 0.25 / (4 / 6)), 14);
    expect(p.orientation).toBe(Math.PI / 2); // wider than tall: the major axis is perpendicular to the rows axis
  });

  it('lists labels present in ascending order, skipping gaps, and joins pieces of one label', () => {
    const r = measure([
      [5, 0, 2, 2],
      [0, 0, 0, 0],
      [5, 0, 9, 0],
    ]);
    expect(Array.from(r.columns.label)).toEqual([2, 5, 9]);
    expect(Array.from(r.columns.area)).toEqual([2, 2, 1]);
    expect(row(r, 1)).toMatchObject({ centroid_x: 0, centroid_y: 1, bbox_max_y: 3, area_convex: 3, solidity: 2 / 3 });
  });

  it('returns no rows for an empty label image', () => {
    expect(measure([[0, 0], [0, 0]]).count).toBe(0);
  });

  it('follows skimage for a single pixel', () => {
    const p = row(measure([[0, 0, 0], [0, 3, 0]]), 0);
    expect(p).toMatchObject({
      area: 1, perimeter: 0, eccentricity: 0, major_axis_length: 0, minor_axis_length: 0,
      orientation: Math.PI / 4, solidity: 1,
    });
  });

  it('gives lines orientation 0 (vertical), pi/2 (horizontal) and eccentricity 1', () => {
    const vertical = row(measure([[1], [1], [1], [1]]), 0);
    expect(vertical).toMatchObject({ orientation: 0, eccentricity: 1, minor_axis_length: 0, perimeter: 2 });
    const horizontal = row(measure([[1, 1, 1, 1]]), 0);
    expect(horizontal).toMatchObject({ orientation: Math.PI / 2, eccentricity: 1, minor_axis_length: 0 });
  });

  it('gives exact diagonals ±pi/4 with the sign of the later skimage fix (issue #6815)', () => {
    const down = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    expect(row(measure(down), 0).orientation).toBe(Math.PI / 4);
    expect(row(measure(down.map((r) => [...r].reverse())), 0).orientation).toBe(-Math.PI / 4);
  });

  it('leaves intensity columns empty without an intensity image, NaN samples make them NaN', () => {
    const p = row(measure([[1, 1]]), 0);
    expect(p.mean_intensity).toBeNaN();
    expect(p.max_intensity).toBeNaN();
    const q = row(measure([[1, 1, 1]], [[2, NaN, 1]]), 0);
    expect([q.min_intensity, q.max_intensity, q.mean_intensity]).toEqual([NaN, NaN, NaN]);
  });

  it('handles huge sparse label values like small ones', () => {
    const small = measure([[1, 1, 0], [0, 2, 2]]);
    const huge = measure([[4e9, 4e9, 0], [0, 4.2e9, 4.2e9]]);
    expect(Array.from(huge.columns.label)).toEqual([4e9, 4.2e9]);
    for (const p of REGION_PROPS.filter((n) => n !== 'label')) expect(huge.columns[p]).toEqual(small.columns[p]);
  });

  it('rejects mismatched sizes', () => {
    expect(() => regionProps(new Uint32Array(5), 2, 3)).toThrow(/expected 2×3/);
    expect(() => regionProps(new Uint32Array(6), 2, 3, new Float32Array(5))).toThrow(/intensity/);
  });
});

describe('regionProps against skimage 0.19.3 regionprops', () => {
  const EXACT: RegionPropName[] = ['label', 'area', 'bbox_min_x', 'bbox_min_y', 'bbox_max_x', 'bbox_max_y', 'area_convex'];

  it.each(MEASURE_CASES)('%s', (name) => {
    const f = loadMeasureFixture(name);
    const r = regionProps(f.labels, f.width, f.height, f.intensity);
    expect(r.count).toBe(f.expected.label.length);
    for (const p of REGION_PROPS) {
      const actual = Array.from(r.columns[p]);
      if (EXACT.includes(p)) {
        expect(actual, p).toEqual(f.expected[p]);
        continue;
      }
      actual.forEach((v, i) => {
        const where = `${name} ${p} of label ${f.expected.label[i]}: ${v} vs skimage ${f.expected[p][i]}`;
        if (p === 'orientation') {
          const e = f.expected;
          expect(orientationError(v, e.orientation[i], e.orientation_ambiguous[i], e.orientation_sign_bug[i]), where).toBeLessThan(1e-9);
        } else {
          // measured: ≤ 5e-15 for geometry; mean_intensity ≤ 1.4e-7 (numpy averages float32 in float32)
          expect(relativeError(v, f.expected[p][i]), where).toBeLessThan(p === 'mean_intensity' ? 1e-6 : 1e-12);
        }
      });
    }
  });
});
