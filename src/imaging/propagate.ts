// Seeded propagation (Jones, Carpenter & Golland 2005, as CellProfiler's IdentifySecondaryObjects
// "Propagation"): every pixel of the mask takes the label of the seed it is "closest" to, where a path
// costs, per step between 8-neighbours p → q, sqrt(D² + λ·|p − q|²): D the sum over the 3 × 3 windows
// around p and q of |I(p + d) − I(q + d)| (CellProfiler's intensity difference, edge pixels
// replicated) and |p − q|² = 1 or 2. λ small follows intensity edges, λ large approaches the plain
// nearest-seed (Voronoi) split. Dijkstra's algorithm on the watershed heap: equal costs go to the
// pixel queued first. Seeds are labelled whether or not the mask covers them.
import { WatershedHeap } from './watershed';

export function propagateLabels(
  seeds: ArrayLike<number>, image: ArrayLike<number>, mask: ArrayLike<number> | undefined,
  width: number, height: number, lambda: number,
): Uint32Array {
  return propagate(seeds, image, mask, width, height, lambda).labels;
}

/**
 * The propagation with each pixel's path cost from its seed (Infinity where none reaches). On a constant
 * image with λ = 1 the cost is the shortest path length through the mask in steps of 1 and √2
 * (CellProfiler measures distance from an object's centre this way).
 */
export function propagate(
  seeds: ArrayLike<number>, image: ArrayLike<number>, mask: ArrayLike<number> | undefined,
  width: number, height: number, lambda: number,
): { labels: Uint32Array; cost: Float64Array } {
  const n = width * height;
  const out = new Uint32Array(n);
  const cost = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  const heap = new WatershedHeap(Math.max(1000, n >> 2));
  const at = (y: number, x: number) =>
    image[Math.min(Math.max(y, 0), height - 1) * width + Math.min(Math.max(x, 0), width - 1)];
  let age = 0;
  for (let i = 0; i < n; i++) {
    if (!seeds[i]) continue;
    out[i] = seeds[i];
    cost[i] = 0;
    heap.push(0, age++, i, i);
  }
  while (heap.items > 0) {
    const top = heap.pop();
    const p = heap.index[top];
    const c = heap.value[top];
    if (done[p] || c > cost[p]) continue;
    done[p] = 1;
    const py = (p / width) | 0;
    const px = p - py * width;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (dy === 0 && dx === 0) continue;
        const qy = py + dy;
        const qx = px + dx;
        if (qy < 0 || qy >= height || qx < 0 || qx >= width) continue;
        const q = qy * width + qx;
        if (done[q] || (mask && !mask[q] && !seeds[q])) continue;
        let d = 0;
        for (let wy = -1; wy <= 1; wy++) for (let wx = -1; wx <= 1; wx++) d += Math.abs(at(py + wy, px + wx) - at(qy + wy, qx + wx));
        const next = c + Math.sqrt(d * d + lambda * (dx * dx + dy * dy));
        if (next < cost[q]) {
          cost[q] = next;
          if (!seeds[q]) out[q] = out[p];
          heap.push(next, age++, q, p);
        }
      }
    }
  }
  return { labels: out, cost };
}
