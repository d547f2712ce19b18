// The pixels of every object of a label image, grouped by object (a counting sort by label):
// object k (labels ascending) owns pixels[start[k] .. start[k + 1]), in raster order.

export interface ObjectPixels {
  /** Label values present, ascending. */
  present: Uint32Array;
  /** k → first index into `pixels`; length present.length + 1. */
  start: Int32Array;
  /** Flat (row-major) pixel indices. */
  pixels: Int32Array;
}

export function objectPixels(labels: ArrayLike<number>): ObjectPixels {
  const counts = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) if (labels[i]) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  const present = Uint32Array.from(counts.keys()).sort();
  const slot = new Map<number, number>();
  const start = new Int32Array(present.length + 1);
  present.forEach((v, k) => {
    slot.set(v, k);
    start[k + 1] = start[k] + counts.get(v)!;
  });
  const fill = start.slice(0, present.length);
  const pixels = new Int32Array(start[present.length]);
  for (let i = 0; i < labels.length; i++) if (labels[i]) pixels[fill[slot.get(labels[i])!]++] = i;
  return { present, start, pixels };
}
