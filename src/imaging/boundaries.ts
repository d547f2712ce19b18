// Object outlines of a 2-D label plane, as skimage.segmentation.find_boundaries (connectivity 1,
// background 0). Pixels beyond the image edge count as copies of the edge (scipy's 'reflect' border of
// the grey dilation/erosion skimage uses), so the image edge itself is never an outline.

export type BoundaryMode = 'thick' | 'inner' | 'outer';

/**
 * 1 where a pixel is on an outline:
 * - thick: some 4-neighbour has another label (2 px wide: both sides of every edge);
 * - inner: thick and inside an object (the objects' own edge pixels);
 * - outer: thick and in the background, or in an object that has a different object among its 8
 *   neighbours (so touching objects are still divided).
 */
export function findBoundaries(labels: ArrayLike<number>, width: number, height: number, mode: BoundaryMode): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = labels[i];
      const thick =
        (x > 0 && labels[i - 1] !== v) ||
        (x < width - 1 && labels[i + 1] !== v) ||
        (y > 0 && labels[i - width] !== v) ||
        (y < height - 1 && labels[i + width] !== v);
      if (!thick) continue;
      if (mode === 'thick') out[i] = 1;
      else if (mode === 'inner') out[i] = v !== 0 ? 1 : 0;
      else out[i] = v === 0 || touchesOtherObject(labels, width, height, x, y, v) ? 1 : 0;
    }
  }
  return out;
}

function touchesOtherObject(labels: ArrayLike<number>, width: number, height: number, x: number, y: number, v: number): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    const yy = y + dy;
    if (yy < 0 || yy >= height) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx;
      if (xx < 0 || xx >= width) continue;
      const w = labels[yy * width + xx];
      if (w !== 0 && w !== v) return true;
    }
  }
  return false;
}
