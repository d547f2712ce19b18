// Marker-based watershed of a 2-D image, as skimage.segmentation.watershed (scikit-image 0.19.3):
// pixels are flooded from the markers in order of increasing image value through a binary heap;
// equal values are taken in order of insertion ("age", markers first), with the same heap as
// skimage's heap_general.pxi so that ties resolve identically. Without compactness a pixel takes
// the label of the pixel that first pushed it (labelled at push time, skimage's fast path).
// Neighbours, in skimage's order: connectivity 1 = up, left, right, down; connectivity 2 adds
// up-left, up-right, down-left, down-right. Pixels outside the mask are never flooded; the image
// edge is a wall (skimage pads the mask with zeros).

export type WatershedConnectivity = 1 | 2;

export interface WatershedOptions {
  /** 1: edge neighbours (4-connected); 2: also diagonal ones (8-connected). Default 1, as skimage. */
  connectivity?: WatershedConnectivity;
  /** Only pixels where mask != 0 are labelled; markers outside the mask are dropped. */
  mask?: ArrayLike<number>;
  /** skimage's compact watershed: value + compactness × Euclidean distance to the pixel's marker. */
  compactness?: number;
}

/** A binary min-heap of (value, age, index, source), ordered by value, then age: heap_general.pxi. Also used by propagate.ts. */
export class WatershedHeap {
  value: Float64Array;
  age: Float64Array;
  index: Int32Array;
  source: Int32Array;
  items = 0;

  constructor(space: number) {
    this.value = new Float64Array(space);
    this.age = new Float64Array(space);
    this.index = new Int32Array(space);
    this.source = new Int32Array(space);
  }

  private smaller(a: number, b: number): boolean {
    const va = this.value[a];
    const vb = this.value[b];
    if (va !== vb) return va < vb;
    return this.age[a] < this.age[b];
  }

  private swap(a: number, b: number): void {
    const { value, age, index, source } = this;
    let t = value[a]; value[a] = value[b]; value[b] = t;
    t = age[a]; age[a] = age[b]; age[b] = t;
    t = index[a]; index[a] = index[b]; index[b] = t;
    t = source[a]; source[a] = source[b]; source[b] = t;
  }

  private grow(): void {
    const space = this.value.length * 2;
    const value = new Float64Array(space); value.set(this.value); this.value = value;
    const age = new Float64Array(space); age.set(this.age); this.age = age;
    const index = new Int32Array(space); index.set(this.index); this.index = index;
    const source = new Int32Array(space); source.set(this.source); this.source = source;
  }

  push(value: number, age: number, index: number, source: number): void {
    if (this.items === this.value.length) this.grow();
    let child = this.items++;
    this.value[child] = value;
    this.age[child] = age;
    this.index[child] = index;
    this.source[child] = source;
    while (child > 0) {
      const parent = ((child + 1) >> 1) - 1;
      if (!this.smaller(child, parent)) break;
      this.swap(parent, child);
      child = parent;
    }
  }

  /** Removes the top item; its fields are left in slot `items` (read them right after). */
  pop(): number {
    this.items -= 1;
    const last = this.items;
    if (last === 0) return 0;
    this.swap(0, last);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      if (l >= last) break;
      let smallest = i;
      if (this.smaller(l, i)) smallest = l;
      if (r < last && this.smaller(r, smallest)) smallest = r;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
    return last;
  }
}

const DY = [-1, 0, 0, 1, -1, -1, 1, 1];
const DX = [0, -1, 1, 0, -1, 1, -1, 1];

/**
 * Labels every pixel reachable from a marker (markers: 0 = none, else the label to spread) within
 * the mask, flooding `image` from low to high values. Returns a new label image (0 = unreached).
 */
export function watershed(
  image: ArrayLike<number>,
  markers: ArrayLike<number>,
  width: number,
  height: number,
  options: WatershedOptions = {},
): Uint32Array {
  const n = width * height;
  if (image.length !== n || markers.length !== n) {
    throw new Error(`watershed: image and markers must hold ${width}×${height} samples`);
  }
  const { mask, compactness = 0 } = options;
  if (mask && mask.length !== n) throw new Error(`watershed: mask must hold ${width}×${height} samples`);
  const nNeighbors = (options.connectivity ?? 1) === 2 ? 8 : 4;
  const compact = compactness > 0;
  const output = new Uint32Array(n);
  const heap = new WatershedHeap(Math.max(1000, n >> 2));
  // float64 as skimage converts the image; markers in raster order, all of age 0
  for (let i = 0; i < n; i++) {
    const m = markers[i];
    if (m === 0 || (mask && !mask[i])) continue;
    output[i] = m;
    heap.push(image[i], 0, i, i);
  }
  let age = 1;
  while (heap.items > 0) {
    const top = heap.pop();
    const index = heap.index[top];
    const source = heap.source[top];
    if (compact) {
      // a pixel may be pushed twice; only its first pop counts
      if (output[index] && index !== source) continue;
      output[index] = output[source];
    }
    const y = (index / width) | 0;
    const x = index - y * width;
    const sy = (source / width) | 0;
    const sx = source - sy * width;
    for (let k = 0; k < nNeighbors; k++) {
      const ny = y + DY[k];
      const nx = x + DX[k];
      if (ny < 0 || ny >= height || nx < 0 || nx >= width) continue;
      const j = ny * width + nx;
      if (mask && !mask[j]) continue;
      if (output[j]) continue;
      age += 1;
      let value = image[j];
      if (compact) value += compactness * Math.sqrt((ny - sy) * (ny - sy) + (nx - sx) * (nx - sx));
      else output[j] = output[index];
      heap.push(value, age, j, source);
    }
  }
  return output;
}
