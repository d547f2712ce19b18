// Rolling-ball background (Sternberg 1983; ImageJ's Process › Subtract Background without its
// shrinking and smoothing): a ball of radius r rolls under the intensity surface; the background is
// the highest surface the ball reaches. Computed as a grey opening with the ball's height profile as a
// non-flat structuring function, in float64:
//   erosion  e(p) = min over |k| ≤ r of f(p + k) + d(k),  d(k) = r − √(r² − |k|²)   (ball apex at p)
//   opening  b(p) = max over |k| ≤ r of e(p + k) − d(k)                              (union of balls)
// Pixels beyond the image border are ignored. The erosion alone is exactly what
// skimage.restoration.rolling_ball (0.19) returns: skimage reports the apex height of the ball centred at
// each pixel, not the union of the balls, so its background sits lower than ImageJ's around peaks.
// Cost grows with r²: about π r² operations per pixel for each of the two passes.
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

/** min (erode) or max (dilate) over the ball of f(p + k) ± d(k), pixels outside the image ignored. */
function ballPass(f: Float64Array, width: number, height: number, ball: Ball, erode: boolean): Float64Array {
  const { R, halfWidths, deficits } = ball;
  const side = 2 * R + 1;
  const out = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let best = erode ? Infinity : -Infinity;
      for (let dy = -R; dy <= R; dy++) {
        const yy = y + dy;
        const w = halfWidths[dy + R];
        if (yy < 0 || yy >= height || w < 0) continue;
        const row = yy * width;
        const drow = (dy + R) * side + R;
        const x0 = Math.max(-w, -x);
        const x1 = Math.min(w, width - 1 - x);
        for (let dx = x0; dx <= x1; dx++) {
          const d = deficits[drow + dx];
          if (erode) {
            const v = f[row + x + dx] + d;
            if (v < best) best = v;
          } else {
            const v = f[row + x + dx] - d;
            if (v > best) best = v;
          }
        }
      }
      out[y * width + x] = best;
    }
  }
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
  if (light) for (let i = 0; i < f.length; i++) f[i] = -f[i];
  const bg = ballPass(ballPass(f, width, height, ball, true), width, height, ball, false);
  if (light) for (let i = 0; i < bg.length; i++) bg[i] = -bg[i];
  return bg;
}

/** Background (float32) of every 2-D slice. */
export function rollingBallImage(image: Image, radius: number, light: boolean): Image {
  return mapSlicesFloat(image, 'float32', (v, w, h) => rollingBallBackground(v, w, h, radius, light));
}
