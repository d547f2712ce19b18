import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../testing/paths';
import { GLCM_PROPS, glcm, glcmOffset, glcmProps, quantize } from './glcm';
import { objectPixels } from './regionprops/object-pixels';
import { loadMeasureFixture } from './regionprops/reference-fixtures';

interface TextureRef extends Record<string, unknown> {
  levels: number;
  distances: number[];
  angles_deg: number[];
  labels: number[];
  image: Record<string, number[][]>;
}
const ref = JSON.parse(readFileSync(referencePath('measure', 'texture.json'), 'utf8')) as TextureRef;

describe('glcm', () => {
  it('offsets: 0° to the right, 90° down, 135° down-left, rounded half away from zero', () => {
    expect(glcmOffset(1, 0)).toEqual([0, 1]);
    expect(glcmOffset(2, Math.PI / 2)).toEqual([2, 0]);
    expect(glcmOffset(1, (3 * Math.PI) / 4)).toEqual([1, -1]);
    expect(glcmOffset(3, Math.PI / 4)).toEqual([2, 2]);
  });

  it('counts the pairs of skimage\'s docstring example (4 levels, distance 1, angle 0)', () => {
    const img = Uint16Array.from([0, 0, 1, 1, 0, 0, 1, 1, 0, 2, 2, 2, 2, 2, 3, 3]);
    const all = Array.from({ length: 16 }, (_, i) => i);
    const m = glcm(img, 4, 4, 4, glcmOffset(1, 0), false, all, () => true);
    expect(Array.from(m)).toEqual([2, 2, 1, 0, 0, 2, 0, 0, 0, 0, 3, 1, 0, 0, 0, 1]);
    const p = glcmProps(Float64Array.from([1, 0, 0, 1]), 2); // half on (0,0), half on (1,1)
    expect(p.contrast).toBe(0);
    expect(p.ASM).toBe(0.5);
    expect(p.correlation).toBe(1);
  });

  it('quantizes between the minimum and maximum into equal bins, the maximum in the top one', () => {
    expect(Array.from(quantize([0, 1, 2, 3, 4, 7.99, 8], 4, 0, 8))).toEqual([0, 0, 1, 1, 2, 3, 3]);
    expect(Array.from(quantize([5, 5], 4, 5, 5))).toEqual([0, 0]);
  });

  it('matches skimage graycomatrix/graycoprops on dsb2018 (whole image and per object)', () => {
    const f = loadMeasureFixture('dsb256');
    let min = Infinity, max = -Infinity;
    for (const v of f.intensity) (min = Math.min(min, v)), (max = Math.max(max, v));
    const q = quantize(f.intensity, ref.levels, min, max);
    const objects = objectPixels(f.labels);
    expect(Array.from(objects.present)).toEqual(ref.labels);
    const all = Array.from({ length: f.width * f.height }, (_, i) => i);
    ref.distances.forEach((d, di) => {
      ref.angles_deg.forEach((deg, ai) => {
        const offset = glcmOffset(d, (deg * Math.PI) / 180);
        const whole = glcmProps(glcm(q, f.width, f.height, ref.levels, offset, true, all, () => true), ref.levels);
        for (const prop of GLCM_PROPS) expect(whole[prop], `image ${prop} d${d} a${deg}`).toBeCloseTo(ref.image[prop][di][ai], 10);
        objects.present.forEach((label, k) => {
          const pixels = objects.pixels.subarray(objects.start[k], objects.start[k + 1]);
          const props = glcmProps(glcm(q, f.width, f.height, ref.levels, offset, true, pixels, (p) => f.labels[p] === label), ref.levels);
          for (const prop of GLCM_PROPS) {
            const expected = (ref[prop] as number[][][])[k][di][ai];
            expect(Math.abs(props[prop] - expected), `${label} ${prop} d${d} a${deg}`).toBeLessThan(1e-10);
          }
        });
      });
    });
  });
});
