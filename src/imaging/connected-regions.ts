// Connected regions of a 2-D raster by flood fill, numbered 1, 2, … in raster order of each region's
// first pixel (the numbering of skimage.measure.label / scipy.ndimage.label). Used by the morphology
// and watershed kernels for holes, markers and border objects.

/** 1: 4-connected (edges), 2: 8-connected (edges and corners). */
export type Connectivity = 1 | 2;

export interface Regions {
  /** Region number per pixel, 0 outside every region. */
  labels: Int32Array;
  count: number;
  /** Pixel count per region (index 0 unused). */
  sizes: Int32Array;
}

/**
 * Regions of pixels where `inRegion(i)` holds; with `sameValue`, neighbours join only when their
 * `values` are equal (skimage.measure.label on a label image).
 */
export function connectedRegions(
  width: number, height: number, connectivity: Connectivity,
  inRegion: (i: number) => boolean, values?: ArrayLike<number>,
): Regions {
  const n = width * height;
  const labels = new Int32Array(n);
  const stack = new Int32Array(n);
  const sizeList: number[] = [0];
  let count = 0;
  for (let seed = 0; seed < n; seed++) {
    if (labels[seed] !== 0 || !inRegion(seed)) continue;
    const id = ++count;
    const v = values ? values[seed] : 0;
    let top = 0;
    let size = 0;
    stack[top++] = seed;
    labels[seed] = id;
    while (top > 0) {
      const p = stack[--top];
      size++;
      const y = Math.floor(p / width);
      const x = p - y * width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          if ((dx === 0 && dy === 0) || (connectivity === 1 && dx !== 0 && dy !== 0)) continue;
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (labels[q] !== 0 || !inRegion(q) || (values && values[q] !== v)) continue;
          labels[q] = id;
          stack[top++] = q;
        }
      }
    }
    sizeList.push(size);
  }
  return { labels, count, sizes: Int32Array.from(sizeList) };
}
