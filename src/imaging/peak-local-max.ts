// Local maxima of a 2-D image, as skimage.feature.peak_local_max (scikit-image 0.19.3):
// 1. a pixel is a candidate when it equals the maximum over the footprint around it
//    (scipy.ndimage.maximum_filter, mode 'constant': outside the image counts as 0) and exceeds the
//    threshold (threshold_abs, default the image minimum; raised to threshold_rel × image maximum);
//    an image (or object) where every pixel is a candidate has no peaks, except isolated pixels;
// 2. candidates are taken from the highest down (NumPy's unstable argsort, reproduced, so ties come in
//    skimage's order) and one is dropped when it lies closer than min_distance (Chebyshev distance,
//    p_norm = inf) to one already kept.
// With `labels`, each object (bounding-box crop, pixels of other objects at -1.8e308) is searched on
// its own, so every object gets its own peaks and neighbours do not suppress each other. exclude_border
// zeroes a band of that width at the image edge (of the labels, in the per-object mode, as skimage).
import { numpyArgsort } from './numpy-argsort';

/** A square, odd-sized boolean footprint centred on the pixel. */
export interface Footprint {
  size: number;
  data: Uint8Array;
}

export interface PeakOptions {
  /** Minimal Chebyshev distance between kept peaks; also sets the default square footprint 2·d + 1. */
  minDistance: number;
  footprint?: Footprint;
  thresholdAbs?: number;
  thresholdRel?: number;
  /** Width of the image-edge band where no peak is searched (skimage's exclude_border as an int). */
  excludeBorder?: number;
  /** Object labels (0 = background): peaks are searched per object. */
  labels?: ArrayLike<number>;
}

export function squareFootprint(radius: number): Footprint {
  const size = 2 * radius + 1;
  return { size, data: new Uint8Array(size * size).fill(1) };
}

/** Pixels within Euclidean distance `radius` of the centre (skimage.morphology.disk). */
export function diskFootprint(radius: number): Footprint {
  const size = 2 * radius + 1;
  const data = new Uint8Array(size * size);
  for (let y = -radius; y <= radius; y++) {
    for (let x = -radius; x <= radius; x++) if (x * x + y * y <= radius * radius) data[(y + radius) * size + x + radius] = 1;
  }
  return { size, data };
}

/**
 * Row half-widths of a footprint whose rows are runs centred on the middle column (squares, disks):
 * hw[dy + r] = h when the row covers columns −h..h, −1 when empty; undefined for other shapes.
 */
function footprintChords(fp: Footprint): Int32Array | undefined {
  const r = fp.size >> 1;
  const hw = new Int32Array(fp.size).fill(-1);
  for (let y = 0; y < fp.size; y++) {
    let lo = -1;
    let hi = -1;
    for (let x = 0; x < fp.size; x++) if (fp.data[y * fp.size + x]) (lo = lo < 0 ? x : lo), (hi = x);
    if (lo < 0) continue;
    for (let x = lo; x <= hi; x++) if (!fp.data[y * fp.size + x]) return undefined;
    if (lo - r !== -(hi - r)) return undefined;
    hw[y] = hi - r;
  }
  return hw;
}

/** Max over x−h..x+h of each row (0 outside the image: mode 'constant'), van Herk / Gil–Werman, O(n). */
function slidingMaxRows(img: Float64Array, width: number, height: number, h: number, out: Float64Array, g: Float64Array, b: Float64Array): void {
  const k = 2 * h + 1;
  const len = width + 2 * h;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const at = (i: number) => (i < h || i >= h + width ? 0 : img[row + i - h]);
    for (let i = 0; i < len; i++) g[i] = i % k === 0 ? at(i) : Math.max(g[i - 1], at(i));
    for (let i = len - 1; i >= 0; i--) b[i] = i % k === k - 1 || i === len - 1 ? at(i) : Math.max(b[i + 1], at(i));
    for (let x = 0; x < width; x++) out[row + x] = Math.max(b[x], g[x + 2 * h]);
  }
}

