// Test-only: loads the regionprops references written by scripts/reference/measure.py (skimage 0.19.3).
import { readFileSync } from 'node:fs';
import { readNpy } from '../../testing/npy';
import { referencePath } from '../../testing/paths';
import type { RegionPropName } from '../regionprops';

export const MEASURE_CASES = ['synthetic', 'dsb256', 'dsb512', 'blobs'] as const;
export type MeasureCase = (typeof MEASURE_CASES)[number];

export interface MeasureFixture {
  width: number;
  height: number;
  labels: Uint32Array;
  /** The intensity image as skimage got it (uint8, uint16 or float32). */
  intensity: Uint8Array | Uint16Array | Float32Array;
  expected: Record<RegionPropName, number[]> & {
    /** Equal inertia eigenvalues (a disk): every direction is a principal axis, skimage's angle is arbitrary. */
    orientation_ambiguous: boolean[];
    /** skimage 0.19 took its a == c branch, whose sign is flipped (scikit-image issue #6815). */
    orientation_sign_bug: boolean[];
  };
}

export function loadMeasureFixture(name: MeasureCase): MeasureFixture {
  const labels = readNpy(referencePath('measure', `${name}_labels.npy`));
  const intensity = readNpy(referencePath('measure', `${name}_intensity.npy`));
  const [height, width] = labels.shape;
  if (!(intensity.data instanceof Uint8Array || intensity.data instanceof Uint16Array || intensity.data instanceof Float32Array)) {
    throw new Error(`${name}: unexpected intensity dtype ${intensity.dtype}`);
  }
  const expected = JSON.parse(readFileSync(referencePath('measure', `${name}_props.json`), 'utf8')) as MeasureFixture['expected'];
  return { width, height, labels: Uint32Array.from(labels.data as ArrayLike<number>), intensity: intensity.data, expected };
}

/** |a - b| relative to |b|, or absolute when |b| < 1e-2 (values near zero). */
export function relativeError(actual: number, expected: number): number {
  const diff = Math.abs(actual - expected);
  return Math.abs(expected) < 1e-2 ? diff : diff / Math.abs(expected);
}

/**
 * Orientation error against skimage, in radians: 0 when skimage's angle is arbitrary (disks); against
 * -expected where skimage 0.19 has the ±pi/4 sign bug; and modulo pi, since +pi/2 and -pi/2 are the same
 * axis and skimage's choice between them depends on the sign of a rounding error.
 */
export function orientationError(actual: number, expected: number, ambiguous: boolean, signBug: boolean): number {
  if (ambiguous) return 0;
  const d = Math.abs(actual - (signBug ? -expected : expected)) % Math.PI;
  return Math.min(d, Math.PI - d);
}
