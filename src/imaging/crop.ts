// A rectangle of every plane and channel: x, y are the top-left pixel (0-based), the rectangle must
// lie inside the image.
import { UserError } from '../core/errors';
import { allocPixels, copyMeta, type Image } from '../core/image';

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function cropImage(image: Image, rect: CropRect): Image {
  const { x, y, width, height } = rect;
  if (x + width > image.width || y + height > image.height) {
    throw new UserError(
      `crop x=${x}, y=${y}, width=${width}, height=${height} reaches past the ${image.width}×${image.height} image ` +
        `(x + width must be ≤ ${image.width}, y + height ≤ ${image.height})`,
    );
  }
  const slices = image.planes * image.channels;
  const data = allocPixels(image.dtype, width * height * slices);
  const n = image.width * image.height;
  for (let s = 0; s < slices; s++) {
    for (let row = 0; row < height; row++) {
      const from = s * n + (y + row) * image.width + x;
      data.set(image.data.subarray(from, from + width), (s * height + row) * width);
    }
  }
  return { ...image, width, height, data, meta: copyMeta(image.meta) };
}
