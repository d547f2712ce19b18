import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../../testing/npy';
import { referencePath } from '../../testing/paths';
import { objectPixels } from './object-pixels';
import { radialCoefficients, zernikeFeatures, zernikeIndexes } from './zernike';

/** Features of the objects of a label image given as rows, as a map label → values (zernikeIndexes order). */
function measureRows(rows: number[][], degree = 9): Map<number, number[]> {
  const objects = objectPixels(Uint32Array.from(rows.flat()));
  const z = zernikeFeatures(rows[0].length, objects, degree);
  return new Map(Array.from(objects.present, (label, s) => [label, z.values.map((column) => column[s])]));
}

function canvas(height: number, width: number): number[][] {
  return Array.from({ length: height }, () => new Array<number>(width).fill(0));
}

/** Paints `shape` (rows of 0/1) into `rows` at (x, y) with `label`. */
function paint(rows: number[][], shape: number[][], x: number, y: number, label: number) {
  shape.forEach((r, i) => r.forEach((v, j) => v && (rows[y + i][x + j] = label)));
}

const rotate90 = (s: number[][]) => s[0].map((_, j) => s.map((row) => row[row.length - 1 - j]));
const mirror = (s: number[][]) => s.map((row) => [...row].reverse());

/** An irregular blob: no symmetry, holes and a notch. */
const BLOB = [
  [0, 0, 1, 1, 1, 0, 0, 0, 0],
  [0, 1, 1, 1, 1, 1, 1, 0, 0],
  [1, 1, 1, 0, 1, 1, 1, 1, 0],
  [1, 1, 1, 1, 1, 1, 1, 1, 1],
  [0, 1, 1, 1, 1, 0, 0, 1, 1],
  [0, 0, 1, 1, 1, 0, 0, 0, 1],
  [0, 0, 0, 1, 1, 1, 0, 0, 0],
];

describe('zernike: indexes and radial polynomials', () => {
  it('orders (n, m) as centrosome\'s get_zernike_indexes: n ascending, m = n mod 2 … n; 30 up to degree 9', () => {
    expect(zernikeIndexes(3)).toEqual([[0, 0], [1, 1], [2, 0], [2, 2], [3, 1], [3, 3]]);
    expect(zernikeIndexes(9)).toHaveLength(30);
    expect(zernikeIndexes(9).at(-1)).toEqual([9, 9]);
    expect(zernikeIndexes(0)).toEqual([[0, 0]]);
  });

  it('has the textbook integer coefficients, highest power first, and R_nm(1) = 1', () => {
    expect(radialCoefficients(0, 0)).toEqual([1]);
    expect(radialCoefficients(2, 0)).toEqual([2, -1]); // 2ρ² − 1
    expect(radialCoefficients(4, 0)).toEqual([6, -6, 1]); // 6ρ⁴ − 6ρ² + 1
    expect(radialCoefficients(6, 2)).toEqual([15, -20, 6]); // 15ρ⁶ − 20ρ⁴ + 6ρ²
    expect(radialCoefficients(9, 1)).toEqual([126, -280, 210, -60, 5]);
    expect(radialCoefficients(7, 7)).toEqual([1]);
    for (const [n, m] of zernikeIndexes(20)) expect(radialCoefficients(n, m).reduce((a, b) => a + b), `R_${n}_${m}(1)`).toBe(1);
    expect(() => radialCoefficients(3, 2)).toThrow(/n − m even, got n = 3, m = 2/);
  });
});

