import { describe, expect, it } from 'vitest';
import { sortFloat32, sortedValues } from './percentile';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i]), `index ${i}: ${a[i]} vs ${b[i]}`).toBe(true);
};

describe('sortFloat32', () => {
  it('orders as Float32Array.sort: negatives, −0 before +0, infinities, subnormals, NaN last', () => {
    const special = [NaN, 3, -0, 0, -Infinity, Infinity, -1e-45, 1e-45, -3.4e38, 3.4e38, -2, 2, 0, -0, NaN, 1.5, -1.5];
    const values = Float32Array.from(special);
    sameBits(sortFloat32(values), values.slice().sort());
    sameBits(values, Float32Array.from(special)); // input untouched
  });

  it('equals Float32Array.sort on 100 000 mixed values with many ties, and on a subarray view', () => {
    const next = random(7);
    const values = new Float32Array(100_000);
    for (let i = 0; i < values.length; i++) values[i] = next() < 0.3 ? Math.round(next() * 20) - 10 : (next() - 0.5) * 10 ** (next() * 12 - 6);
    sameBits(sortFloat32(values), values.slice().sort());
    const view = values.subarray(1001, 50_003);
    sameBits(sortFloat32(view), view.slice().sort());
  });
});

describe('sortedValues', () => {
  it('gives what a float64 sort gives, NaN dropped, for every array type it specialises', () => {
    const next = random(11);
    const n = 20_000;
    const u8 = Uint8Array.from({ length: n }, () => next() * 256);
    const i8 = Int8Array.from({ length: n }, () => next() * 256 - 128);
    const u16 = Uint16Array.from({ length: n }, () => next() * 65536);
    const i16 = Int16Array.from({ length: n }, () => next() * 65536 - 32768);
    const f32 = Float32Array.from({ length: n }, () => (next() < 0.01 ? NaN : (next() - 0.5) * 1000));
    const f64 = Float64Array.from({ length: n }, () => (next() < 0.01 ? NaN : next() - 0.5));
    for (const values of [u8, i8, u16, i16, f32, f64]) {
      const expected = Float64Array.from(values).sort().filter((v) => !Number.isNaN(v));
      sameBits(sortedValues(values), expected);
    }
  });
});
