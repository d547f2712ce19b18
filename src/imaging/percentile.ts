// numpy.percentile(values, p) with the default 'linear' method (NumPy 1.24), NaN ignored.

/** Sorted copy of the finite-or-infinite (non-NaN) values. */
export function sortedValues(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).sort(); // NaN sorts last
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1])) n--;
  return sorted.subarray(0, n);
}

/**
 * The p-th percentile (0..100) of sorted values: virtual index (n − 1)·p/100 between two samples,
 * NumPy's _lerp (from the upper sample when the fraction is ≥ 0.5). `float32` rounds the difference
 * of the two samples as NumPy does for a float32 array.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number, float32 = false): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const virtual = (n - 1) * (p / 100);
  const prev = Math.min(Math.max(Math.floor(virtual), 0), n - 1);
  const next = Math.min(prev + 1, n - 1);
  const gamma = virtual - Math.floor(virtual);
  const a = sorted[prev];
  const b = sorted[next];
  const diff = float32 ? Math.fround(b - a) : b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
