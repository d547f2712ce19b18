// Batch mean/std, one image at a time, against numpy on the same images stacked: the planes of the
// real z-stack (and of the float32 synthetic stack) taken as the images of a batch, compared with
// np.mean / np.std(axis=0, dtype=float64) from scripts/reference/stack.py.
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { createImage, imageFromRows, slice2d, type Image } from '../core/image';
import { BatchStatistics } from './batch-statistics';
import { differences, loadSpots, maxAbsDifference, referenceImage } from './stack-reference';

/** Plane p of a one-channel stack as its own image. */
const plane = (stack: Image, p: number) => createImage({ width: stack.width, height: stack.height }, stack.dtype, slice2d(stack, p).slice());

function statsOf(images: Image[]) {
  const stats = new BatchStatistics(images[0]);
  images.forEach((i) => stats.add(i));
  return stats.result();
}

describe('BatchStatistics', () => {
  it('tiny exact case: mean and population std per pixel', () => {
    const { mean, std } = statsOf([imageFromRows([[1, 0]], 'uint8'), imageFromRows([[2, 0]], 'uint8'), imageFromRows([[9, 3]], 'uint8')]);
    expect(Array.from(mean.data)).toEqual([4, 1]);
    // (1, 2, 9): squares about the mean 9 + 4 + 25 = 38, / 3; (0, 0, 3): 1 + 1 + 4 = 6, / 3
    expect(Array.from(std.data)).toEqual([Math.fround(Math.sqrt(38 / 3)), Math.fround(Math.sqrt(2))]);
    expect([mean.dtype, std.dtype, mean.meta.extra.batchImages]).toEqual(['float32', 'float32', '3']);
  });

  it('one image: the image itself as float, std 0', () => {
    const { mean, std } = statsOf([imageFromRows([[5, 7]], 'uint16')]);
    expect(Array.from(mean.data)).toEqual([5, 7]);
    expect(Array.from(std.data)).toEqual([0, 0]);
  });

  it.each([
    ['spots', () => loadSpots()],
    ['synth_f32', () => referenceImage('stack', 'synth_f32.npy')],
  ])('the planes of %s as a batch: mean equals np.mean exactly, std np.std within float32 rounding', (name, load) => {
    const stack = load();
    const { mean, std } = statsOf(Array.from({ length: stack.planes }, (_, p) => plane(stack, p)));
    const refMean = referenceImage('stack', `${name}_project_mean.npy`);
    const refStd = referenceImage('stack', `${name}_project_std.npy`);
    expect(differences(mean.data, refMean.data)).toEqual([]);
    let worst = 0;
    for (let i = 0; i < refStd.data.length; i++) {
      const nans = Number(Number.isNaN(std.data[i])) + Number(Number.isNaN(refStd.data[i]));
      if (nans === 2) continue; // a NaN in the pixel's series: NaN in both
      if (nans === 1) worst = Infinity;
      worst = Math.max(worst, Math.abs(std.data[i] - refStd.data[i]) / Math.max(Math.abs(refStd.data[i]), 1e-30));
    }
    expect(worst).toBeLessThanOrEqual(2 ** -23); // one float32 rounding step at most
    expect(maxAbsDifference(std.data, refStd.data)).toBeLessThan(1e-3);
  });

  it('refuses an image of another shape with one line naming it, and adds nothing', () => {
    const stats = new BatchStatistics(imageFromRows([[1, 2]]));
    stats.add(imageFromRows([[1, 2]]));
    expect(() => stats.add(imageFromRows([[1], [2]]), 'b.tif')).toThrow(UserError);
    expect(() => stats.add(imageFromRows([[1], [2]]), 'b.tif')).toThrow("b.tif is 1×2, but the batch's first image is 2×1: batch statistics need images of one shape");
    expect(stats.count).toBe(1);
  });
});
