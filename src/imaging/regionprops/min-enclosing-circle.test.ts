import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../../testing/npy';
import { referencePath } from '../../testing/paths';
import { minEnclosingCircle, type EnclosingCircle } from './min-enclosing-circle';

const pts = (...xy: [number, number][]) => xy.flat();

function expectCircle(c: EnclosingCircle, x: number, y: number, radius: number) {
  expect(c.x).toBeCloseTo(x, 12);
  expect(c.y).toBeCloseTo(y, 12);
  expect(c.radius).toBeCloseTo(radius, 12);
}

/** Smallest circle through 2 or 3 of the points that contains them all, by trying every pair and triple. */
function bruteForceRadius(p: number[]): number {
  const n = p.length / 2;
  const contains = (cx: number, cy: number, r: number) => {
    for (let i = 0; i < n; i++) if (Math.hypot(p[2 * i] - cx, p[2 * i + 1] - cy) > r * (1 + 1e-12) + 1e-12) return false;
    return true;
  };
  let best = Infinity;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const cx = (p[2 * a] + p[2 * b]) / 2, cy = (p[2 * a + 1] + p[2 * b + 1]) / 2;
      const r = Math.hypot(p[2 * a] - cx, p[2 * a + 1] - cy);
      if (r < best && contains(cx, cy, r)) best = r;
      for (let c = b + 1; c < n; c++) {
        const bx = p[2 * b] - p[2 * a], by = p[2 * b + 1] - p[2 * a + 1];
        const qx = p[2 * c] - p[2 * a], qy = p[2 * c + 1] - p[2 * a + 1];
        const d = 2 * (bx * qy - by * qx);
        if (d === 0) continue;
        const ux = (qy * (bx * bx + by * by) - by * (qx * qx + qy * qy)) / d;
        const uy = (bx * (qx * qx + qy * qy) - qx * (bx * bx + by * by)) / d;
        const rr = Math.hypot(ux, uy);
        if (rr < best && contains(p[2 * a] + ux, p[2 * a + 1] + uy, rr)) best = rr;
      }
    }
  }
  return n === 1 ? 0 : best;
}

describe('minEnclosingCircle: exact cases', () => {
  it('no point: NaN; one point (repeated): radius 0 at the point', () => {
    expect(minEnclosingCircle([]).radius).toBeNaN();
    expect(minEnclosingCircle(pts([3, 7]))).toEqual({ x: 3, y: 7, radius: 0 });
    expect(minEnclosingCircle(pts([3, 7], [3, 7], [3, 7]))).toEqual({ x: 3, y: 7, radius: 0 });
  });

  it('two points: their midpoint, half their distance (adjacent pixels: 0.5; diagonal: √2/2)', () => {
    expectCircle(minEnclosingCircle(pts([0, 0], [3, 4])), 1.5, 2, 2.5);
    expectCircle(minEnclosingCircle(pts([5, 5], [6, 5])), 5.5, 5, 0.5);
    expectCircle(minEnclosingCircle(pts([5, 5], [6, 6])), 5.5, 5.5, Math.SQRT1_2);
  });

  it('collinear points: the two ends are a diameter', () => {
    expectCircle(minEnclosingCircle(pts([0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5])), 2.5, 2.5, (5 * Math.SQRT2) / 2);
  });

  it('an obtuse triangle: its longest side is a diameter; an acute one: its circumcircle', () => {
    expectCircle(minEnclosingCircle(pts([0, 0], [10, 0], [5, 1])), 5, 0, 5);
    // centre (2, y) equidistant from (0, 0) and (2, 3): 4 + y² = (3 − y)², y = 5/6, r = 13/6
    expectCircle(minEnclosingCircle(pts([0, 0], [4, 0], [2, 3])), 2, 5 / 6, 13 / 6);
  });

  it('cocircular points (a filled rectangle, a plus): the circle through the corners or tips', () => {
    const rect: [number, number][] = [];
    for (let y = 0; y < 3; y++) for (let x = 0; x < 4; x++) rect.push([x, y]);
    expectCircle(minEnclosingCircle(pts(...rect)), 1.5, 1, Math.hypot(1.5, 1));
    expectCircle(minEnclosingCircle(pts([3, 0], [3, 1], [3, 2], [3, 3], [3, 4], [3, 5], [3, 6], [0, 3], [1, 3], [2, 3], [4, 3], [5, 3], [6, 3])), 3, 3, 3);
  });

  it('equals the brute-force minimum over pairs and triples on random point sets, in any order', () => {
    let seed = 12345;
    const rand = (k: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % k;
    };
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + rand(14);
      const p = Array.from({ length: 2 * n }, () => rand(9) - 4 + (trial % 3) * 1000);
      const c = minEnclosingCircle(p);
      expect(c.radius, `trial ${trial}`).toBeCloseTo(bruteForceRadius(p), 12);
      for (let i = 0; i < n; i++) expect(Math.hypot(p[2 * i] - c.x, p[2 * i + 1] - c.y)).toBeLessThanOrEqual(c.radius + 1e-12);
      const reversed = Array.from({ length: n }, (_, i) => [p[2 * (n - 1 - i)], p[2 * (n - 1 - i) + 1]]).flat();
      const r = minEnclosingCircle(reversed);
      expect(r.x).toBeCloseTo(c.x, 12);
      expect(r.y).toBeCloseTo(c.y, 12);
      expect(r.radius).toBeCloseTo(c.radius, 12);
    }
  });
});

describe('minEnclosingCircle vs Chrystal\'s algorithm (scripts/reference/zernike.py, as centrosome runs it)', () => {
  const fixture = JSON.parse(readFileSync(referencePath('measure', 'zernike.json'), 'utf8')) as {
    cases: Record<string, { label: number[]; center_x: number[]; center_y: number[]; radius: number[] }>;
  };
  const labelFiles: Record<string, string> = { dsb256: 'dsb256_labels.npy', synthetic: 'synthetic_labels.npy', shapes: 'zernike_shapes_labels.npy' };
  for (const [name, file] of Object.entries(labelFiles)) {
    it(`${name}: the circle of every object's pixel centres`, () => {
      const labels = readNpy(referencePath('measure', file));
      const width = labels.shape[1];
      const data = labels.data as ArrayLike<number>;
      const points = new Map<number, number[]>();
      for (let i = 0; i < data.length; i++) {
        if (!data[i]) continue;
        if (!points.has(data[i])) points.set(data[i], []);
        points.get(data[i])!.push(i % width, Math.floor(i / width));
      }
      const expected = fixture.cases[name];
      expect([...points.keys()].sort((a, b) => a - b)).toEqual(expected.label);
      expected.label.forEach((label, k) => {
        const c = minEnclosingCircle(points.get(label)!);
        expect(Math.abs(c.radius - expected.radius[k]), `${label} radius`).toBeLessThanOrEqual(1e-12 * Math.max(1, expected.radius[k]));
        expect(Math.abs(c.x - expected.center_x[k]), `${label} x`).toBeLessThanOrEqual(1e-11);
        expect(Math.abs(c.y - expected.center_y[k]), `${label} y`).toBeLessThanOrEqual(1e-11);
      });
    });
  }
});
