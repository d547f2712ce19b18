import { describe, expect, it } from 'vitest';
import { imageFromRows } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { imageMath } from './image-math';

describe('image-math node', () => {
  it('uses B when connected, the constant otherwise', () => {
    const a = imageFromRows([[4, 9]], 'uint8');
    const b = imageFromRows([[2, 0]], 'uint8');
    expect(Array.from(runNode(imageMath, { a, b }, { operation: 'divide', constant: 3 }).image.data)).toEqual([2, 0]);
    expect(Array.from(runNode(imageMath, { a, b: undefined }, { operation: 'divide', constant: 2 }).image.data)).toEqual([2, 4.5]);
  });

  it('"same as A" keeps A\'s type', () => {
    const a = imageFromRows([[10, 30]], 'uint8');
    const out = runNode(imageMath, { a, b: undefined }, { operation: 'subtract', constant: 20, output: 'same as A' }).image;
    expect(out.dtype).toBe('uint8');
    expect(Array.from(out.data)).toEqual([0, 10]);
  });

  it('a size mismatch names the node', () => {
    expect(() => runNode(imageMath, { a: imageFromRows([[1, 2]]), b: imageFromRows([[1]]) }, {})).toThrow(/^image-math: the two images differ in size/);
  });
});
