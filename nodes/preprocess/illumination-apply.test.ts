import { describe, expect, it } from 'vitest';
import { createImage, imageFromRows } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { illuminationApply } from './illumination-apply';
import { illuminationEstimate } from './illumination-estimate';

describe('illumination-apply node', () => {
  it('divide flattens a vignetted field to its mean; estimate 0 gives 0', () => {
    // a flat field of 100 seen through a left-to-right falloff
    const falloff = [1.25, 1, 0.75, 0];
    const image = imageFromRows([falloff.map((f) => 100 * f), falloff.map((f) => 100 * f)]);
    const illumination = imageFromRows([falloff, falloff]);
    const out = runNode(illuminationApply, { image, illumination }, { operation: 'divide' }).image.data;
    expect(Array.from(out)).toEqual([100, 100, 100, 0, 100, 100, 100, 0]);
  });

  it('subtract clips at 0 unless told not to', () => {
    const image = imageFromRows([[5, 10]], 'uint8');
    const illumination = imageFromRows([[8, 8]]);
    expect(Array.from(runNode(illuminationApply, { image, illumination }, { operation: 'subtract' }).image.data)).toEqual([0, 2]);
    expect(Array.from(runNode(illuminationApply, { image, illumination }, { operation: 'subtract', clipAtZero: false }).image.data)).toEqual([-3, 2]);
  });

  it('estimate then apply removes a smooth gradient under small spots', () => {
    const w = 64;
    const data = new Float32Array(w * w);
    for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) data[y * w + x] = (50 + x) * (x % 16 === 8 && y % 16 === 8 ? 3 : 1);
    const image = createImage({ width: w, height: w }, 'float32', data);
    const { illumination } = runNode(illuminationEstimate, { image }, { method: 'median', size: 6 });
    const flat = runNode(illuminationApply, { image, illumination }).image.data;
    const background = Array.from(flat).filter((_, i) => i % 16 !== 8);
    const spread = Math.max(...background) - Math.min(...background);
    expect(spread).toBeLessThan(0.1 * Math.max(...background)); // the 2.3× gradient is gone
  });

  it('a size mismatch is a UserError naming the node', () => {
    expect(() => runNode(illuminationApply, { image: imageFromRows([[1, 2]]), illumination: imageFromRows([[1]]) })).toThrow(/^illumination-apply:/);
  });
});
