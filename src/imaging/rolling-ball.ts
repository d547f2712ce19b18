// Rolling-ball background (Sternberg 1983; ImageJ's Process › Subtract Background without its
// shrinking and smoothing): a ball of radius r rolls under the intensity surface; the background is
// the highest surface the ball reaches. Computed as a grey opening with the ball's height profile as a
// non-flat structuring function, in float64:
//   erosion  e(p) = min over |k| ≤ r of f(p + k) + d(k),  d(k) = r − √(r² − |k|²)   (ball apex at p)
//   opening  b(p) = max over |k| ≤ r of e(p + k) − d(k)                              (union of balls)
// Pixels beyond the image border are ignored. The erosion alone is exactly what
// skimage.restoration.rolling_ball (0.19) returns: skimage reports the apex height of the ball centred at
// each pixel, not the union of the balls, so its background sits lower than ImageJ's around peaks.
// Each ball row is a 1-D min-plus convolution with a convex function, solved by divide and conquer:
// about (2r + 1) · log₂(width) operations per pixel for each pass.
import type { Image } from '../core/image';
import { mapSlicesFloat } from './per-slice';

/** The ball as rows: for row dy (index dy + R), the offsets dx = −w..w and their height deficit d. */
interface Ball {
  R: number;
  halfWidths: Int32Array;
  /** deficits[(dy + R) * (2R + 1) + dx + R] = d(dx, dy); Infinity outside the ball. */
  deficits: Float64Array;
}

/** skimage's ball_kernel: offsets −⌈r⌉..⌈r⌉, kept when √(dx² + dy²) ≤ r, height √max(r² − s, 0). */
export function ballKernel(radius: number, round: (x: number) => number = (x) => x): Ball {
  const R = Math.ceil(radius);
  const side = 2 * R + 1;
  const deficits = new Float64Array(side * side).fill(Infinity);
  const halfWidths = new Int32Array(side).fill(-1);
  const apex = round(Math.sqrt(radius * radius));
  for (let dy = -R; dy <= R; dy++) {
    for (let dx = -R; dx <= R; dx++) {
      const s = dx * dx + dy * dy;
      if (Math.sqrt(s) > radius) continue;
      deficits[(dy + R) * side + dx + R] = round(apex - round(Math.sqrt(Math.max(radius * radius - s, 0))));
      halfWidths[dy + R] = Math.max(halfWidths[dy + R], Math.abs(dx));
    }
  }
  return { R, halfWidths, deficits };
}

/**
 * out[x] = min over s in [x − w, x + w] ∩ [0, n) of f[s] + g[s − x + w], for a convex g (one row of the
 * ball's deficit). With g convex, the leftmost best s never moves left as x moves right (the costs
 * form a Monge array), so each x is solved by scanning only between its neighbours' best s:
 * divide and conquer, O((n + w) log n) instead of O(n · w).
 */
function minPlusConvexRow(f: Float64Array, n: number, g: Float64Array, gStart: number, w: number, out: Float64Array): void {
  // the recursion as a loop over a stack of (xlo, xhi, slo, shi), left halves first: 1.8× faster
  // than recursive closures; each x still gets the same range, so the same minimum
  const stack = SEGMENTS;
  const gAt = gStart + w; // g[gAt + s − x] = d(s − x)
  stack[0] = 0;
  stack[1] = n - 1;
  stack[2] = 0;
  stack[3] = n - 1;
  let top = 4;
  while (top > 0) {
    top -= 4;
    const xlo = stack[top], xhi = stack[top + 1], slo = stack[top + 2], shi = stack[top + 3];
    const x = (xlo + xhi) >> 1;
    let from = Math.max(slo, x - w, 0);
    let to = Math.min(shi, x + w, n - 1);
    if (from > to) {
      from = Math.max(x - w, 0); // cannot happen in exact arithmetic; stay correct if rounding breaks monotonicity
      to = Math.min(x + w, n - 1);
    }
    let best = Infinity;
    let at = from;
    const off = gAt - x;
    for (let s = from; s <= to; s++) {
      const v = f[s] + g[off + s];
      if (v < best) {
        best = v;
        at = s;
      }
    }
    out[x] = best;
    if (x < xhi) {
      stack[top] = x + 1; stack[top + 1] = xhi; stack[top + 2] = at; stack[top + 3] = shi;
      top += 4;
    }
    if (xlo < x) {
      stack[top] = xlo; stack[top + 1] = x - 1; stack[top + 2] = slo; stack[top + 3] = at;
      top += 4;
    }
  }
}

/** The pending segments of minPlusConvexRow: at most two per level of halving, 32 levels. */
const SEGMENTS = new Int32Array(4 * 2 * 33);

/**
 * min (erode) or max (dilate) over the ball of f(p + k) ± d(k), pixels outside the image ignored:
 * row by row of the ball, each a 1-D min-plus convolution with that row's convex deficit.
 * Dilation is the erosion of −f, negated (the ball is symmetric).
 */
function ballPass(input: Float64Array, width: number, height: number, ball: Ball, erode: boolean): Float64Array {
  const { R, halfWidths, deficits } = ball;
  const side = 2 * R + 1;
  let f = input;
  if (!erode) {
    f = new Float64Array(input.length);
    for (let i = 0; i < f.length; i++) f[i] = 0 - input[i]; // 0 − v, not −v: no −0
  }
  const out = new Float64Array(width * height).fill(Infinity);
  const row = new Float64Array(width);
  const result = new Float64Array(width);
  for (let dy = -R; dy <= R; dy++) {
    const w = halfWidths[dy + R];
    if (w < 0) continue;
    const gStart = (dy + R) * side + R - w; // g[gStart + t + w] = d(t, dy)
    for (let y = Math.max(0, -dy); y < Math.min(height, height - dy); y++) {
      row.set(f.subarray((y + dy) * width, (y + dy + 1) * width));
      minPlusConvexRow(row, width, deficits, gStart, w, result);
      const base = y * width;
      for (let x = 0; x < width; x++) if (result[x] < out[base + x]) out[base + x] = result[x];
    }
  }
  if (!erode) for (let i = 0; i < out.length; i++) out[i] = 0 - out[i];
  return out;
}

/** skimage.restoration.rolling_ball(image, radius) of one slice, before its cast to the input type. */
export function rollingBallErosion(input: ArrayLike<number>, width: number, height: number, radius: number): Float64Array {
  return ballPass(Float64Array.from(input), width, height, ballKernel(radius), true);
}

/** The rolling-ball background of one slice; `light` rolls the ball over the top instead (dark objects). */
export function rollingBallBackground(input: ArrayLike<number>, width: number, height: number, radius: number, light: boolean): Float64Array {
  const ball = ballKernel(radius);
  const f = Float64Array.from(input);
  if (light) for (let i = 0; i < f.length; i++) f[i] = 0 - f[i];
  const bg = ballPass(ballPass(f, width, height, ball, true), width, height, ball, false);
  if (light) for (let i = 0; i < bg.length; i++) bg[i] = 0 - bg[i];
  return bg;
}

/** Background (float32) of every 2-D slice. */
export function rollingBallImage(image: Image, radius: number, light: boolean): Image {
  return mapSlicesFloat(image, 'float32', (v, w, h) => rollingBallBackground(v, w, h, radius, light));
}
