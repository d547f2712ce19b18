import { describe, expect, it } from 'vitest';
import { createImage, type Image } from '../core/image';
import { UserError } from '../core/errors';
import { focusStack } from './focus-stack';
import { loadSpots, maxAbsDifference, readReferenceJson, referenceImage } from './stack-reference';

interface StackCase {
  source: string;
  sigma: number;
  smoothing: number;
  depth: string;
  composite: string;
}
const manifest = readReferenceJson<{ stacks: StackCase[]; region_planes: number[]; half: number }>('focus', 'manifest.json');
const synthetic = () => referenceImage('focus', 'synthetic_stack.npy');
const sources: Record<string, () => Image> = { spots: loadSpots, synthetic };

describe('focusStack', () => {
  it('finds the known in-focus plane of each region of the synthetic stack', () => {
    const stack = synthetic();
    const { composite, depth } = focusStack(stack, 1, 3);
    const { half, region_planes: regionPlanes } = manifest;
    const size = 2 * half;
    // away from the region borders (Gaussian radii 4 + 12 px) the choice is exact and the composite
    // is the sharp plane itself
    const margin = 16;
    regionPlanes.forEach((plane, k) => {
      const y0 = Math.floor(k / 2) * half;
      const x0 = (k % 2) * half;
      for (let y = y0 + margin; y < y0 + half - margin; y++) {
        for (let x = x0 + margin; x < x0 + half - margin; x++) {
          if (x < margin || y < margin || x >= size - margin || y >= size - margin) continue;
          const i = y * size + x;
          expect(depth.data[i], `region ${k} (${x}, ${y})`).toBe(plane);
          expect(composite.data[i]).toBe(stack.data[plane * size * size + i]);
        }
      }
    });
  });

  it('without smoothing takes each pixel from its sharpest plane (index 0-based)', () => {
    // plane 0 is textured on the left, plane 1 on the right; the other half of each is flat
    const w = 16;
    const data = new Float32Array(2 * w);
    for (let x = 0; x < w; x++) {
      data[x] = x < 8 ? (x % 2) * 100 : 50;
      data[w + x] = x >= 8 ? (x % 2) * 100 : 50;
    }
    const { depth, composite } = focusStack(createImage({ width: w, height: 1, planes: 2 }, 'float32', data), 0.5, 0);
    expect(Array.from(depth.data.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(depth.data.subarray(12))).toEqual([1, 1, 1, 1]);
    expect(Array.from(composite.data.subarray(0, 4))).toEqual([0, 100, 0, 100]);
    expect(Array.from(composite.data.subarray(12))).toEqual([0, 100, 0, 100]);
  });

  it('smoothing removes jumps: neighbouring depths differ by less than one plane', () => {
    const { depth } = focusStack(synthetic(), 1, 3);
    let maxStep = 0;
    for (let i = 1; i < depth.data.length; i++) if (i % depth.width) maxStep = Math.max(maxStep, Math.abs(depth.data[i] - depth.data[i - 1]));
    expect(maxStep).toBeLessThan(1);
    const hard = focusStack(synthetic(), 1, 0).depth;
    let hardStep = 0;
    for (let i = 1; i < hard.data.length; i++) if (i % hard.width) hardStep = Math.max(hardStep, Math.abs(hard.data[i] - hard.data[i - 1]));
    expect(hardStep).toBeGreaterThanOrEqual(1);
  });

  it('chooses planes on the channel mean and composes every channel', () => {
    // channels v, 2v, 3v: their mean is 2v, whose focus measure is exactly twice v's, so the choice is v's
    const gray = synthetic();
    const n = gray.width * gray.height;
    const rgb = createImage({ width: gray.width, height: gray.height, planes: gray.planes, channels: 3 }, 'float32');
    for (let p = 0; p < gray.planes; p++) {
      for (let c = 0; c < 3; c++) for (let i = 0; i < n; i++) rgb.data[(p * 3 + c) * n + i] = (c + 1) * gray.data[p * n + i];
    }
    const one = focusStack(gray, 1, 3);
    const three = focusStack(rgb, 1, 3);
    expect(three.composite.channels).toBe(3);
    expect(maxAbsDifference(three.depth.data, one.depth.data)).toBe(0);
    expect(maxAbsDifference(three.composite.data.subarray(0, n), one.composite.data)).toBe(0);
    expect(maxAbsDifference(three.composite.data.subarray(n, 2 * n), one.composite.data.map((v) => 2 * v))).toBe(0);
  });

  it('refuses a negative smoothing', () => {
    expect(() => focusStack(synthetic(), 1, -1)).toThrow(UserError);
  });

  it.each(manifest.stacks.map((c) => [c.source, c.sigma, c.smoothing, c] as const))(
    '%s sigma %s smoothing %s equals the numpy reference',
    (source, sigma, smoothing, c) => {
      const { composite, depth } = focusStack(sources[source](), sigma, smoothing);
      const expectedDepth = referenceImage('focus', c.depth);
      const expectedComposite = referenceImage('focus', c.composite);
      expect([depth.width, depth.height, depth.planes]).toEqual([expectedDepth.width, expectedDepth.height, 1]);
      expect(maxAbsDifference(depth.data, expectedDepth.data)).toBe(0);
      expect(maxAbsDifference(composite.data, expectedComposite.data)).toBe(0);
    },
  );
});
