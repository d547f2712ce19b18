// JPEG in (jpeg-js), compared with libjpeg-turbo's decode of the same files (Pillow, saved by
// scripts/make-png-jpeg-fixtures.py). JPEG decoders are allowed to differ: the standard leaves the
// inverse DCT's rounding, the YCbCr→RGB rounding and chroma upsampling to the implementation
// (libjpeg-turbo's "fancy" triangular upsampling versus jpeg-js's). So the test bounds the
// difference: grey (DCT rounding only) within 1 level; colour 4:4:4 (plus colour conversion) within
// 3; colour 4:2:0 (plus upsampling) within 6, and the mean difference stays small.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../testing/npy';
import { REPO_ROOT } from '../testing/paths';
import { decodeJpeg } from './jpeg';

const JPEG = join(REPO_ROOT, 'test-data', 'jpeg');

function difference(a: ArrayLike<number>, b: ArrayLike<number>): { max: number; mean: number } {
  let max = 0;
  let sum = 0;
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > max) max = d;
    sum += d;
  }
  return { max, mean: sum / b.length };
}

describe('decodeJpeg against libjpeg-turbo', () => {
  it.each([
    ['grey.jpg', 1, 1, 0.01],
    ['rgb444.jpg', 3, 3, 0.75],
    ['rgb420.jpg', 3, 6, 1.5],
  ] as const)('%s: %i channel(s), within %i levels of libjpeg-turbo', (file, channels, maxDiff, meanDiff) => {
    const image = decodeJpeg(new Uint8Array(readFileSync(join(JPEG, file))), file, { maxPixels: 2 ** 28 });
    expect({ width: image.width, height: image.height, channels: image.channels, dtype: image.dtype })
      .toEqual({ width: 41, height: 29, channels, dtype: 'uint8' });
    expect(image.meta.extra.lossy).toBe('jpeg');
    const reference = readNpy(join(JPEG, file.replace('.', '_') + '.npy'));
    expect(reference.shape).toEqual([channels, 29, 41]);
    const d = difference(image.data, reference.data as Uint8Array);
    expect(d.max).toBeLessThanOrEqual(maxDiff);
    expect(d.mean).toBeLessThan(meanDiff);
    // and, as a check that channels are not swapped or shifted, close to what was encoded
    const original = difference(image.data, readNpy(join(JPEG, file.replace('.', '_') + '_original.npy')).data as Uint8Array);
    expect(original.mean).toBeLessThan(5);
  });
});
