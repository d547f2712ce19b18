// Test-only: the references written by scripts/reference/preprocess.py (skimage 0.19.3 / SciPy 1.10).
import { readFileSync } from 'node:fs';
import { createImage, dtypeOf, type Image, type PixelArray } from '../core/image';
import { readNpy } from '../testing/npy';
import { referencePath } from '../testing/paths';

export interface ReferenceCase {
  source: string;
  out: string;
  [param: string]: unknown;
}

let manifest: Record<string, ReferenceCase[]> | undefined;

/** The cases of one kernel, e.g. referenceCases('median'). */
export function referenceCases(kernel: string): ReferenceCase[] {
  manifest ??= JSON.parse(readFileSync(referencePath('preprocess', 'manifest.json'), 'utf8')) as Record<string, ReferenceCase[]>;
  const cases = manifest[kernel];
  if (!cases?.length) throw new Error(`no reference cases for ${kernel}`);
  return cases;
}

function asPixels(data: ReturnType<typeof readNpy>['data']): PixelArray {
  if (data instanceof Int8Array || data instanceof BigInt64Array) throw new Error('unsupported reference dtype');
  return data;
}

/**
 * A .npy under test-data/reference/preprocess as an Image: (h, w) is one slice, (c, h, w) channels,
 * (h, w, 3) an RGB image (moved to channel-planar).
 */
export function loadReferenceImage(rel: string): Image {
  const npy = readNpy(referencePath('preprocess', rel));
  const data = asPixels(npy.data);
  const dtype = dtypeOf(data);
  if (npy.shape.length === 2) return createImage({ width: npy.shape[1], height: npy.shape[0] }, dtype, data);
  if (npy.shape.length === 3 && npy.shape[2] === 3 && npy.shape[0] > 3) {
    const [height, width] = npy.shape;
    const planar = data.slice(0, 0) as PixelArray;
    const out = new (planar.constructor as new (n: number) => PixelArray)(data.length);
    for (let i = 0; i < width * height; i++) for (let c = 0; c < 3; c++) out[c * width * height + i] = data[i * 3 + c];
    return createImage({ width, height, channels: 3 }, dtype, out);
  }
  const [channels, height, width] = npy.shape;
  return createImage({ width, height, channels }, dtype, data);
}

export const loadSource = (name: string): Image => loadReferenceImage(`sources/${name}.npy`);

/** Largest |a − b| / max(|b|, floor) over all samples, with the index where it happens. */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>, floor = 1): { error: number; at: number } {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  let error = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const b = expected[i];
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    const e = Math.abs(a - b) / Math.max(Math.abs(b), floor);
    if (!(e <= error)) { error = e; at = i; }
  }
  return { error, at };
}

/** Number of samples that differ (for exact integer comparisons). */
export function countDifferences(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  let n = 0;
  for (let i = 0; i < expected.length; i++) if (actual[i] !== expected[i]) n++;
  return n;
}

/** The largest |value| of an array, for errors relative to an image's scale. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** Four different 128×128 uint8 slices (blobs, DNA and their inverses), for per-slice stack tests. */
export function fourSlicesU8(): Image[] {
  const blobs = loadSource('blobs_u8');
  const dna = loadSource('dna_u8');
  const inverse = (img: Image) => createImage(img, 'uint8', Uint8Array.from(img.data, (v) => 255 - v));
  return [blobs, dna, inverse(blobs), inverse(dna)];
}
