// Test-only: the references written by scripts/reference/stack.py and stack_focus.py
// (test-data/reference/stack, test-data/reference/focus), and the real z-stack they were made from.
import { readFileSync } from 'node:fs';
import { createImage, dtypeOf, type Image, type PixelArray } from '../core/image';
import { decodeImageFile } from '../io/decode';
import { readNpy } from '../testing/npy';
import { imagePath, referencePath } from '../testing/paths';

export const SPOTS_FILE = 'xyz_16bit__spots.ome.tif';

/** test-data/images/xyz_16bit__spots.ome.tif decoded: 17 z-planes of 88 × 89, uint16. */
export function loadSpots(): Image {
  return decodeImageFile(new Uint8Array(readFileSync(imagePath(SPOTS_FILE))), SPOTS_FILE, { maxPixels: 2 ** 28 });
}

export function readReferenceJson<T>(area: 'stack' | 'focus', name: string): T {
  return JSON.parse(readFileSync(referencePath(area, name), 'utf8')) as T;
}

export function referenceArray(area: 'stack' | 'focus', name: string): { shape: number[]; data: PixelArray } {
  const npy = readNpy(referencePath(area, name));
  if (npy.data instanceof Int8Array || npy.data instanceof BigInt64Array) throw new Error(`unsupported dtype in ${name}`);
  return { shape: npy.shape, data: npy.data };
}

/** A (h, w) or (planes, h, w) .npy as a one-channel image. */
export function referenceImage(area: 'stack' | 'focus', name: string): Image {
  const { shape, data } = referenceArray(area, name);
  const [planes, height, width] = shape.length === 3 ? shape : [1, ...shape];
  return createImage({ width, height, planes }, dtypeOf(data), data);
}

/** Indices where a and b differ (NaN equals NaN), at most `limit` of them. */
export function differences(a: ArrayLike<number>, b: ArrayLike<number>, limit = 5): number[] {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  const out: number[] = [];
  for (let i = 0; i < a.length && out.length < limit; i++) {
    if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) out.push(i);
  }
  return out;
}

/** Largest |a − b| (NaN must match NaN, else Infinity). */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const an = a[i] !== a[i];
    const bn = b[i] !== b[i];
    if (an || bn) {
      if (an !== bn) return Infinity;
      continue;
    }
    max = Math.max(max, Math.abs(a[i] - b[i]));
  }
  return max;
}
