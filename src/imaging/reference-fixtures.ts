// Test-only: loads the reference outputs written by scripts/reference/filters.py
// (test-data/reference/filters) as cellgraph images, masks and labels.
import { readFileSync } from 'node:fs';
import { createImage, createLabels, createMask, dtypeOf, type Image, type Labels, type Mask, type PixelArray } from '../core/image';
import { readNpy, type NpyArray } from '../testing/npy';
import { referencePath } from '../testing/paths';

export const THRESHOLD_METHODS_REF = ['otsu', 'li', 'triangle', 'yen', 'isodata', 'mean'] as const;
export type RefMethod = (typeof THRESHOLD_METHODS_REF)[number];

export interface SegCase {
  case: string;
  source: string;
  sigma: number | null;
  method: RefMethod;
  threshold: number;
  min_area: number;
  max_area: number;
  count4: number;
  count8: number;
  count_filtered: number;
  holes_filled: number;
  mask: string;
  filled: string;
  labels4: string;
  labels8: string;
  filtered: string;
}

export interface FiltersManifest {
  sources: Record<string, { file: string; dtype: string; shape: number[] }>;
  gaussian: { source: string; sigma: number; file: string }[];
  hist: { name: string; counts: string; centers: string }[];
  seg: SegCase[];
}

export type ThresholdValues = Partial<Record<RefMethod, number | null>> & Record<string, unknown>;
export interface ThresholdsJson {
  raw: Record<string, ThresholdValues>;
  blurred: Record<string, ThresholdValues>;
  pipeline: Record<string, ThresholdValues & { source: string; sigma: number }>;
  tiny: Record<string, ThresholdValues & { dtype: string; rows: number[][] }>;
}

const path = (rel: string) => referencePath('filters', rel);
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(path(rel), 'utf8')) as T;

export const manifest = readJson<FiltersManifest>('manifest.json');
export const thresholdsJson = readJson<ThresholdsJson>('thresholds.json');

export function npy(rel: string): NpyArray {
  return readNpy(path(rel));
}

/** A 2-D (h, w) or 3-D (planes, h, w) array as an image with one channel. */
export function imageFromNpy(arr: NpyArray): Image {
  const [planes, height, width] = arr.shape.length === 3 ? arr.shape : [1, ...arr.shape];
  const data = arr.data as PixelArray;
  return createImage({ width, height, planes }, dtypeOf(data), data);
}

export const sourceImage = (name: string): Image => imageFromNpy(npy(manifest.sources[name].file));

export function maskFromNpy(rel: string): Mask {
  const arr = npy(rel);
  const [height, width] = arr.shape;
  return createMask({ width, height }, arr.data as Uint8Array);
}

export function labelsFromNpy(rel: string): Labels {
  const arr = npy(rel);
  const [height, width] = arr.shape;
  return createLabels({ width, height }, Uint32Array.from(arr.data as Uint16Array));
}

/** Number of samples where a and b differ, and the largest relative difference. */
export function compareArrays(actual: ArrayLike<number>, expected: ArrayLike<number>): { differ: number; maxRel: number } {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} != ${expected.length}`);
  let differ = 0;
  let maxRel = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === expected[i]) continue;
    differ++;
    const rel = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-30);
    if (rel > maxRel) maxRel = rel;
  }
  return { differ, maxRel };
}
