// Whole-image statistics (numpy's min, max, mean and population std over every sample) and pixel
// sizes in micrometres.
import type { PixelSize } from '../core/image';

export interface ImageStats {
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation (numpy's np.std, ddof = 0). */
  std: number;
}

/**
 * min, max, mean and std of all samples, in float64. Sums are compensated (Neumaier) and the variance
 * is the corrected two-pass one, Σ(x - mean)² minus the rounding left in Σ(x - mean), so a large offset
 * (e.g. 10000 ± 0.5) loses no precision. Any NaN sample makes all four NaN, as numpy does.
 */
export function imageStats(data: ArrayLike<number>): ImageStats {
  const n = data.length;
  if (n === 0) return { min: NaN, max: NaN, mean: NaN, std: NaN };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    if (v !== v) return { min: NaN, max: NaN, mean: NaN, std: NaN };
    if (v < min) min = v;
    if (v > max) max = v;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  const mean = (sum + comp) / n;
  let squares = 0;
  let squaresComp = 0;
  let deviations = 0;
  for (let i = 0; i < n; i++) {
    const d = data[i] - mean;
    deviations += d;
    const q = d * d;
    const t = squares + q;
    squaresComp += squares >= q ? squares - t + q : q - t + squares;
    squares = t;
  }
  const variance = Math.max(0, (squares + squaresComp - (deviations * deviations) / n) / n);
  return { min, max, mean, std: Math.sqrt(variance) };
}

/** Micrometres per unit for the length units microscopy files use; undefined for others ('pixel', 'inch'…). */
export function micronsPerUnit(unit: string): number | undefined {
  const u = unit.trim().toLowerCase();
  if (['µm', 'μm', 'um', 'micron', 'microns', 'micrometer', 'micrometers', 'micrometre', 'micrometres'].includes(u)) return 1;
  if (['nm', 'nanometer', 'nanometers', 'nanometre', 'nanometres'].includes(u)) return 1e-3;
  if (['mm', 'millimeter', 'millimeters', 'millimetre', 'millimetres'].includes(u)) return 1e3;
  if (['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres'].includes(u)) return 1e4;
  if (['m', 'meter', 'meters', 'metre', 'metres'].includes(u)) return 1e6;
  if (['\u00E5', '\u212B', 'angstrom', 'angstroms'].includes(u)) return 1e-4; // Å as letter or sign
  if (['pm', 'picometer', 'picometers', 'picometre', 'picometres'].includes(u)) return 1e-6;
  return undefined;
}

/** The pixel size in µm, or undefined when unknown or in a unit that is not a length unit. */
export function pixelSizeInMicrons(size: PixelSize | undefined): { x: number; y: number } | undefined {
  if (!size) return undefined;
  const f = micronsPerUnit(size.unit);
  if (f === undefined || !(size.x > 0) || !(size.y > 0)) return undefined;
  return { x: size.x * f, y: size.y * f };
}
