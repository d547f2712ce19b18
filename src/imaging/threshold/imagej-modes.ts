// ImageJ's (Fiji Auto Threshold's) histogram-shape and moment methods on a 256-bin histogram, each
// returning the level k (objects are bins > k), following ImageJ 1.x's AutoThresholder:
// - Default: ImageJ's "IJ_IsoData" (Ridler & Calvard iterative intermeans) after capping a dominant
//   mode at 1.5 × the second-highest bin; the extreme bins 0 and 255 are ignored;
// - Intermodes (Prewitt & Mendelsohn 1966): smooth with a 3-bin mean until exactly two peaks remain;
//   the threshold is midway between them;
// - MinError(I) (Kittler & Illingworth 1986): iterate the minimum-error quadratic from the mean;
// - Moments (Tsai 1985): preserve the first three moments in a two-level image;
// - Percentile (Doyle 1962): the level closest to half of the pixels below it.
import { occupiedRange } from './imagej-histogram';

/** ImageJ's original IsoData: the first level where the mean of the two class means no longer lies above it. */
function ijIsoData(histogram: Float64Array): number {
  const data = Float64Array.from(histogram);
  const top = data.length - 1;
  data[0] = 0;
  data[top] = 0;
  let min = 0;
  while (data[min] === 0 && min < top) min++;
  let max = top;
  while (data[max] === 0 && max > 0) max--;
  if (min >= max) return data.length / 2;
  let moving = min;
  let result: number;
  do {
    let sum1 = 0, sum2 = 0, sum3 = 0, sum4 = 0;
    for (let i = min; i <= moving; i++) {
      sum1 += i * data[i];
      sum2 += data[i];
    }
    for (let i = moving + 1; i <= max; i++) {
      sum3 += i * data[i];
      sum4 += data[i];
    }
    result = (sum1 / sum2 + sum3 / sum4) / 2;
    moving++;
  } while (moving + 1 <= result && moving < max - 1);
  return Math.floor(result + 0.5); // Java's Math.round
}

export function imagejDefault(counts: Float64Array): number {
  const data = Float64Array.from(counts);
  let mode = 0;
  let maxCount = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] > maxCount) {
      maxCount = data[i];
      mode = i;
    }
  }
  let second = 0;
  for (let i = 0; i < data.length; i++) if (data[i] > second && i !== mode) second = data[i];
  if (maxCount > second * 2 && second !== 0) data[mode] = Math.trunc(second * 1.5);
  return ijIsoData(data);
}

/** Exactly two strict local maxima. */
function isBimodal(y: Float64Array): boolean {
  let modes = 0;
  for (let k = 1; k < y.length - 1; k++) {
    if (y[k - 1] < y[k] && y[k + 1] < y[k] && ++modes > 2) return false;
  }
  return modes === 2;
}

/** One pass of the 3-bin running mean, zeros beyond both ends. */
function smooth3(y: Float64Array): void {
  let previous = 0;
  let current = 0;
  let next = y[0];
  for (let i = 0; i < y.length - 1; i++) {
    previous = current;
    current = next;
    next = y[i + 1];
    y[i] = (previous + current + next) / 3;
  }
  y[y.length - 1] = (current + next) / 3;
}

/** Intermodes on the occupied bins; −1 when 10000 smoothings leave more or fewer than two peaks. */
export function intermodes(counts: Float64Array): number {
  const [first, last] = occupiedRange(counts);
  const hist = counts.slice(first, last + 1);
  for (let iter = 0; !isBimodal(hist); iter++) {
    if (iter >= 10000) return -1;
    smooth3(hist);
  }
  let sum = 0;
  for (let i = 1; i < hist.length - 1; i++) if (hist[i - 1] < hist[i] && hist[i + 1] < hist[i]) sum += i;
  return Math.floor(sum / 2) + first;
}

export function imagejMean(counts: Float64Array): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    total += counts[i];
    sum += i * counts[i];
  }
  return Math.floor(sum / total);
}

/** MinError(I). Sums are exact (ImageJ's 32-bit integer products can overflow on large images). */
export function minError(counts: Float64Array): number {
  const n = counts.length;
  const A = new Float64Array(n), B = new Float64Array(n), C = new Float64Array(n);
  let a = 0, b = 0, c = 0;
  for (let i = 0; i < n; i++) {
    A[i] = a += counts[i];
    B[i] = b += i * counts[i];
    C[i] = c += i * i * counts[i];
  }
  const at = (arr: Float64Array, j: number) => arr[Math.min(j, n - 1)];
  let threshold = imagejMean(counts);
  let previous = -2;
  // ImageJ iterates until the level repeats; a cap guards against a 2-cycle
  for (let iter = 0; threshold !== previous && iter < 1000; iter++) {
    const t = threshold;
    const mu = at(B, t) / at(A, t);
    const nu = (B[n - 1] - at(B, t)) / (A[n - 1] - at(A, t));
    const p = at(A, t) / A[n - 1];
    const q = (A[n - 1] - at(A, t)) / A[n - 1];
    const sigma2 = at(C, t) / at(A, t) - mu * mu;
    const tau2 = (C[n - 1] - at(C, t)) / (A[n - 1] - at(A, t)) - nu * nu;
    const w0 = 1 / sigma2 - 1 / tau2;
    const w1 = mu / sigma2 - nu / tau2;
    const w2 = (mu * mu) / sigma2 - (nu * nu) / tau2 + Math.log10((sigma2 * (q * q)) / (tau2 * (p * p)));
    const sqterm = w1 * w1 - w0 * w2;
    if (sqterm < 0) return threshold; // the next level would be imaginary
    previous = threshold;
    const next = (w1 + Math.sqrt(sqterm)) / w0;
    threshold = Number.isNaN(next) ? previous : Math.floor(next);
  }
  return threshold;
}

export function moments(counts: Float64Array): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const histo = Float64Array.from(counts, (c) => c / total);
  const m0 = 1;
  let m1 = 0, m2 = 0, m3 = 0;
  for (let i = 0; i < histo.length; i++) {
    m1 += i * histo[i];
    m2 += i * i * histo[i];
    m3 += i * i * i * histo[i];
  }
  const cd = m0 * m2 - m1 * m1;
  const c0 = (-m2 * m2 + m1 * m3) / cd;
  const c1 = (m0 * -m3 + m2 * m1) / cd;
  const z0 = 0.5 * (-c1 - Math.sqrt(c1 * c1 - 4 * c0));
  const z1 = 0.5 * (-c1 + Math.sqrt(c1 * c1 - 4 * c0));
  const p0 = (z1 - m1) / (z1 - z0); // fraction of the darker class
  let sum = 0;
  for (let i = 0; i < histo.length; i++) {
    sum += histo[i];
    if (sum > p0) return i;
  }
  return -1;
}

export function percentile(counts: Float64Array, fraction = 0.5): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  let best = -1;
  let closest = 1;
  let partial = 0;
  for (let i = 0; i < counts.length; i++) {
    partial += counts[i];
    const distance = Math.abs(partial / total - fraction);
    if (distance < closest) {
      closest = distance;
      best = i;
    }
  }
  return best;
}
