// Zernike shape features of each object of a 2-D label image, as CellProfiler's MeasureObjectSizeShape
// computes them (AreaShape_Zernike_n_m; centrosome's zernike.py: zernike, construct_zernike_polynomials,
// score_zernike):
// - the object's minimum enclosing circle (centre c, radius r) over its pixel centres;
// - each pixel centre p mapped into the unit disk: (x, y) = (p − c) / r, ρ² = x² + y²;
// - for each (n, m) with 0 ≤ m ≤ n ≤ degree and n − m even, the Zernike polynomial
//   V_nm = R_nm(ρ) e^{imθ}, with the radial polynomial R_nm(ρ) = Σ_k c_k ρ^(n−2k) and its integer
//   coefficients c_k = (−1)^k (n−k)! / (k! ((n+m)/2 − k)! ((n−m)/2 − k)!), evaluated as centrosome does:
//   Horner's scheme in ρ² for R_nm(ρ)/ρ^m, times (x + iy)^m (whose modulus is ρ^m);
// - the feature: |Σ over the object's pixels of V_nm| / (π r²), the modulus of the sum divided by the
//   area of the enclosing circle in pixels (not by the object's area, and without the (n + 1)/π factor of
//   the textbook Zernike moment). A filled disk gives zernike_0_0 ≈ 1 and the others ≈ 0.
// The modulus makes every feature invariant to rotations and mirror images of the object, and the
// enclosing circle makes it invariant to translation and (up to pixelisation) scale. centrosome writes
// the polynomial with y + ix instead of x + iy, which changes the phase of the sum, never its modulus.
//
// Differences from CellProfiler: centrosome also zeroes the term of pixels with ρ² > 1. Every pixel
// centre lies in the enclosing circle, so only pixels exactly on it can get there, by a rounding error
// in the last bit of the centre and radius, which depends on the order of centrosome's arithmetic (and on
// the object's position in the image). Here every pixel counts. Where CellProfiler loses such a pixel,
// its feature differs by up to 1/(π r²) per pixel lost. A single-pixel object has r = 0: NaN, as in
// centrosome (0/0).
import { minEnclosingCircle } from './min-enclosing-circle';
import type { ObjectPixels } from './object-pixels';

/** (n, m) for n = 0..degree and m = n mod 2, n mod 2 + 2, …, n: centrosome's get_zernike_indexes(degree + 1). */
export function zernikeIndexes(degree: number): [number, number][] {
  const out: [number, number][] = [];
  for (let n = 0; n <= degree; n++) for (let m = n % 2; m <= n; m += 2) out.push([n, m]);
  return out;
}

function binomial(a: number, b: number): number {
  let r = 1;
  // each partial product r·(a − b + i)/i is itself a binomial coefficient: an integer, so exact
  for (let i = 1; i <= b; i++) r = (r * (a - b + i)) / i;
  return r;
}

/**
 * The integer coefficients of the radial polynomial R_nm: c[k] multiplies ρ^(n − 2k), k = 0..(n − m)/2.
 * (n − k)! / (k! ((n+m)/2 − k)! ((n−m)/2 − k)!) = C(n − k, k) · C(n − 2k, (n − m)/2 − k).
 */
export function radialCoefficients(n: number, m: number): number[] {
  if (!Number.isInteger(n) || !Number.isInteger(m) || m < 0 || m > n || (n - m) % 2) {
    throw new Error(`radialCoefficients: need integers 0 ≤ m ≤ n with n − m even, got n = ${n}, m = ${m}`);
  }
  const half = (n - m) / 2;
  return Array.from({ length: half + 1 }, (_, k) => (k % 2 ? -1 : 1) * binomial(n - k, k) * binomial(n - 2 * k, half - k));
}

export interface ZernikeFeatures {
  /** (n, m) of each column, in zernikeIndexes order. */
  indexes: [number, number][];
  /** One array per (n, m), one value per object (objects.present order). */
  values: Float64Array[];
}

/**
 * The enclosing circle's candidates: the first and last pixel of each row (every other pixel lies on
 * the segment between them, so inside any circle containing both), relative to the object's first pixel.
 */
function rowEnds(pixels: Int32Array, from: number, to: number, width: number, x0: number, y0: number): number[] {
  const out: number[] = [];
  let row = -1;
  let last = -1;
  for (let q = from; q < to; q++) {
    const p = pixels[q];
    const y = (p / width) | 0;
    if (y !== row) {
      if (last >= 0) out.push(last - row * width - x0, row - y0);
      out.push(p - y * width - x0, y - y0);
      row = y;
    }
    last = p;
  }
  out.push(last - row * width - x0, row - y0);
  return out;
}

export function zernikeFeatures(width: number, objects: ObjectPixels, degree: number): ZernikeFeatures {
  const indexes = zernikeIndexes(degree);
  const count = objects.present.length;
  const values = indexes.map(() => new Float64Array(count));
  const coefficients = indexes.map(([n, m]) => radialCoefficients(n, m));
  const ms = Int32Array.from(indexes, ([, m]) => m);
  const re = new Float64Array(indexes.length);
  const im = new Float64Array(indexes.length);
  const powRe = new Float64Array(degree + 1);
  const powIm = new Float64Array(degree + 1);
  const { pixels, start } = objects;
  for (let s = 0; s < count; s++) {
    // coordinates relative to the object's first pixel (an integer shift): the same numbers wherever
    // the object sits in the image, so the features are exactly translation invariant
    const first = pixels[start[s]];
    const y0 = (first / width) | 0;
    const x0 = first - y0 * width;
    const circle = minEnclosingCircle(rowEnds(pixels, start[s], start[s + 1], width, x0, y0));
    const r = circle.radius;
    if (!(r > 0)) {
      for (const column of values) column[s] = NaN;
      continue;
    }
    re.fill(0);
    im.fill(0);
    for (let q = start[s]; q < start[s + 1]; q++) {
      const p = pixels[q];
      const y = (p / width) | 0;
      const x = (p - y * width - x0 - circle.x) / r;
      const yy = (y - y0 - circle.y) / r;
      const rho2 = x * x + yy * yy;
      powRe[0] = 1;
      powIm[0] = 0;
      for (let m = 1; m <= degree; m++) {
        powRe[m] = powRe[m - 1] * x - powIm[m - 1] * yy;
        powIm[m] = powRe[m - 1] * yy + powIm[m - 1] * x;
      }
      for (let f = 0; f < indexes.length; f++) {
        const c = coefficients[f];
        let radial = c[0];
        for (let k = 1; k < c.length; k++) radial = radial * rho2 + c[k];
        re[f] += radial * powRe[ms[f]];
        im[f] += radial * powIm[ms[f]];
      }
    }
    const area = Math.PI * r * r;
    for (let f = 0; f < indexes.length; f++) values[f][s] = Math.sqrt(re[f] * re[f] + im[f] * im[f]) / area;
  }
  return { indexes, values };
}
