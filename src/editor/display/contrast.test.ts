import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../../core/image';
import { autoRange, imageToRgba } from './contrast';

describe('autoRange', () => {
  it('saturates 0.35% of the samples at each end (ImageJ Auto)', () => {
    const data = Float64Array.from({ length: 10000 }, (_, i) => i);
    // k = floor(10000 * 0.0035) = 35 samples clipped at each end
    expect(autoRange(data)).toEqual({ lo: 35, hi: 9964 });
  });

  it('falls back to the full range when the clipped range is empty, and ignores NaN', () => {
    const data = new Float64Array(1000);
    data[0] = 7;
    data[1] = NaN;
    expect(autoRange(data)).toEqual({ lo: 0, hi: 7 });
  });

  it('shows a constant image at its own brightness: 0 black, anything else bright', () => {
    expect(autoRange(new Float64Array(50))).toEqual({ lo: 0, hi: 1 });
    expect(autoRange(new Float64Array(50).fill(40))).toEqual({ lo: 0, hi: 40 });
    expect(autoRange(new Float64Array(50).fill(-2))).toEqual({ lo: -2, hi: 0 });
    const grey = (v: number) => imageToRgba(imageFromRows([[v, v], [v, v]])).rgba[0];
    expect(grey(0)).toBe(0);
    expect(grey(40)).toBe(255);
    expect(grey(0.25)).toBe(255);
  });
});
