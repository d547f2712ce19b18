import { describe, expect, it } from 'vitest';
import { allocPixels, type DType, type PixelArray } from '../core/image';
import { UserError } from '../core/errors';
import { AUTO_THRESHOLD_METHODS, applyThreshold, autoThreshold, type AutoThresholdMethod } from './threshold';
import { manifest, npy, sourceImage, thresholdsJson, type ThresholdValues } from './reference-fixtures';

/**
 * Integer images' Li threshold is a float64 quotient of logarithms: Math.log and NumPy's SIMD log may
 * differ in the last bit, so it is compared to 1e-9 relative. Everything else must be identical.
 */
function expectThreshold(method: AutoThresholdMethod, values: PixelArray, expected: number): void {
  const actual = autoThreshold(method, values);
  const isFloat = values instanceof Float32Array || values instanceof Float64Array;
  if (method === 'li' && !isFloat) expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
  else expect(actual).toBe(expected);
}

function cases(group: Record<string, ThresholdValues>, values: (name: string) => PixelArray) {
  return Object.entries(group).flatMap(([name, ref]) =>
    AUTO_THRESHOLD_METHODS.map((m) => [name, m, ref[m] as number | null, values] as const),
  );
}

const fromRows = (rows: number[][], dtype: DType): PixelArray => {
  const flat = rows.flat();
  const data = allocPixels(dtype, flat.length);
  flat.forEach((v, i) => (data[i] = v));
  return data;
};

describe('automatic thresholds match skimage 0.19.3', () => {
  it.each(
    Object.entries(thresholdsJson.tiny).flatMap(([name, ref]) =>
      AUTO_THRESHOLD_METHODS.map((m) => [name, m, ref] as const),
    ),
  )('tiny %s: %s', (_name, method, ref) => {
    expectThreshold(method, fromRows(ref.rows, ref.dtype as DType), ref[method] as number);
  });

  it.each(cases(thresholdsJson.raw, (name) => sourceImage(name).data))('raw %s: %s', (name, method, expected, values) => {
    expect(expected).not.toBeNull();
    expectThreshold(method, values(name), expected as number);
  });

  const blurredFile = (key: string) => manifest.gaussian.find((g) => `${g.source}_sigma${g.sigma}` === key)!.file;
  it.each(cases(thresholdsJson.blurred, (key) => npy(blurredFile(key)).data as Float32Array))(
    'blurred float32 %s: %s',
    (key, method, expected, values) => {
      expect(expected).not.toBeNull();
      expectThreshold(method, values(key), expected as number);
    },
  );
});

describe('threshold edge cases', () => {
  it('a constant image gives its value for every method', () => {
    for (const m of AUTO_THRESHOLD_METHODS) {
      expect(autoThreshold(m, new Uint16Array([7, 7, 7]))).toBe(7);
      expect(autoThreshold(m, new Float32Array([0.5, 0.5]))).toBe(0.5);
    }
  });

  it('NaN pixels are a UserError', () => {
    for (const m of AUTO_THRESHOLD_METHODS) expect(() => autoThreshold(m, new Float32Array([1, NaN, 2]))).toThrow(UserError);
  });

  it('bright is value > t, dark is value <= t', () => {
    const values = new Uint8Array([1, 2, 3, 4]);
    expect(Array.from(applyThreshold(values, 2, 'bright'))).toEqual([0, 0, 1, 1]);
    expect(Array.from(applyThreshold(values, 2, 'dark'))).toEqual([1, 1, 0, 0]);
  });
});
