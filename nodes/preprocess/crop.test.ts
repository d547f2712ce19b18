import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createImage, imageFromRows } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { crop } from './crop';

describe('crop node', () => {
  it('keeps the rectangle at (x, y) of every plane and channel', () => {
    // 3×2 image, 2 channels: values = 10·channel + index
    const data = Uint16Array.from([0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15]);
    const image = createImage({ width: 3, height: 2, channels: 2 }, 'uint16', data);
    image.meta.pixelSize = { x: 0.5, y: 0.5, unit: 'µm' };
    const out = runNode(crop, { image }, { x: 1, y: 0, width: 2, height: 2 }).image;
    expect([out.width, out.height, out.channels, out.dtype]).toEqual([2, 2, 2, 'uint16']);
    expect(Array.from(out.data)).toEqual([1, 2, 4, 5, 11, 12, 14, 15]);
    expect(out.meta.pixelSize).toEqual({ x: 0.5, y: 0.5, unit: 'µm' });
  });

  it('a rectangle past the edge is a UserError giving the image size', () => {
    const image = imageFromRows([[1, 2], [3, 4]]);
    expect(() => runNode(crop, { image }, { x: 1, y: 0, width: 2, height: 1 })).toThrow(UserError);
    expect(() => runNode(crop, { image }, { x: 1, y: 0, width: 2, height: 1 })).toThrow(/2×2 image/);
  });
});
