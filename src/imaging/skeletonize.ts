// Skeleton of a binary mask by Zhang–Suen thinning, as skimage.morphology.skeletonize on 2-D images
// (scikit-image 0.19, `_fast_skeletonize`): two sub-passes per iteration remove boundary pixels chosen
// by an 8-neighbour look-up table until nothing changes; pixels outside the image count as background.
// The look-up table is scikit-image's (BSD-3-Clause, originally from CellProfiler).

// prettier-ignore
const LUT = Uint8Array.from([
  0, 0, 0, 1, 0, 0, 1, 3, 0, 0, 3, 1, 1, 0, 1, 3, 0, 0, 0, 0, 0, 0,
  0, 0, 2, 0, 2, 0, 3, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 3, 0, 2, 2, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0,
  0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3, 0, 2, 0, 0, 0, 3, 1,
  0, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 1, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 1, 3, 0, 0,
  1, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 2, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3,
  0, 1, 0, 0, 0, 0, 2, 2, 0, 0, 2, 0, 0, 0,
]);

export function skeletonize(mask: Uint8Array, width: number, height: number): Uint8Array {
  const W = width + 2, H = height + 2;
  const skel = new Uint8Array(W * H);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) skel[(y + 1) * W + x + 1] = mask[y * width + x] ? 1 : 0;
  const cleaned = skel.slice();
  let removed = true;
  while (removed) {
    removed = false;
    for (let pass = 0; pass < 2; pass++) {
      for (let row = 1; row < H - 1; row++) {
        for (let col = 1; col < W - 1; col++) {
          const p = row * W + col;
          if (!skel[p]) continue;
          const code =
            skel[p - W - 1] + 2 * skel[p - W] + 4 * skel[p - W + 1] + 8 * skel[p + 1] +
            16 * skel[p + W + 1] + 32 * skel[p + W] + 64 * skel[p + W - 1] + 128 * skel[p - 1];
          const kind = LUT[code];
          if ((kind === 1 && pass === 0) || (kind === 2 && pass === 1) || kind === 3) {
            cleaned[p] = 0;
            removed = true;
          }
        }
      }
      skel.set(cleaned);
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = skel[(y + 1) * W + x + 1];
  return out;
}
