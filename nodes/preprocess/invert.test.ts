import { describe, expect, it } from 'vitest';
import { createImage, imageFromRows } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { invert } from './invert';

const values = (rows: number[][], dtype: Parameters<typeof imageFromRows>[1], params = {}) =>
  Array.from(runNode(invert, { image: imageFromRows(rows, dtype) }, params).image.data);

describe('invert node (skimage.util.invert for integers)', () => {
  it('unsigned integers: max − value', () => {
    expect(values([[0, 1, 254, 255]], 'uint8')).toEqual([255, 254, 1, 0]);
    expect(values([[0, 1000, 65535]], 'uint16')).toEqual([65535, 64535, 0]);
  });

  it('signed integers: −1 − value', () => {
    expect(values([[-32768, -1, 0, 32767]], 'int16')).toEqual([32767, 0, -1, -32768]);
  });

  it('floats by mode: range swaps min and max, one-minus, negate', () => {
    const rows = [[-2, 0.5, 6]];
    expect(values(rows, 'float32')).toEqual([6, 3.5, -2]);
    expect(values(rows, 'float32', { floatMode: 'one-minus' })).toEqual([3, 0.5, -5]);
    expect(values(rows, 'float32', { floatMode: 'negate' })).toEqual([2, -0.5, -6]);
  });

  it('range mode takes min and max over every plane and channel', () => {
    const image = createImage({ width: 1, height: 1, planes: 2, channels: 2 }, 'float32', Float32Array.from([1, 2, 3, 10]));
    expect(Array.from(runNode(invert, { image }).image.data)).toEqual([10, 9, 8, 1]);
  });

  it('inverting twice gives the image back and keeps the type', () => {
    const image = imageFromRows([[3, 9], [27, 81]], 'uint16');
    const twice = runNode(invert, { image: runNode(invert, { image }).image }).image;
    expect(twice.dtype).toBe('uint16');
    expect(Array.from(twice.data)).toEqual([3, 9, 27, 81]);
  });
});
