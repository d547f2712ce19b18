// Colour deconvolution of a bright-field RGB image into haematoxylin, eosin and DAB optical densities,
// as skimage.color.rgb2hed (0.19, Ruifrok & Johnston 2001): RGB scaled to 0–1 (img_as_float), clipped
// below at 1e-6, optical density log(rgb) / log(1e-6) per channel, multiplied by the inverse of the
// stain matrix rgb_from_hed, negative amounts set to 0. float64 arithmetic, float32 output.
import { UserError } from '../core/errors';
import { copyMeta, createImage, type Image } from '../core/image';
import { imgAsFloat64 } from './dtype-range';

/** Rows: the RGB absorbance of haematoxylin, eosin and DAB (skimage's rgb_from_hed). */
export const RGB_FROM_HED: readonly (readonly [number, number, number])[] = [
  [0.65, 0.7, 0.29],
  [0.07, 0.99, 0.11],
  [0.27, 0.57, 0.78],
];

/** Inverse of a 3 × 3 matrix by cofactors. */
export function invert3x3(m: readonly (readonly number[])[]): number[][] {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new UserError('the stain matrix is singular (two stains have the same colour)');
  return [
    [A / det, -(b * i - c * h) / det, (b * f - c * e) / det],
    [B / det, (a * i - c * g) / det, -(a * f - c * d) / det],
    [C / det, -(a * h - b * g) / det, (a * e - b * d) / det],
  ];
}

const LOG_ADJUST = Math.log(1e-6);

/** Stain amounts (float64, channel-planar: all H, then all E, then all DAB) of one RGB slice. */
export function rgbToHed(r: ArrayLike<number>, g: ArrayLike<number>, b: ArrayLike<number>, out: Float64Array): void {
  const m = invert3x3(RGB_FROM_HED);
  const n = r.length;
  for (let i = 0; i < n; i++) {
    const lr = Math.log(Math.max(r[i], 1e-6)) / LOG_ADJUST;
    const lg = Math.log(Math.max(g[i], 1e-6)) / LOG_ADJUST;
    const lb = Math.log(Math.max(b[i], 1e-6)) / LOG_ADJUST;
    for (let s = 0; s < 3; s++) {
      const v = lr * m[0][s] + lg * m[1][s] + lb * m[2][s];
      out[s * n + i] = v > 0 ? v : 0;
    }
  }
}

/** H, E and DAB as a 3-channel float32 image (channels in that order), every plane. */
export function colorDeconvolution(image: Image): Image {
  if (image.channels !== 3 && image.channels !== 4) {
    throw new UserError(`colour deconvolution needs an RGB image (3 channels, or 4 with alpha), this one has ${image.channels}`);
  }
  const { width, height, planes, channels } = image;
  const n = width * height;
  const out = new Float32Array(n * 3 * planes);
  const buffer = new Float64Array(3 * n);
  for (let p = 0; p < planes; p++) {
    const at = (c: number) => imgAsFloat64(image.data.subarray((p * channels + c) * n, (p * channels + c + 1) * n) as typeof image.data, image.dtype);
    rgbToHed(at(0), at(1), at(2), buffer);
    out.set(buffer, p * 3 * n);
  }
  return createImage({ width, height, planes, channels: 3 }, 'float32', out, copyMeta(image.meta));
}
