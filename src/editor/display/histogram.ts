// A display histogram (for the threshold node's preview): `bins` equal bins from min to max of the
// data, NaN ignored. Display only; thresholds are computed by the node itself.
export interface Histogram {
  counts: Uint32Array;
  min: number;
  max: number;
}

export function displayHistogram(data: ArrayLike<number>, bins = 128): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Uint32Array(bins);
  if (!(max >= min)) return { counts, min: 0, max: 1 };
  const width = max > min ? (max - min) / bins : 1;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v !== v) continue;
    counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
  }
  return { counts, min, max };
}