/** ndi.maximum_filter(image, footprint, mode='constant', cval=0): O(n·r) for chord footprints. */
export function maximumFilter(img: Float64Array, width: number, height: number, fp: Footprint): Float64Array {
  const r = fp.size >> 1;
  const out = new Float64Array(width * height).fill(-Infinity);
  const chords = footprintChords(fp);
  if (!chords) {
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        if (!fp.data[(dy + r) * fp.size + dx + r]) continue;
        for (let y = 0; y < height; y++) {
          const yy = y + dy;
          for (let x = 0; x < width; x++) {
            const xx = x + dx;
            const v = yy < 0 || yy >= height || xx < 0 || xx >= width ? 0 : img[yy * width + xx];
            if (v > out[y * width + x]) out[y * width + x] = v;
          }
        }
      }
    }
    return out;
  }
  const rowMax = new Float64Array(width * height);
  const g = new Float64Array(width + 2 * r);
  const b = new Float64Array(width + 2 * r);
  for (const h of new Set(chords)) {
    if (h < 0) continue;
    slidingMaxRows(img, width, height, h, rowMax, g, b);
    for (let dy = -r; dy <= r; dy++) {
      if (chords[dy + r] !== h) continue;
      for (let y = 0; y < height; y++) {
        const yy = y + dy;
        const outRow = y * width;
        if (yy < 0 || yy >= height) {
          for (let x = 0; x < width; x++) if (out[outRow + x] < 0) out[outRow + x] = Math.max(out[outRow + x], 0);
          continue;
        }
        const src = yy * width;
        for (let x = 0; x < width; x++) if (rowMax[src + x] > out[outRow + x]) out[outRow + x] = rowMax[src + x];
      }
    }
  }
  return out;
}

/** mask XOR binary_opening(mask) with the 4-connected cross, border value 0: pixels opening removes. */
function isolatedPixels(mask: Uint8Array, width: number, height: number): Uint8Array {
  const at = (m: Uint8Array, y: number, x: number) => (y < 0 || y >= height || x < 0 || x >= width ? 0 : m[y * width + x]);
  const eroded = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      eroded[y * width + x] =
        at(mask, y, x) && at(mask, y - 1, x) && at(mask, y + 1, x) && at(mask, y, x - 1) && at(mask, y, x + 1) ? 1 : 0;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const opened =
        at(eroded, y, x) || at(eroded, y - 1, x) || at(eroded, y + 1, x) || at(eroded, y, x - 1) || at(eroded, y, x + 1);
      out[y * width + x] = mask[y * width + x] !== (opened ? 1 : 0) ? 1 : 0;
    }
  }
  return out;
}

/** skimage's _get_peak_mask: candidates of one image (or object crop, `objectMask` its pixels). */
function peakMask(img: Float64Array, width: number, height: number, fp: Footprint, threshold: number, objectMask?: Uint8Array): Uint8Array {
  const n = width * height;
  const out = new Uint8Array(n);
  if (fp.size === 1 || n === 1) {
    for (let i = 0; i < n; i++) out[i] = img[i] > threshold ? 1 : 0;
    return out;
  }
  const max = maximumFilter(img, width, height, fp);
  let trivial = true;
  for (let i = 0; i < n; i++) {
    out[i] = img[i] === max[i] ? 1 : 0;
    if (!out[i] && (!objectMask || objectMask[i])) trivial = false;
  }
  if (trivial) {
    out.fill(0);
    if (objectMask) out.set(isolatedPixels(objectMask, width, height));
  }
  for (let i = 0; i < n; i++) if (!(img[i] > threshold)) out[i] = 0;
  return out;
}