describe('zernikeFeatures: exact cases', () => {
  it('two pixels: both on the unit circle, |Σ (±1)^m| / (π r²) = 8/π for even m, 0 for odd m', () => {
    const side = measureRows([[0, 1, 1, 0]]).get(1)!;
    zernikeIndexes(9).forEach(([, m], f) => expect(side[f]).toBeCloseTo(m % 2 ? 0 : 8 / Math.PI, 13));
    // on a diagonal: r = √2/2, the circle's area π/2, so 2/(π/2) = 4/π
    const diagonal = measureRows([[1, 0], [0, 1]]).get(1)!;
    zernikeIndexes(9).forEach(([, m], f) => expect(diagonal[f]).toBeCloseTo(m % 2 ? 0 : 4 / Math.PI, 13));
  });

  it('a single pixel has no enclosing circle (r = 0): NaN, as centrosome\'s 0/0', () => {
    const values = measureRows([[0, 0, 0], [0, 5, 0]]).get(5)!;
    expect(values).toHaveLength(30);
    for (const v of values) expect(v).toBeNaN();
  });

  it('the disk of centrosome\'s test (x² + y² ≤ 50²): zernike_0_0 = pixels / (π·50²), the rest near 0', () => {
    const rows = canvas(103, 103);
    for (let y = -50; y <= 50; y++) for (let x = -50; x <= 50; x++) if (x * x + y * y <= 2500) rows[y + 51][x + 51] = 1;
    const pixels = rows.flat().filter(Boolean).length;
    expect(pixels).toBe(7845);
    const values = measureRows(rows).get(1)!;
    expect(values[0]).toBeCloseTo(7845 / (2500 * Math.PI), 14);
    // centrosome test_zernike.py test_01_01_one_object: |Z00 − 1| < 1/50 and every other score < 1/50
    expect(Math.abs(values[0] - 1)).toBeLessThan(1 / 50);
    for (const v of values.slice(1)) expect(v).toBeLessThan(1 / 50);
    // and by the disk's symmetries (x ↔ −x, y ↔ −y, x ↔ y) every m not a multiple of 4 sums to 0
    zernikeIndexes(9).forEach(([, m], f) => m % 4 && expect(values[f]).toBeLessThan(1e-13));
  });

  it('is unchanged, bit for bit, when the object moves', () => {
    const a = canvas(20, 30);
    const b = canvas(20, 30);
    paint(a, BLOB, 1, 2, 1);
    paint(b, BLOB, 17, 11, 1);
    expect(measureRows(b).get(1)).toEqual(measureRows(a).get(1));
  });

  it('is unchanged by rotations by 90°, 180°, 270° and by a mirror image (moduli of the sums)', () => {
    const variants = [BLOB, rotate90(BLOB), rotate90(rotate90(BLOB)), rotate90(rotate90(rotate90(BLOB))), mirror(BLOB), rotate90(mirror(BLOB))];
    const rows = canvas(12, 12 * variants.length);
    variants.forEach((shape, i) => paint(rows, shape, 12 * i + 1, 1, i + 1));
    const measured = measureRows(rows, 14);
    const first = measured.get(1)!;
    expect(first.every((v) => Number.isFinite(v))).toBe(true);
    for (let i = 2; i <= variants.length; i++) {
      measured.get(i)!.forEach((v, f) => expect(Math.abs(v - first[f]), `variant ${i}, feature ${f}`).toBeLessThan(1e-12));
    }
  });

  it('counts every pixel of an object in several pieces, and ignores the other objects', () => {
    const rows = canvas(6, 12);
    paint(rows, [[1, 1], [1, 1]], 0, 0, 3);
    paint(rows, [[1, 1], [1, 1]], 8, 3, 3);
    paint(rows, [[1, 1, 1]], 4, 2, 7);
    const alone = canvas(6, 12);
    paint(alone, [[1, 1], [1, 1]], 0, 0, 3);
    paint(alone, [[1, 1], [1, 1]], 8, 3, 3);
    expect(measureRows(rows).get(3)).toEqual(measureRows(alone).get(3));
  });
});

interface ZernikeFixture {
  indexes: [number, number][];
  indexes_14: [number, number][];
  cases: Record<string, { label: number[]; degree_9: (number | null)[][]; degree_14?: (number | null)[][] }>;
}

describe('zernikeFeatures vs an independent NumPy script following centrosome (scripts/reference/zernike.py)', () => {
  const fixture = JSON.parse(readFileSync(referencePath('measure', 'zernike.json'), 'utf8')) as ZernikeFixture;
  const labelFiles: Record<string, string> = { dsb256: 'dsb256_labels.npy', synthetic: 'synthetic_labels.npy', shapes: 'zernike_shapes_labels.npy' };

  it('uses the same (n, m) order', () => {
    expect(zernikeIndexes(9)).toEqual(fixture.indexes);
    expect(zernikeIndexes(14)).toEqual(fixture.indexes_14);
  });

  for (const [name, file] of Object.entries(labelFiles)) {
    it(`${name}: every feature to 1e-9`, () => {
      const labels = readNpy(referencePath('measure', file));
      const objects = objectPixels(labels.data as ArrayLike<number>);
      const expected = fixture.cases[name];
      expect(Array.from(objects.present)).toEqual(expected.label);
      for (const degree of [9, 14] as const) {
        const rows = degree === 9 ? expected.degree_9 : expected.degree_14;
        if (!rows) continue;
        const { values } = zernikeFeatures(labels.shape[1], objects, degree);
        expected.label.forEach((label, s) => {
          rows[s].forEach((e, f) => {
            const v = values[f][s];
            if (e === null) expect(v, `${label} feature ${f}`).toBeNaN();
            else expect(Math.abs(v - e), `${name} label ${label}, degree ${degree}, feature ${f}`).toBeLessThanOrEqual(1e-9 * Math.max(1, e));
          });
        });
      }
    });
  }
});
