// Grey-level (and binary) erosion, dilation, opening and closing with a flat disk or square footprint,
// as skimage.morphology.erosion/dilation/opening/closing with disk(r) / square(2r+1) (scikit-image 0.19).
//
// Border: skimage calls scipy.ndimage.grey_erosion/grey_dilation with mode 'reflect'. For footprints
// that are symmetric and shrink monotonically away from the centre along each axis (disk, square),
// every reflected sample is also a sample of the footprint clipped to the image, so 'reflect' equals
// "ignore pixels outside the image" — what is computed here. skimage's binary_erosion (border_value=1)
// and binary_dilation (border_value=0) give the same result on 0/1 data, so masks use these kernels too.
import type { PixelArray } from '../core/image';

export type FootprintShape = 'disk' | 'square';

/**
 * Half-widths of the footprint's horizontal chords: entry dy + r is the largest |dx| in row dy
 * (disk: dx² + dy² ≤ r², as skimage.morphology.disk; square: r).
 */
export function footprintChords(shape: FootprintShape, radius: number): Int32Array {
  const chords = new Int32Array(2 * radius + 1);
  for (let dy = -radius; dy <= radius; dy++) {
    let w = radius;
    if (shape === 'disk') {
      w = Math.floor(Math.sqrt(radius * radius - dy * dy));
      while ((w + 1) * (w + 1) + dy * dy <= radius * radius) w++;
      while (w > 0 && w * w + dy * dy > radius * radius) w--;
    }
    chords[dy + radius] = w;
  }
  return chords;
}

/** The footprint as a (2r+1)² 0/1 array (row-major), for tests and documentation. */
export function footprintMask(shape: FootprintShape, radius: number): Uint8Array {
  const chords = footprintChords(shape, radius);
  const n = 2 * radius + 1;
  const out = new Uint8Array(n * n);
  for (let y = 0; y < n; y++) for (let x = radius - chords[y]; x <= radius + chords[y]; x++) out[y * n + x] = 1;
  return out;
}

// Only dilation (maximum) is written out: erosion is the dilation of −f, negated, which picks the same
// sample (min(a, b) = −max(−a, −b), ties included). One comparison inlined in every loop: passed a
// min or max function instead, V8 stopped inlining it and a disk of radius 10 ran several times slower.

/**
 * 1-D running maximum of half-width r (van Herk / Gil–Werman: three comparisons per sample whatever r).
 * `line` holds n samples; `pad`, `g`, `h` are scratch of length ≥ n + 2r; outside the line is −∞.
 */
function runningMax1d(line: Float64Array, n: number, r: number, pad: Float64Array, g: Float64Array, h: Float64Array, out: Float64Array): void {
  const len = n + 2 * r;
  const k = 2 * r + 1;
  for (let j = 0; j < len; j++) pad[j] = j >= r && j < r + n ? line[j - r] : -Infinity;
  for (let start = 0; start < len; start += k) {
    const end = Math.min(start + k, len);
    g[start] = pad[start];
    for (let j = start + 1; j < end; j++) g[j] = pad[j] > g[j - 1] ? pad[j] : g[j - 1];
    h[end - 1] = pad[end - 1];
    for (let j = end - 2; j >= start; j--) h[j] = pad[j] > h[j + 1] ? pad[j] : h[j + 1];
  }
  for (let x = 0; x < n; x++) out[x] = g[x + 2 * r] > h[x] ? g[x + 2 * r] : h[x];
}

/** Square footprint: separable, a running maximum of sign·src along rows, then along columns; out = sign·result. */
function squareMorph(src: PixelArray, w: number, h: number, r: number, sign: 1 | -1, out: PixelArray): void {
  const m = Math.max(w, h) + 2 * r;
  const pad = new Float64Array(m), g = new Float64Array(m), hh = new Float64Array(m);
  const line = new Float64Array(Math.max(w, h)), res = new Float64Array(Math.max(w, h));
  const tmp = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) line[x] = sign * src[y * w + x];
    runningMax1d(line, w, r, pad, g, hh, res);
    tmp.set(res.subarray(0, w), y * w);
  }
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) line[y] = tmp[y * w + x];
    runningMax1d(line, h, r, pad, g, hh, res);
    for (let y = 0; y < h; y++) out[y * w + x] = sign * res[y];
  }
}