/** skimage's _get_high_intensity_peaks + ensure_spacing: flat indices, highest first, spaced. */
function spacedPeaks(img: Float64Array, width: number, candidates: Uint8Array, minDistance: number): number[] {
  const coords: number[] = [];
  for (let i = 0; i < candidates.length; i++) if (candidates[i]) coords.push(i);
  const negated = new Float64Array(coords.length);
  for (let k = 0; k < coords.length; k++) negated[k] = -img[coords[k]];
  const order = numpyArgsort(negated);
  const kept: number[] = [];
  // accepted peaks bucketed on a grid of cell size minDistance: only neighbouring cells can be too close
  const cell = Math.max(1, minDistance);
  const buckets = new Map<number, number[]>();
  const key = (cy: number, cx: number) => cy * 1_000_003 + cx;
  for (let k = 0; k < order.length; k++) {
    const i = coords[order[k]];
    const y = (i / width) | 0;
    const x = i - y * width;
    const cy = Math.floor(y / cell);
    const cx = Math.floor(x / cell);
    let close = false;
    for (let by = cy - 1; by <= cy + 1 && !close; by++) {
      for (let bx = cx - 1; bx <= cx + 1 && !close; bx++) {
        for (const j of buckets.get(key(by, bx)) ?? []) {
          const jy = (j / width) | 0;
          const jx = j - jy * width;
          if (Math.max(Math.abs(jy - y), Math.abs(jx - x)) < minDistance) {
            close = true;
            break;
          }
        }
      }
    }
    if (close) continue;
    kept.push(i);
    const bucket = buckets.get(key(cy, cx));
    if (bucket) bucket.push(i);
    else buckets.set(key(cy, cx), [i]);
  }
  return kept;
}

function thresholdOf(image: ArrayLike<number>, options: PeakOptions): number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < image.length; i++) {
    if (image[i] < min) min = image[i];
    if (image[i] > max) max = image[i];
  }
  let t = options.thresholdAbs ?? min;
  if (options.thresholdRel !== undefined) t = Math.max(t, options.thresholdRel * max);
  return t;
}

/** Peaks as flat (row-major) indices, in skimage's output order. */
export function peakLocalMax(image: ArrayLike<number>, width: number, height: number, options: PeakOptions): Int32Array {
  const n = width * height;
  if (image.length !== n) throw new Error(`peakLocalMax: image must hold ${width}×${height} samples`);
  const minDistance = options.minDistance;
  const fp = options.footprint ?? squareFootprint(minDistance);
  if (fp.size % 2 !== 1 || fp.data.length !== fp.size * fp.size) throw new Error('peakLocalMax: footprint must be square and odd-sized');
  const border = options.excludeBorder ?? 0;
  const threshold = thresholdOf(image, options);
  const inBorder = (y: number, x: number) => y < border || y >= height - border || x < border || x >= width - border;
  const labels = options.labels;
  if (!labels) {
    const img = Float64Array.from(image);
    const cand = peakMask(img, width, height, fp, threshold);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (inBorder(y, x)) cand[y * width + x] = 0;
    return Int32Array.from(spacedPeaks(img, width, cand, minDistance));
  }
  if (labels.length !== n) throw new Error(`peakLocalMax: labels must hold ${width}×${height} samples`);
  // bounding boxes of the labels outside the border band (ndi.find_objects of the border-cleared labels)
  let maxLabel = 0;
  for (let i = 0; i < n; i++) if (labels[i] > maxLabel) maxLabel = labels[i];
  const y0 = new Int32Array(maxLabel + 1).fill(height);
  const x0 = new Int32Array(maxLabel + 1).fill(width);
  const y1 = new Int32Array(maxLabel + 1).fill(-1);
  const x1 = new Int32Array(maxLabel + 1).fill(-1);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const l = labels[i];
      if (l === 0 || inBorder(y, x)) continue;
      if (y < y0[l]) y0[l] = y;
      if (y > y1[l]) y1[l] = y;
      if (x < x0[l]) x0[l] = x;
      if (x > x1[l]) x1[l] = x;
    }
  }
  const out: number[] = [];
  const background = -Number.MAX_VALUE; // np.finfo(float64).min
  for (let l = 1; l <= maxLabel; l++) {
    if (y1[l] < 0) continue;
    const w = x1[l] - x0[l] + 1;
    const h = y1[l] - y0[l] + 1;
    const crop = new Float64Array(w * h);
    const objectMask = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (y0[l] + y) * width + x0[l] + x;
        const inside = labels[i] === l;
        objectMask[y * w + x] = inside ? 1 : 0;
        crop[y * w + x] = inside ? image[i] : background;
      }
    }
    const cand = peakMask(crop, w, h, fp, threshold, objectMask);
    for (const c of spacedPeaks(crop, w, cand, minDistance)) {
      const cy = (c / w) | 0;
      out.push((y0[l] + cy) * width + x0[l] + (c - cy * w));
    }
  }
  return Int32Array.from(out);
}
