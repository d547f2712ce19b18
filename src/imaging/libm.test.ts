import { describe, expect, test } from 'vitest';
import { atan, atan2 } from './libm';

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8));
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('atan2', () => {
  test('exact special cases (IEEE 754 / C99 Annex F)', () => {
    expect(atan2(0, 1)).toBe(0);
    expect(Object.is(atan2(-0, 1), -0)).toBe(true);
    expect(atan2(0, -1)).toBe(Math.PI);
    expect(atan2(-0, -1)).toBe(-Math.PI);
    expect(atan2(1, 0)).toBe(Math.PI / 2);
    expect(atan2(-1, 0)).toBe(-Math.PI / 2);
    expect(atan2(1, 1)).toBe(Math.PI / 4);
    expect(atan2(-1, -1)).toBe((-3 * Math.PI) / 4);
    expect(atan2(Infinity, Infinity)).toBe(Math.PI / 4);
    expect(atan2(-Infinity, -Infinity)).toBe((-3 * Math.PI) / 4);
    expect(atan2(1, Infinity)).toBe(0);
    expect(atan2(1, -Infinity)).toBe(Math.PI);
    expect(atan2(Infinity, 5)).toBe(Math.PI / 2);
    expect(atan2(1e300, 1e-300)).toBe(Math.PI / 2);
    expect(atan2(1, -1e300)).toBe(Math.PI);
    expect(atan2(NaN, 1)).toBeNaN();
    expect(atan2(1, NaN)).toBeNaN();
  });

  test('within one unit in the last place of Math.atan2 over many magnitudes and all quadrants', () => {
    const r = random(7);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const y = (r() - 0.5) * 10 ** Math.floor(r() * 12 - 6);
      const x = (r() - 0.5) * 10 ** Math.floor(r() * 12 - 6);
      worst = Math.max(worst, Math.abs(ulps(atan2(y, x), Math.atan2(y, x))));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  test('atan covers each of its reduction intervals', () => {
    for (const x of [1e-30, 1e-9, 0.3, 0.5, 0.8, 1, 1.2, 2, 3, 1e10, 1e30, -0.3, -2, -1e30]) {
      expect(Math.abs(ulps(atan(x), Math.atan(x)))).toBeLessThanOrEqual(1);
    }
    expect(atan(Infinity)).toBe(Math.PI / 2);
  });
});
