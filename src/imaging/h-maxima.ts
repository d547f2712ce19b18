// Regional maxima of height >= h, as skimage.morphology.h_maxima (scikit-image 0.19.3): the image is
// lowered by h (minus a relative rounding allowance for float images), rebuilt under itself by
// greyscale reconstruction by dilation (8-connected, 3 × 3 footprint, the image edge a wall), and the
// pixels where the image stands at least h above its reconstruction are the h-maxima.
// Reconstruction: Vincent (1993)'s hybrid algorithm — a forward and a backward raster pass, then a
// FIFO queue; its result is the unique reconstruction, so it equals skimage's whatever the order.

export type HMaximaPrecision = 'float32' | 'float64';

/** Greyscale reconstruction by dilation of `seed` (<= mask) under `mask`, 8-connected. Modifies seed. */
export function reconstructByDilation(seed: Float64Array, mask: ArrayLike<number>, width: number, height: number): Float64Array {
  const n = width * height;
  const j = seed;
  // forward pass: causal neighbours (up-left, up, up-right, left)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      let m = j[p];
      if (x > 0 && j[p - 1] > m) m = j[p - 1];
      if (y > 0) {
        const q = p - width;
        if (j[q] > m) m = j[q];
        if (x > 0 && j[q - 1] > m) m = j[q - 1];
        if (x < width - 1 && j[q + 1] > m) m = j[q + 1];
      }
      j[p] = m < mask[p] ? m : mask[p];
    }
  }
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  // backward pass: anti-causal neighbours; enqueue pixels that can still raise a neighbour
  const DY = [0, 1, 1, 1];
  const DX = [1, -1, 0, 1];
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const p = y * width + x;
      let m = j[p];
      for (let k = 0; k < 4; k++) {
        const yy = y + DY[k];
        const xx = x + DX[k];
        if (yy < height && xx >= 0 && xx < width && j[yy * width + xx] > m) m = j[yy * width + xx];
      }
      j[p] = m < mask[p] ? m : mask[p];
      for (let k = 0; k < 4; k++) {
        const yy = y + DY[k];
        const xx = x + DX[k];
        if (yy >= height || xx < 0 || xx >= width) continue;
        const q = yy * width + xx;
        if (j[q] < j[p] && j[q] < mask[q] && !queued[p]) {
          queue[tail++ % n] = p;
          queued[p] = 1;
        }
      }
    }
  }
  // propagation: a circular queue of at most n pixels (a pixel is queued at most once at a time)
  while (head !== tail) {
    const p = queue[head++ % n];
    queued[p] = 0;
    const y = (p / width) | 0;
    const x = p - y * width;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if ((dy === 0 && dx === 0) || xx < 0 || xx >= width) continue;
        const q = yy * width + xx;
        if (j[q] < j[p] && mask[q] !== j[q]) {
          j[q] = j[p] < mask[q] ? j[p] : mask[q];
          if (!queued[q]) {
            queue[tail++ % n] = q;
            queued[q] = 1;
          }
        }
      }
    }
  }
  return j;
}

/**
 * skimage.morphology.h_maxima(image, h): 1 on the maxima at least h high. `precision` is the dtype
 * skimage would see (the rounding allowance and arithmetic of float32 images differ from float64).
 */
export function hMaxima(image: ArrayLike<number>, width: number, height: number, h: number, precision: HMaximaPrecision = 'float64'): Uint8Array {
  const n = width * height;
  if (image.length !== n) throw new Error(`hMaxima: image must hold ${width}×${height} samples`);
  if (!(h > 0)) throw new Error('hMaxima: h must be > 0');
  const out = new Uint8Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (image[i] < min) min = image[i];
    if (image[i] > max) max = image[i];
  }
  const range = precision === 'float32' ? Math.fround(max - min) : max - min;
  if (h > range) return out;
  const shifted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = image[i];
    if (precision === 'float64') shifted[i] = v - h - 2e-15 * Math.abs(v);
    else if (precision === 'float32') {
      // numpy float32 arithmetic: each step rounded to float32 (finfo(float32).resolution = 1e-6)
      const resolution = Math.fround(Math.fround(2 * Math.fround(1e-6)) * Math.abs(v));
      shifted[i] = Math.fround(Math.fround(v - h) - resolution);
    }
  }
  const rec = reconstructByDilation(shifted, image, width, height);
  for (let i = 0; i < n; i++) out[i] = image[i] - rec[i] >= h ? 1 : 0;
  return out;
}
