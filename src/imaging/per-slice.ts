// Applies a 2-D kernel to every (plane, channel) slice of an image. Kernels stay 2-D and pure; this
// is the one place that knows the channel-planar layout of an n-D image.
import { allocPixels, copyMeta, slice2d, type DType, type Image, type PixelArray } from '../core/image';

/** A 2-D kernel: reads `input` (width*height samples, row-major) and writes `output` of the same size. */
export type SliceKernel<O extends PixelArray = PixelArray> = (
  input: PixelArray,
  width: number,
  height: number,
  output: O,
) => void;

/** A new image of `dtype`, same shape and metadata as `image`, each 2-D slice computed by `kernel`. */
export function mapSlices(image: Image, dtype: DType, kernel: SliceKernel): Image {
  const { width, height, planes, channels } = image;
  const n = width * height;
  const data = allocPixels(dtype, n * planes * channels);
  for (let p = 0; p < planes; p++) {
    for (let c = 0; c < channels; c++) {
      const start = (p * channels + c) * n;
      kernel(slice2d(image, p, c), width, height, data.subarray(start, start + n) as PixelArray);
    }
  }
  return { kind: 'image', width, height, planes, channels, dtype, data, meta: copyMeta(image.meta) };
}

/** A 2-D kernel on float64 values: the slice is converted first (values kept), the result stored as `dtype`. */
export function mapSlicesFloat(
  image: Image,
  dtype: DType,
  kernel: (input: Float64Array, width: number, height: number) => ArrayLike<number>,
): Image {
  return mapSlices(image, dtype, (input, width, height, output) => {
    output.set(kernel(Float64Array.from(input), width, height));
  });
}
