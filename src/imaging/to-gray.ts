// Colour to grey as a weighted sum of the red, green and blue channels, by default scikit-image's
// rgb2gray weights (ITU-R BT.709 luma): Y = 0.2125 R + 0.7154 G + 0.0721 B, computed per pixel in
// float64 and stored as float32, in the input's own value range (a uint8 image gives 0–255, a uint16
// image 0–65535: no rescaling to 0–1 as rgb2gray does). A 4th channel (alpha) is ignored.
import { UserError } from '../core/errors';
import { copyMeta, createImage, type Image } from '../core/image';

export const GRAY_WEIGHTS = [0.2125, 0.7154, 0.0721] as const;

export function toGray(image: Image, weights: readonly [number, number, number] = GRAY_WEIGHTS): Image {
  if (image.channels === 1) return image;
  if (image.channels !== 3 && image.channels !== 4) {
    throw new UserError(`gray needs an image with 1, 3 or 4 channels (grey, RGB, RGBA), this one has ${image.channels}`);
  }
  const { width, height, planes, channels } = image;
  const n = width * height;
  const out = new Float32Array(n * planes);
  const [wr, wg, wb] = weights;
  for (let p = 0; p < planes; p++) {
    const r = p * channels * n;
    const g = r + n;
    const b = g + n;
    for (let i = 0; i < n; i++) {
      // same operation order as numpy's 0.2125*R + 0.7154*G + 0.0721*B, so float64 sums agree bit for bit
      out[p * n + i] = wr * image.data[r + i] + wg * image.data[g + i] + wb * image.data[b + i];
    }
  }
  const meta = copyMeta(image.meta);
  meta.extra.gray = `${wr} R + ${wg} G + ${wb} B`;
  return createImage({ width, height, planes, channels: 1 }, 'float32', out, meta);
}
