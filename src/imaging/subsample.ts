// Keeping every k-th sample along each axis, as numpy's a[::sz, ::sy, ::sx] on (planes, height,
// width): the first plane, row and column are always kept; the dtype is unchanged and the pixel
// size grows by the stride.
import { allocPixels, copyMeta, createImage, type Image } from '../core/image';

export interface Strides {
  x: number;
  y: number;
  planes: number;
}

export function subsample(image: Image, strides: Strides): Image {
  const { width, height, planes, channels } = image;
  const ow = Math.ceil(width / strides.x);
  const oh = Math.ceil(height / strides.y);
  const op = Math.ceil(planes / strides.planes);
  const data = allocPixels(image.dtype, ow * oh * op * channels);
  let o = 0;
  for (let p = 0; p < planes; p += strides.planes) {
    for (let c = 0; c < channels; c++) {
      const slice = (p * channels + c) * width * height;
      for (let y = 0; y < height; y += strides.y) {
        const row = slice + y * width;
        for (let x = 0; x < width; x += strides.x) data[o++] = image.data[row + x];
      }
    }
  }
  const meta = copyMeta(image.meta);
  if (meta.pixelSize) {
    meta.pixelSize.x *= strides.x;
    meta.pixelSize.y *= strides.y;
    if (meta.pixelSize.z !== undefined) meta.pixelSize.z *= strides.planes;
  }
  return createImage({ width: ow, height: oh, planes: op, channels }, image.dtype, data, meta);
}
