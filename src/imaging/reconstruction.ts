// Greyscale reconstruction by dilation, as skimage.morphology.reconstruction(seed, mask,
// method='dilation', footprint) (scikit-image 0.19) with footprint disk(1) (the 3 × 3 cross:
// 4-connected) or square(3) (8-connected): the seed is dilated again and again, never above the mask,
// until nothing changes. skimage pads both images with the seed's minimum, which never raises a pixel,
// so the image edge is a wall, as here.
// Algorithm: Vincent (1993)'s hybrid — a forward and a backward raster pass, then a FIFO queue of the
// pixels that can still raise a neighbour. The reconstruction is unique, so it equals skimage's
// (which ranks pixels by value) whatever the order; values are copied, never computed.

export type Connectivity = 4 | 8;

/**
 * The reconstruction of `seed` under `mask` (seed <= mask everywhere, else an Error, as skimage's
 * ValueError), as a new Float64Array; the inputs are not modified.
 */
export function reconstructByDilation(
  seed: ArrayLike<number>, mask: ArrayLike<number>, width: number, height: number, connectivity: Connectivity = 8,
): Float64Array {
  const n = width * height;
  if (seed.length !== n || mask.length !== n) throw new Error(`reconstructByDilation: seed and mask must hold ${width}×${height} samples`);
  const j = Float64Array.from(seed);
  const m = mask;
  for (let p = 0; p < n; p++) {
    if (j[p] > m[p]) throw new Error('reconstructByDilation: the seed must not be above the mask');
  }
  const diagonal = connectivity === 8;
  const w = width;

  // forward pass: each pixel takes the largest of itself and its neighbours before it (left, and the
  // row above), capped by the mask
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      let v = j[p];
      if (x > 0 && j[p - 1] > v) v = j[p - 1];
      if (y > 0) {
        const q = p - w;
        if (j[q] > v) v = j[q];
        if (diagonal) {
          if (x > 0 && j[q - 1] > v) v = j[q - 1];
          if (x < w - 1 && j[q + 1] > v) v = j[q + 1];
        }
      }
      j[p] = v < m[p] ? v : m[p];
    }
  }
  // backward pass, the same with the neighbours after it; queue pixels that can still raise one of them
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  const raises = (p: number, q: number) => j[q] < j[p] && j[q] < m[q];
  for (let y = height - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--) {
      const p = y * w + x;
      let v = j[p];
      const right = x < w - 1;
      const below = y < height - 1;
      if (right && j[p + 1] > v) v = j[p + 1];
      if (below) {
        const q = p + w;
        if (j[q] > v) v = j[q];
        if (diagonal) {
          if (x > 0 && j[q - 1] > v) v = j[q - 1];
          if (right && j[q + 1] > v) v = j[q + 1];
        }
      }
      j[p] = v < m[p] ? v : m[p];
      const q = p + w;
      if (
        (right && raises(p, p + 1)) ||
        (below && (raises(p, q) || (diagonal && ((x > 0 && raises(p, q - 1)) || (right && raises(p, q + 1))))))
      ) {
        queue[tail++] = p;
        queued[p] = 1;
      }
    }
  }
  // propagation: a circular queue of at most n pixels (a pixel is queued at most once at a time)
  if (tail === n) tail = 0;
  let size = tail;
  const visit = (p: number, q: number) => {
    if (j[q] < j[p] && m[q] !== j[q]) {
      j[q] = j[p] < m[q] ? j[p] : m[q];
      if (!queued[q]) {
        queue[tail] = q;
        tail = tail + 1 === n ? 0 : tail + 1;
        size++;
        queued[q] = 1;
      }
    }
  };
  while (size > 0) {
    const p = queue[head];
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[p] = 0;
    const y = (p / w) | 0;
    const x = p - y * w;
    const left = x > 0;
    const right = x < w - 1;
    if (left) visit(p, p - 1);
    if (right) visit(p, p + 1);
    if (y > 0) {
      visit(p, p - w);
      if (diagonal && left) visit(p, p - w - 1);
      if (diagonal && right) visit(p, p - w + 1);
    }
    if (y < height - 1) {
      visit(p, p + w);
      if (diagonal && left) visit(p, p + w - 1);
      if (diagonal && right) visit(p, p + w + 1);
    }
  }
  return j;
}
