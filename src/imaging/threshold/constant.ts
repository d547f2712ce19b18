import type { PixelArray } from '../../core/image';

/**
 * The single value of a constant image, else undefined. Every automatic method returns it as the
 * threshold (skimage does so for otsu, li and integer yen/isodata; its triangle, and yen/isodata on
 * float images, fail or return an arbitrary bin instead), so 'bright' objects give an empty mask.
 */
export function constantValue(values: PixelArray): number | undefined {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return undefined;
  return first;
}
