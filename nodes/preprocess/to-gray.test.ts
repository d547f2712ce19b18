import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createImage, imageFromRows } from '../../src/core/image';
import { loadReferenceImage, loadSource, maxRelativeError } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { toGray } from './to-gray';

describe('to-gray node', () => {
  it('default weights = skimage rgb2gray × 255 on the synthetic RGB image', () => {
    const { image } = runNode(toGray, { image: loadSource('hed_rgb_u8') });
    const expected = Float64Array.from(loadReferenceImage('gray/hed_rgb_u8_gray.npy').data, (v) => v * 255);
    expect(image.channels).toBe(1);
    expect(maxRelativeError(image.data, expected).error).toBeLessThan(1e-6);
  });

  it('custom weights: the channel mean and a single channel', () => {
    const image = createImage({ width: 2, height: 1, channels: 3 }, 'uint8', Uint8Array.from([3, 30, 6, 60, 9, 90]));
    expect(Array.from(runNode(toGray, { image }, { red: 1 / 3, green: 1 / 3, blue: 1 / 3 }).image.data)).toEqual([6, 60]);
    expect(Array.from(runNode(toGray, { image }, { red: 0, green: 1, blue: 0 }).image.data)).toEqual([6, 60]);
  });

  it('a grey image passes through; 2 channels is a UserError', () => {
    const grey = imageFromRows([[1, 2]]);
    expect(runNode(toGray, { image: grey }).image).toBe(grey);
    expect(() => runNode(toGray, { image: createImage({ width: 1, height: 1, channels: 2 }, 'uint8') })).toThrow(UserError);
  });
});
