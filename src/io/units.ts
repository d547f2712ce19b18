// Length units as microscopy files spell them, and pixel sizes in µm.
import type { PixelSize } from '../core/image';
import { unescapeUnicode } from './ascii-text';

/** µm spelled with the micro sign (U+00B5), as ImageJ and OME write it. */
export const MICRON = '\u00B5m';

const ALIASES: Record<string, string> = {
  micron: MICRON, microns: MICRON, micrometer: MICRON, micrometers: MICRON, micrometre: MICRON,
  micrometres: MICRON, um: MICRON, '\u00B5m': MICRON, '\u03BCm': MICRON,
  nm: 'nm', nanometer: 'nm', nanometers: 'nm', nanometre: 'nm', nanometres: 'nm',
  mm: 'mm', millimeter: 'mm', millimeters: 'mm', millimetre: 'mm', millimetres: 'mm',
  cm: 'cm', centimeter: 'cm', centimeters: 'cm', centimetre: 'cm', centimetres: 'cm',
  m: 'm', meter: 'm', meters: 'm', metre: 'm', metres: 'm',
  pm: 'pm', picometer: 'pm', picometre: 'pm',
  '\u00C5': '\u00C5', '\u212B': '\u00C5', angstrom: '\u00C5', angstroms: '\u00C5',
  pixel: 'pixel', pixels: 'pixel', px: 'pixel', inch: 'inch', inches: 'inch', in: 'inch',
};

const MICRONS_PER: Record<string, number> = {
  pm: 1e-6, '\u00C5': 1e-4, nm: 1e-3, [MICRON]: 1, mm: 1e3, cm: 1e4, m: 1e6,
};


/** 'micron', 'um', '\u00B5m', 'μm' (Greek mu) … → 'µm'; other known lengths to their symbol; else as given. */
export function normalizeUnit(raw: string): string {
  const text = unescapeUnicode(raw).trim();
  return ALIASES[text] ?? ALIASES[text.toLowerCase()] ?? text;
}

/** A length in µm, or undefined when the unit is not a known length unit. */
export function toMicrons(value: number, unit: string): number | undefined {
  const factor = MICRONS_PER[normalizeUnit(unit)];
  if (factor === undefined) return undefined;
  return factor === 1 ? value : roundFloat(value * factor);
}

const usable = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && v > 0;

/**
 * A pixel size from per-axis values and units. Known lengths are converted to µm; a size in
 * 'pixel' or 'inch' (an uncalibrated image, or a screen resolution) is no pixel size at all; any
 * other unit is kept as written when x and y share it.
 */
export function makePixelSize(
  x: { value?: number; unit: string },
  y: { value?: number; unit: string },
  z?: { value?: number; unit: string },
): PixelSize | undefined {
  if (!usable(x.value) || !usable(y.value)) return undefined;
  const ux = normalizeUnit(x.unit);
  if (ux === 'pixel' || ux === 'inch' || ux === '') return undefined;
  const mx = toMicrons(x.value, x.unit);
  const my = toMicrons(y.value, y.unit);
  if (mx !== undefined && my !== undefined) {
    const mz = z && usable(z.value) ? toMicrons(z.value, z.unit) : undefined;
    return { x: mx, y: my, ...(mz !== undefined ? { z: mz } : {}), unit: MICRON };
  }
  if (normalizeUnit(y.unit) !== ux) return undefined;
  const zSame = z && usable(z.value) && normalizeUnit(z.unit) === ux ? { z: z.value } : {};
  return { x: x.value, y: y.value, ...zSame, unit: ux };
}

/** Drops the binary noise of a unit conversion (94.1 nm → 0.09410000000000001 µm → 0.0941). */
function roundFloat(v: number): number {
  return Number(v.toPrecision(12));
}
