// Applies a 2-D mask or label kernel to every plane of a stack; the one place that knows that a
// Mask's or Labels' planes are contiguous width × height blocks.
import { copyMeta, createImage, createLabels, createMask, type DType, type Image, type Labels, type Mask, type PixelArray } from '../core/image';

type PlaneKernel<I, O> = (plane: I, width: number, height: number) => O;

export function mapMaskPlanes(mask: Mask, kernel: PlaneKernel<Uint8Array, Uint8Array>): Mask {
  const { width, height, planes } = mask;
  const n = width * height;
  const out = new Uint8Array(n * planes);
  for (let p = 0; p < planes; p++) out.set(kernel(mask.data.subarray(p * n, (p + 1) * n), width, height), p * n);
  return createMask({ width, height, planes }, out, copyMeta(mask.meta));
}

/** Labels stay as they are numbered (no renumbering), so objects keep matching their seeds; count = largest label left. */
export function mapLabelPlanes(labels: Labels, kernel: PlaneKernel<Uint32Array, Uint32Array>): Labels {
  const { width, height, planes } = labels;
  const n = width * height;
  const out = new Uint32Array(n * planes);
  for (let p = 0; p < planes; p++) out.set(kernel(labels.data.subarray(p * n, (p + 1) * n), width, height), p * n);
  return createLabels({ width, height, planes }, out, undefined, copyMeta(labels.meta));
}

/** A mask kernel whose result is an image (e.g. distances), plane by plane. */
export function mapMaskPlanesToImage(mask: Mask, dtype: DType, kernel: PlaneKernel<Uint8Array, ArrayLike<number>>): Image {
  const { width, height, planes } = mask;
  const n = width * height;
  const image = createImage({ width, height, planes }, dtype, undefined, copyMeta(mask.meta));
  for (let p = 0; p < planes; p++) (image.data as PixelArray).set(kernel(mask.data.subarray(p * n, (p + 1) * n), width, height), p * n);
  return image;
}

/** Plane p of labels as 2-D labels sharing the buffer (count kept: labels are unique across planes). */
export function labelsPlane(labels: Labels, p: number): Labels {
  const n = labels.width * labels.height;
  return { ...labels, planes: 1, data: labels.data.subarray(p * n, (p + 1) * n) };
}

/** Plane p of an image (all its channels) as a 1-plane image sharing the buffer. */
export function imagePlane(image: Image, p: number): Image {
  const n = image.width * image.height * image.channels;
  return { ...image, planes: 1, data: image.data.subarray(p * n, (p + 1) * n) as Image['data'] };
}