/**
 * Any footprint given by its chords (disk), as a maximum of sign·src, out = sign·result: for each row,
 * the running maximum over every chord half-width in use is built incrementally (width k from width
 * k-1 in one pass), kept in a ring of 2r+1 rows; an output row is the maximum of its 2r+1 neighbour
 * rows at their chord's width.
 */
function chordMorph(src: PixelArray, w: number, h: number, chords: Int32Array, sign: 1 | -1, out: PixelArray): void {
  const r = (chords.length - 1) / 2;
  let maxK = 0;
  for (const c of chords) maxK = Math.max(maxK, c);
  const slot = new Int32Array(maxK + 1).fill(-1); // width → index among the widths kept
  let nK = 0;
  for (const c of [...chords].sort((a, b) => a - b)) if (slot[c] < 0) slot[c] = nK++;
  const ringRows = 2 * r + 1;
  const ring = new Float64Array(ringRows * nK * w);
  let cur = new Float64Array(w), next = new Float64Array(w);
  const filterRow = (y: number) => {
    const base = (y % ringRows) * nK * w;
    for (let x = 0; x < w; x++) cur[x] = sign * src[y * w + x];
    for (let k = 0; ; k++) {
      if (slot[k] >= 0) ring.set(cur, base + slot[k] * w);
      if (k === maxK) break;
      if (w === 1) continue;
      next[0] = cur[1] > cur[0] ? cur[1] : cur[0];
      for (let x = 1; x < w - 1; x++) {
        let v = cur[x];
        if (cur[x - 1] > v) v = cur[x - 1];
        if (cur[x + 1] > v) v = cur[x + 1];
        next[x] = v;
      }
      next[w - 1] = cur[w - 2] > cur[w - 1] ? cur[w - 2] : cur[w - 1];
      [cur, next] = [next, cur];
    }
  };
  for (let y = 0; y < Math.min(r, h); y++) filterRow(y);
  const acc = new Float64Array(w);
  for (let y = 0; y < h; y++) {
    if (y + r < h) filterRow(y + r);
    let first = true;
    for (let dy = -r; dy <= r; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      const base = ((yy % ringRows) * nK + slot[chords[dy + r]]) * w;
      if (first) {
        for (let x = 0; x < w; x++) acc[x] = ring[base + x];
        first = false;
      } else {
        for (let x = 0; x < w; x++) if (ring[base + x] > acc[x]) acc[x] = ring[base + x];
      }
    }
    for (let x = 0; x < w; x++) out[y * w + x] = sign * acc[x];
  }
}

function morph2d(src: PixelArray, w: number, h: number, shape: FootprintShape, radius: number, dilate: boolean, out: PixelArray): void {
  if (!Number.isInteger(radius) || radius < 0) throw new Error(`radius must be an integer >= 0, got ${radius}`);
  if (src.length !== w * h || out.length !== w * h) throw new Error(`expected ${w * h} samples`);
  const sign = dilate ? 1 : -1;
  if (radius === 0) out.set(src);
  else if (shape === 'square') squareMorph(src, w, h, radius, sign, out);
  else chordMorph(src, w, h, footprintChords(shape, radius), sign, out);
}

function like(src: PixelArray): PixelArray {
  return new (src.constructor as new (n: number) => PixelArray)(src.length);
}

/** Grey erosion of one 2-D slice (minimum over the footprint); the result has the input's type. */
export function erode2d(src: PixelArray, width: number, height: number, shape: FootprintShape, radius: number): PixelArray {
  const out = like(src);
  morph2d(src, width, height, shape, radius, false, out);
  return out;
}

/** Grey dilation of one 2-D slice (maximum over the footprint). */
export function dilate2d(src: PixelArray, width: number, height: number, shape: FootprintShape, radius: number): PixelArray {
  const out = like(src);
  morph2d(src, width, height, shape, radius, true, out);
  return out;
}

export type MorphologyOp = 'erode' | 'dilate' | 'open' | 'close';

/** erode, dilate, open (erode then dilate) or close (dilate then erode) one 2-D slice. */
export function morphology2d(
  op: MorphologyOp, src: PixelArray, width: number, height: number, shape: FootprintShape, radius: number,
): PixelArray {
  switch (op) {
    case 'erode':
      return erode2d(src, width, height, shape, radius);
    case 'dilate':
      return dilate2d(src, width, height, shape, radius);
    case 'open':
      return dilate2d(erode2d(src, width, height, shape, radius), width, height, shape, radius);
    case 'close':
      return erode2d(dilate2d(src, width, height, shape, radius), width, height, shape, radius);
  }
}
