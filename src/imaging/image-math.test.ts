import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { createImage, imageFromRows } from '../core/image';
import { imageMath } from './image-math';

const A = imageFromRows([[1, -2, 6, 0]]);
const B = imageFromRows([[3, 4, 0, 0]]);

describe('imageMath', () => {
  it.each([
    ['add', [4, 2, 6, 0]],
    ['subtract', [-2, -6, 6, 0]],
    ['multiply', [3, -8, 0, 0]],
    ['divide', [1 / 3, -0.5, 0, 0]],
    ['min', [1, -2, 0, 0]],
    ['max', [3, 4, 6, 0]],
    ['absolute-difference', [2, 6, 6, 0]],
  ] as const)('%s of two images (x / 0 = 0)', (op, expected) => {
    const out = imageMath(A, op, B);
    expect(out.dtype).toBe('float32');
    expect(Array.from(out.data)).toEqual(expected.map(Math.fround));
  });

  it('with a constant', () => {
    expect(Array.from(imageMath(A, 'multiply', 2).data)).toEqual([2, -4, 12, 0]);
    expect(Array.from(imageMath(A, 'divide', 0).data)).toEqual([0, 0, 0, 0]);
  });

  it('keeps an integer type by rounding half to even and clipping', () => {
    const a = imageFromRows([[10, 200, 3]], 'uint8');
    expect(Array.from(imageMath(a, 'subtract', 20, 'uint8').data)).toEqual([0, 180, 0]);
    expect(Array.from(imageMath(a, 'divide', 4, 'uint8').data)).toEqual([2, 50, 1]); // 2.5 → 2, 0.75 → 1
    expect(Array.from(imageMath(a, 'add', 100, 'uint8').data)).toEqual([110, 255, 103]);
  });

  it('a single 2-D slice applies to every plane and channel', () => {
    const stack = createImage({ width: 2, height: 1, planes: 2, channels: 2 }, 'uint16', Uint16Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    const out = imageMath(stack, 'multiply', imageFromRows([[10, 100]]));
    expect(Array.from(out.data)).toEqual([10, 200, 30, 400, 50, 600, 70, 800]);
  });

  it('mismatched shapes are UserErrors', () => {
    expect(() => imageMath(A, 'add', imageFromRows([[1, 2]]))).toThrow(UserError);
    const twoPlanes = createImage({ width: 4, height: 1, planes: 2 }, 'float32');
    const threePlanes = createImage({ width: 4, height: 1, planes: 3 }, 'float32');
    expect(() => imageMath(twoPlanes, 'add', threePlanes)).toThrow(/3 planes/);
  });
});
