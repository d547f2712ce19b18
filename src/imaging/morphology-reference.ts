// Test-only: the references written by scripts/reference/morphology.py (skimage 0.19.3 / SciPy 1.10).
import { readFileSync } from 'node:fs';
import { createImage, createLabels, createMask, dtypeOf, type Image, type Labels, type Mask, type PixelArray } from '../core/image';
import { readNpy } from '../testing/npy';
import { referencePath } from '../testing/paths';
import type { ReferenceCase } from './preprocess-reference';

let manifest: Record<string, ReferenceCase[]> | undefined;

/** The cases of one kernel, e.g. morphologyCases('grey_erode'). */
export function morphologyCases(kernel: string): ReferenceCase[] {
  manifest ??= JSON.parse(readFileSync(referencePath('morphology', 'manifest.json'), 'utf8')) as Record<string, ReferenceCase[]>;
  const cases = manifest[kernel];
  if (!cases?.length) throw new Error(`no morphology reference cases for ${kernel}`);
  return cases;
}

function load2d(rel: string): { width: number; height: number; data: PixelArray } {
  const npy = readNpy(referencePath('morphology', rel));
  if (npy.shape.length !== 2) throw new Error(`${rel}: expected a 2-D array`);
  if (npy.data instanceof BigInt64Array) throw new Error(`${rel}: unsupported dtype`);
  const data = npy.data instanceof Int8Array ? Uint8Array.from(npy.data) : npy.data;
  return { width: npy.shape[1], height: npy.shape[0], data };
}

/** A reference array as an image of its own dtype (bool arrays read as uint8). */
export function morphologyImage(rel: string): Image {
  const { width, height, data } = load2d(rel);
  return createImage({ width, height }, dtypeOf(data), data);
}

export function morphologyMask(rel: string): Mask {
  const { width, height, data } = load2d(rel);
  return createMask({ width, height }, Uint8Array.from(data));
}

export function morphologyLabels(rel: string): Labels {
  const { width, height, data } = load2d(rel);
  return createLabels({ width, height }, Uint32Array.from(data));
}

/** The input of a case: sources/<name>.npy. */
export const morphologySource = (name: string): Image => morphologyImage(`sources/${name}.npy`);
