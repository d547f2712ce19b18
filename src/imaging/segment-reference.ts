// Test-only: loads the declumping references written by scripts/reference/segment.py (skimage 0.19.3).
import { readFileSync } from 'node:fs';
import { createMask } from '../core/image';
import { readNpy } from '../testing/npy';
import { referencePath } from '../testing/paths';
import { labelComponents } from './label';

export interface TinyCase {
  name: string;
  rows: number[][];
  runs: { min_distance: number; labels: boolean; exclude_border: number; peaks: number[] }[];
  h_maxima: Record<string, number[]>;
  markers: number[][];
  watershed1: number[][];
  watershed2: number[][];
  watershed1_nomask: number[][];
  watershed2_nomask: number[][];
  watershed_compact: number[][];
}

export interface RealRun {
  run: string;
  surface: 'distance' | 'smooth' | 'combined';
  markers: 'peaks' | 'docs' | 'hmax';
  connectivity: 1 | 2;
  min_distance?: number;
  h?: number;
  peaks?: number[];
  h_maxima?: number[];
  count: number;
}

export interface RealCase {
  case: string;
  runs: RealRun[];
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(referencePath('segment', name), 'utf8')) as T;

export const tinyCases = readJson<TinyCase[]>('tiny.json');
export const realCases = readJson<RealCase[]>('cases.json');

export const flatRows = (rows: number[][]): Float64Array => Float64Array.from(rows.flat());

export function loadSegmentArray(name: string): { width: number; height: number; data: ArrayLike<number> } {
  const arr = readNpy(referencePath('segment', name));
  const [height, width] = arr.shape;
  return { width, height, data: arr.data as ArrayLike<number> };
}

/** The surface a reference run floods: distance, the smoothed image, or their product. */
export function referenceSurface(run: RealRun, distance: Float64Array, smooth: ArrayLike<number>): Float64Array {
  if (run.surface === 'distance') return distance;
  if (run.surface === 'smooth') return Float64Array.from(smooth);
  const product = new Float64Array(distance.length);
  for (let i = 0; i < product.length; i++) product[i] = distance[i] * smooth[i];
  return product;
}

/** ndi.label of a set of pixels with skimage's default cross (4-connected) structure, or 8. */
export function labelPixels(indices: ArrayLike<number>, width: number, height: number, connectivity: 4 | 8): Uint32Array {
  const mask = createMask({ width, height });
  for (let k = 0; k < indices.length; k++) mask.data[indices[k]] = 1;
  return labelComponents(mask, connectivity).data;
}
