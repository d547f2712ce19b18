// Shrink every label by a distance without merging or touching its neighbours: a labelled pixel keeps
// its label when its exact Euclidean distance to the nearest pixel of any *other* value (background or
// another label) is greater than `distance`; otherwise it becomes background. The image edge is not
// background (as binary erosion with border_value 1), so objects cut by the edge do not shrink from it.
// Equivalently, per label L: distance_transform_edt(labels == L) > distance. Computed per object on its
// bounding box grown by ⌈distance⌉ + 1, which holds every pixel that could be that close.
import { distanceTransformEdt } from './distance-transform';

export function shrinkLabels(labels: Uint32Array, width: number, height: number, distance: number): Uint32Array {
  const out = new Uint32Array(labels.length);
  let max = 0;
  for (const v of labels) if (v > max) max = v;
  const minX = new Int32Array(max + 1).fill(width), maxX = new Int32Array(max + 1).fill(-1);
  const minY = new Int32Array(max + 1).fill(height), maxY = new Int32Array(max + 1).fill(-1);
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) {
      const v = labels[p];
      if (v === 0) continue;
      if (x < minX[v]) minX[v] = x;
      if (x > maxX[v]) maxX[v] = x;
      if (y < minY[v]) minY[v] = y;
      if (y > maxY[v]) maxY[v] = y;
    }
  }
  const grow = Math.ceil(Math.max(0, distance)) + 1;
  for (let v = 1; v <= max; v++) {
    if (maxX[v] < 0) continue;
    const x0 = Math.max(0, minX[v] - grow), x1 = Math.min(width - 1, maxX[v] + grow);
    const y0 = Math.max(0, minY[v] - grow), y1 = Math.min(height - 1, maxY[v] + grow);
    const w = x1 - x0 + 1, h = y1 - y0 + 1;
    const fg = new Uint8Array(w * h);
    let hasOther = false;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const inside = labels[(y + y0) * width + x + x0] === v;
        fg[y * w + x] = inside ? 1 : 0;
        if (!inside) hasOther = true;
      }
    }
    const dist = hasOther ? distanceTransformEdt(fg, w, h) : undefined;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (fg[y * w + x] && (!dist || dist[y * w + x] > distance)) out[(y + y0) * width + x + x0] = v;
      }
    }
  }
  return out;
}
