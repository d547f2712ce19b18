// Pixel-wise arithmetic between two images or an image and a constant, computed in float64.
// Division by zero is defined as 0 (x / 0 = 0, including 0 / 0), so a mask of zeros in a divisor
// never produces Infinity or NaN that would poison later means and thresholds.
import { UserError } from '../core/errors';
import { allocPixels, copyMeta, isIntegerDType, type DType, type Image } from '../core/image';
import { roundHalfEven } from './convert-type';
import { dtypeLimits } from './dtype-range';

export const IMAGE_MATH_OPS = ['add', 'subtract', 'multiply', 'divide', 'min', 'max', 'absolute-difference'] as const;
export type ImageMathOp = (typeof IMAGE_MATH_OPS)[number];

const OPS: Record<ImageMathOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => (b === 0 ? 0 : a / b),
  min: (a, b) => (b < a ? b : a),
  max: (a, b) => (b > a ? b : a),
  'absolute-difference': (a, b) => Math.abs(a - b),
};

/**
 * `a op b` per sample. `b` is a number, an image of a's shape, or a single 2-D slice of a's width and
 * height applied to every plane and channel of `a`. The result is float32, or a's type (values
 * rounded half to even and clipped to the type's range) when `dtype` says so.
 */
export function imageMath(a: Image, op: ImageMathOp, b: Image | number, dtype: DType = 'float32'): Image {
  const f = OPS[op];
  const n = a.width * a.height;
  const out = allocPixels(dtype, a.data.length);
  const integer = isIntegerDType(dtype);
  const [lo, hi] = dtypeLimits(dtype);
  const store = integer
    ? (i: number, v: number) => (out[i] = v < lo ? lo : v > hi ? hi : roundHalfEven(v))
    : (i: number, v: number) => (out[i] = v);
  if (typeof b === 'number') {
    for (let i = 0; i < a.data.length; i++) store(i, f(a.data[i], b));
  } else {
    if (b.width !== a.width || b.height !== a.height) {
      throw new UserError(`the two images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
    }
    const sameStack = b.planes === a.planes && b.channels === a.channels;
    if (!sameStack && b.planes * b.channels !== 1) {
      throw new UserError(
        `the second image has ${b.planes} planes × ${b.channels} channels; it must match the first ` +
          `(${a.planes} × ${a.channels}) or be a single 2-D image`,
      );
    }
    for (let i = 0; i < a.data.length; i++) store(i, f(a.data[i], b.data[sameStack ? i : i % n]));
  }
  return { ...a, dtype, data: out, meta: copyMeta(a.meta) };
}
