// Colocalisation of two channels over a set of pixels (CellProfiler MeasureColocalization):
// - Pearson's correlation coefficient of the two intensities (scipy.stats.pearsonr; NaN when either
//   channel is constant);
// - Manders' coefficients with thresholds: t1 = fraction × max(I1), t2 = fraction × max(I2) over the
//   pixels; M1 = Σ I1 over pixels with I1 > t1 and I2 > t2, divided by Σ I1 over pixels with I1 > t1;
//   M2 likewise with the channels swapped (CellProfiler's definition; NaN when the denominator is 0).

export interface Colocalization {
  pearson: number;
  m1: number;
  m2: number;
}

export function colocalization(a: ArrayLike<number>, b: ArrayLike<number>, pixels: ArrayLike<number>, fraction: number): Colocalization {
  const n = pixels.length;
  if (n === 0) return { pearson: NaN, m1: NaN, m2: NaN };
  let sa = 0, sb = 0, maxA = -Infinity, maxB = -Infinity;
  for (let k = 0; k < n; k++) {
    const p = pixels[k];
    sa += a[p];
    sb += b[p];
    if (a[p] > maxA) maxA = a[p];
    if (b[p] > maxB) maxB = b[p];
  }
  const ma = sa / n;
  const mb = sb / n;
  let saa = 0, sbb = 0, sab = 0;
  for (let k = 0; k < n; k++) {
    const p = pixels[k];
    const da = a[p] - ma;
    const db = b[p] - mb;
    saa += da * da;
    sbb += db * db;
    sab += da * db;
  }
  const pearson = saa > 0 && sbb > 0 ? Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb))) : NaN;
  const ta = fraction * maxA;
  const tb = fraction * maxB;
  let aAbove = 0, bAbove = 0, aBoth = 0, bBoth = 0;
  for (let k = 0; k < n; k++) {
    const p = pixels[k];
    const inA = a[p] > ta;
    const inB = b[p] > tb;
    if (inA) aAbove += a[p];
    if (inB) bAbove += b[p];
    if (inA && inB) {
      aBoth += a[p];
      bBoth += b[p];
    }
  }
  return { pearson, m1: aAbove > 0 ? aBoth / aAbove : NaN, m2: bAbove > 0 ? bBoth / bAbove : NaN };
}
