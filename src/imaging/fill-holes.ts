// Hole filling, as scipy.ndimage.binary_fill_holes with its default structure on each 2-D plane:
// background pixels 4-connected to the image border stay background; every other pixel (the
// objects and the holes enclosed by them) becomes foreground.
import { copyMeta, createMask, type Mask } from '../core/image';

export function fillHoles(mask: Mask): Mask {
  const { width, height, planes } = mask;
  const n = width * height;
  const out = new Uint8Array(n * planes).fill(1);
  const stack = new Int32Array(n);
  for (let p = 0; p < planes; p++) {
    const src = mask.data.subarray(p * n, (p + 1) * n);
    const dst = out.subarray(p * n, (p + 1) * n);
    floodBorderBackground(src, dst, width, height, stack);
  }
  return createMask({ width, height, planes }, out, copyMeta(mask.meta));
}

/** Sets dst to 0 on every background pixel of src reachable from the border through 4-neighbours. */
function floodBorderBackground(src: Uint8Array, dst: Uint8Array, width: number, height: number, stack: Int32Array): void {
  let top = 0;
  const seed = (i: number) => {
    if (src[i] === 0 && dst[i] === 1) {
      dst[i] = 0;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (top > 0) {
    const i = stack[--top];
    const x = i % width;
    if (x > 0) seed(i - 1);
    if (x < width - 1) seed(i + 1);
    if (i >= width) seed(i - width);
    if (i < (height - 1) * width) seed(i + width);
  }
}
