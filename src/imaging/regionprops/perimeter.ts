// Perimeter of one object, as skimage 0.19's `measure.perimeter(image, neighbourhood=4)` (which
// regionprops uses): border pixels are the object pixels removed by a binary erosion with the 4-connected
// cross (outside the image counts as background); each border pixel is then weighted by the pattern of
// border pixels around it, code = 1 + 2·(4-neighbours on the border) + 10·(diagonal neighbours on the
// border), after Benkrid & Crookes: straight runs count 1, diagonal steps √2, corners (1 + √2) / 2.

const WEIGHTS = (() => {
  const w = new Float64Array(50);
  for (const k of [5, 7, 15, 17, 25, 27]) w[k] = 1;
  for (const k of [21, 33]) w[k] = Math.SQRT2;
  for (const k of [13, 23]) w[k] = (1 + Math.SQRT2) / 2;
  return w;
})();

/**
 * Perimeter of the pixels set in `mask`, an object's crop of `width` × `height` stored with a one-pixel
 * background frame (row stride width + 2). `border` is scratch of the same length; `histogram` scratch
 * of 50 entries. Both are overwritten.
 */
export function perimeterOfMask(
  mask: Uint8Array,
  width: number,
  height: number,
  border: Uint8Array,
  histogram: Int32Array,
): number {
  const stride = width + 2;
  const end = (height + 2) * stride;
  if (mask.length < end || border.length < end) throw new Error('perimeterOfMask: scratch too small');
  border.fill(0, 0, end);
  for (let y = 1; y <= height; y++) {
    for (let i = y * stride + 1, last = i + width; i < last; i++) {
      if (mask[i] && !(mask[i - 1] && mask[i + 1] && mask[i - stride] && mask[i + stride])) border[i] = 1;
    }
  }
  histogram.fill(0);
  for (let y = 1; y <= height; y++) {
    for (let i = y * stride + 1, last = i + width; i < last; i++) {
      if (!border[i]) continue;
      const code =
        1 +
        2 * (border[i - 1] + border[i + 1] + border[i - stride] + border[i + stride]) +
        10 * (border[i - stride - 1] + border[i - stride + 1] + border[i + stride - 1] + border[i + stride + 1]);
      histogram[code]++;
    }
  }
  // histogram · weights in index order, as skimage does (bincount @ weights)
  let total = 0;
  for (let k = 0; k < 50; k++) total += histogram[k] * WEIGHTS[k];
  return total;
}
