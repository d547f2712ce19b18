import { describe, expect, it } from 'vitest';
import { readNpy } from '../testing/npy';
import { referencePath } from '../testing/paths';
import { argmax, cumsum, fmaFloat32, logFloat32, numpyMean, numpySum, toFloat32 } from './numpy-float';

const ref = (name: string) => readNpy(referencePath('filters', 'numpy', name)).data as Float32Array;

describe('numpy float32 arithmetic', () => {
  it('logFloat32 equals NumPy float32 log bit for bit', () => {
    const input = ref('logf32_in.npy');
    const expected = ref('logf32_out.npy');
    let differ = 0;
    for (let i = 0; i < input.length; i++) if (logFloat32(input[i]) !== expected[i]) differ++;
    expect(differ).toBe(0);
    // and it is not the correctly rounded log, which is why it exists
    let rounded = 0;
    for (let i = 0; i < input.length; i++) if (Math.fround(Math.log(input[i])) !== expected[i]) rounded++;
    expect(rounded).toBeGreaterThan(0);
  });

  it('logFloat32 special values', () => {
    expect(logFloat32(0)).toBe(-Infinity);
    expect(logFloat32(Infinity)).toBe(Infinity);
    expect(logFloat32(-1)).toBeNaN();
    expect(logFloat32(1)).toBe(0);
  });

  it('fmaFloat32 rounds once', () => {
    // 1 + 2^-24 is a float32 tie; the tiny product decides the direction
    const tiny = Math.fround(2 ** -60);
    expect(fmaFloat32(tiny, 1, 1 + 2 ** -24)).toBe(Math.fround(1 + 2 ** -23));
    expect(fmaFloat32(-tiny, 1, 1 + 2 ** -24)).toBe(1);
    expect(fmaFloat32(3, 5, 7)).toBe(22);
  });

  it('numpySum: 8 running sums per block of <= 128, blocks of 8192 added in order', () => {
    const a = new Float32Array(16).map((_, i) => Math.fround(1 + i * 1e-7));
    const f = Math.fround;
    const r = Array.from({ length: 8 }, (_, j) => f(a[j] + a[j + 8]));
    const expected = f(f(f(r[0] + r[1]) + f(r[2] + r[3])) + f(f(r[4] + r[5]) + f(r[6] + r[7])));
    expect(numpySum(a, toFloat32)).toBe(expected);
    const big = new Float32Array(2 * 8192).map((_, i) => Math.fround(0.1 * ((i % 8192) % 13)));
    expect(numpySum(big, toFloat32)).toBe(Math.fround(2 * numpySum(big.subarray(0, 8192), toFloat32)));
    expect(numpyMean(new Uint8Array([1, 2, 4]))).toBe(7 / 3);
  });

  it('cumsum and argmax follow numpy', () => {
    expect(Array.from(cumsum([1, 2, 3], toFloat32))).toEqual([1, 3, 6]);
    expect(argmax([1, 5, 5, 2])).toBe(1);
    expect(argmax([1, NaN, 5])).toBe(1);
  });
});
