// numpy.percentile(values, p) with the default 'linear' method (NumPy 1.24), NaN ignored.

/**
 * Sorted copy of the finite-or-infinite (non-NaN) values. Integer samples up to 16 bits are counted
 * and float32 ones radix-sorted (both give exactly what sort() gives): on a 2048² frame 20–40 ms
 * instead of ~250 ms for a comparison sort of 4 million values.
 */
export function sortedValues(values: ArrayLike<number>): Float64Array {
  if (values instanceof Uint8Array || values instanceof Uint16Array || values instanceof Int8Array || values instanceof Int16Array) {
    return countingSorted(values);
  }
  const sorted = values instanceof Float32Array ? Float64Array.from(sortFloat32(values)) : Float64Array.from(values).sort(); // NaN sorts last
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1])) n--;
  return sorted.subarray(0, n);
}

function countingSorted(values: Uint8Array | Uint16Array | Int8Array | Int16Array): Float64Array {
  const offset = values instanceof Int8Array ? 128 : values instanceof Int16Array ? 32768 : 0;
  const counts = new Uint32Array(values instanceof Uint8Array || values instanceof Int8Array ? 256 : 65536);
  for (let i = 0; i < values.length; i++) counts[values[i] + offset]++;
  const sorted = new Float64Array(values.length);
  let at = 0;
  for (let v = 0; v < counts.length; v++) {
    const end = at + counts[v];
    if (end > at) sorted.fill(v - offset, at, end);
    at = end;
  }
  return sorted;
}

/**
 * A sorted copy of float32 values, ordered as Float32Array.prototype.sort orders them (−0 before +0,
 * NaN last), by a two-pass LSD radix sort on their bits mapped to unsigned order.
 */
export function sortFloat32(values: Float32Array): Float32Array {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, n);
  let keys = new Uint32Array(n);
  let kept = 0;
  let nans = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) nans++;
    else {
      const u = bits[i];
      keys[kept++] = u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0; // negatives reversed, below positives
    }
  }
  let other = new Uint32Array(n);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < kept; i++) counts[((keys[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 1; b < counts.length; b++) counts[b] += counts[b - 1];
    for (let i = 0; i < kept; i++) other[counts[(keys[i] >>> shift) & 0xffff]++] = keys[i];
    [keys, other] = [other, keys];
  }
  const out = new Float32Array(n);
  const outBits = new Uint32Array(out.buffer);
  for (let i = 0; i < kept; i++) {
    const k = keys[i];
    outBits[i] = k & 0x80000000 ? (k & 0x7fffffff) >>> 0 : ~k >>> 0;
  }
  out.fill(NaN, kept, kept + nans);
  return out;
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
