// ImageJ's (Fiji Auto Threshold's) entropy-based methods on a 256-bin histogram, each returning the
// level k (objects are bins > k), following the published definitions as ImageJ 1.x's
// AutoThresholder implements them (M. E. Celebi's formulations, ported by G. Landini):
// - Huang & Wang 1995: minimise the fuzzy entropy (Shannon's function) of membership
//   1 / (1 + |i − μ_class| / (last − first));
// - MaxEntropy (Kapur, Sahoo & Wong 1985): maximise the sum of the two classes' entropies;
// - RenyiEntropy (Kapur et al.): Rényi entropies of order 0.5, 1 and 2, combined as in Sahoo 1997;
// - Shanbhag 1994: minimise |information measure of background − of objects|.
import { cumulativeProbabilities, entropyRange, occupiedRange } from './imagej-histogram';

export function huang(counts: Float64Array): number {
  const n = counts.length;
  const [first, last] = occupiedRange(counts);
  const term = 1 / (last - first);
  // class means: mu0[t] of bins first..t, mu1[t] of bins t+1..last
  const mu0 = new Float64Array(n);
  const mu1 = new Float64Array(n);
  let sum = 0;
  let num = 0;
  for (let i = first; i < n; i++) {
    sum += i * counts[i];
    num += counts[i];
    mu0[i] = sum / num;
  }
  sum = 0;
  num = 0;
  for (let i = last; i > 0; i--) {
    sum += i * counts[i];
    num += counts[i];
    mu1[i - 1] = sum / num;
  }
  const fuzzy = (i: number, mu: number) => {
    const m = 1 / (1 + term * Math.abs(i - mu));
    return m < 1e-6 || m > 0.999999 ? 0 : -m * Math.log(m) - (1 - m) * Math.log(1 - m);
  };
  let best = -1;
  let minEntropy = Number.MAX_VALUE;
  for (let t = 0; t < n; t++) {
    let entropy = 0;
    for (let i = 0; i <= t; i++) if (counts[i] !== 0) entropy += counts[i] * fuzzy(i, mu0[t]);
    for (let i = t + 1; i < n; i++) if (counts[i] !== 0) entropy += counts[i] * fuzzy(i, mu1[t]);
    if (entropy < minEntropy) {
      minEntropy = entropy;
      best = t;
    }
  }
  return best;
}

/** Kapur's criterion over first..last; `initial` is the starting maximum (ImageJ differs between callers). */
function kapur(counts: Float64Array, initialMax: number, initialLevel: number): number {
  const { p, p1, p2 } = cumulativeProbabilities(counts);
  const [first, last] = entropyRange(p1, p2);
  let best = initialLevel;
  let max = initialMax;
  for (let t = first; t <= last; t++) {
    let back = 0;
    for (let i = 0; i <= t; i++) if (counts[i] !== 0) back -= (p[i] / p1[t]) * Math.log(p[i] / p1[t]);
    let obj = 0;
    for (let i = t + 1; i < counts.length; i++) if (counts[i] !== 0) obj -= (p[i] / p2[t]) * Math.log(p[i] / p2[t]);
    if (max < back + obj) {
      max = back + obj;
      best = t;
    }
  }
  return best;
}

export function maxEntropy(counts: Float64Array): number {
  return kapur(counts, Number.MIN_VALUE, -1);
}

/** Sahoo's weighted combination of the three entropies' levels, before ImageJ truncates it to an integer. */
export function renyiCombination(counts: Float64Array): number {
  const { p, p1, p2 } = cumulativeProbabilities(counts);
  const [first, last] = entropyRange(p1, p2);
  const order = (alpha: number): number => {
    const term = 1 / (1 - alpha);
    let best = 0;
    let max = 0;
    for (let t = first; t <= last; t++) {
      let back = 0;
      let obj = 0;
      if (alpha === 0.5) {
        for (let i = 0; i <= t; i++) back += Math.sqrt(p[i] / p1[t]);
        for (let i = t + 1; i < p.length; i++) obj += Math.sqrt(p[i] / p2[t]);
      } else {
        for (let i = 0; i <= t; i++) back += (p[i] * p[i]) / (p1[t] * p1[t]);
        for (let i = t + 1; i < p.length; i++) obj += (p[i] * p[i]) / (p2[t] * p2[t]);
      }
      const total = term * (back * obj > 0 ? Math.log(back * obj) : 0);
      if (total > max) {
        max = total;
        best = t;
      }
    }
    return best;
  };
  const sorted = [order(0.5), kapur(counts, 0, 0), order(2)].sort((a, b) => a - b);
  const [t1, t2, t3] = sorted;
  let beta: [number, number, number];
  if (Math.abs(t1 - t2) <= 5) beta = Math.abs(t2 - t3) <= 5 ? [1, 2, 1] : [0, 1, 3];
  else beta = Math.abs(t2 - t3) <= 5 ? [3, 1, 0] : [1, 2, 1];
  const omega = p1[t3] - p1[t1];
  return t1 * (p1[t1] + 0.25 * omega * beta[0]) + 0.25 * t2 * omega * beta[1] + t3 * (p2[t3] + 0.25 * omega * beta[2]);
}

export function renyiEntropy(counts: Float64Array): number {
  return Math.trunc(renyiCombination(counts));
}

export function shanbhag(counts: Float64Array): number {
  const { p, p1, p2 } = cumulativeProbabilities(counts);
  const [first, last] = entropyRange(p1, p2);
  let best = -1;
  let min = Number.MAX_VALUE;
  for (let t = first; t <= last; t++) {
    let term = 0.5 / p1[t];
    let back = 0;
    for (let i = 1; i <= t; i++) back -= p[i] * Math.log(1 - term * p1[i - 1]);
    back *= term;
    term = 0.5 / p2[t];
    let obj = 0;
    for (let i = t + 1; i < p.length; i++) obj -= p[i] * Math.log(1 - term * p2[i]);
    obj *= term;
    const total = Math.abs(back - obj);
    if (total < min) {
      min = total;
      best = t;
    }
  }
  return best;
}
