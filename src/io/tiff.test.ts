// Every TIFF variant that scripts/make-tiff-fixtures.py writes (tifffile and tiffcp: sample
// formats, byte orders, compressions, predictors, strips, tiles, BigTIFF, planes, RGB, ImageJ and
// OME headers) decodes to the shape, dtype, values and pixel size in test-data/tiff/manifest.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../testing/npy';
import { REPO_ROOT } from '../testing/paths';
import { decodeTiff } from './tiff';

const TIFF_DIR = join(REPO_ROOT, 'test-data', 'tiff');

interface ManifestEntry {
  file: string;
  npy: string;
  dtype: string;
  width: number;
  height: number;
  planes: number;
  channels: number;
  pixelSize?: { x: number; y: number; z?: number; unit: string };
  extra?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(TIFF_DIR, 'manifest.json'), 'utf8')) as ManifestEntry[];
const load = (file: string) => decodeTiff(new Uint8Array(readFileSync(join(TIFF_DIR, file))), file, { maxPixels: 2 ** 28 });

/** Compares sample by sample; Object.is so that -0, ±Infinity and NaN must match exactly too. */
function firstDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): string | undefined {
  if (actual.length !== expected.length) return `length ${actual.length}, expected ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) return `sample ${i} is ${actual[i]}, expected ${expected[i]}`;
  }
  return undefined;
}

describe('decodeTiff on every fixture variant', () => {
  it('covers the variants issue 2 lists', () => {
    const names = manifest.map((m) => m.file).join(' ');
    for (const needed of [
      'u8.tif', 'u16_be.tif', 'u32.tif', 'i8.tif', 'i16_be.tif', 'i32.tif', 'f32_be.tif', 'f64.tif',
      'u8_lzw.tif', 'u8_lzw_pred.tif', 'u16_zip.tif', 'u16_deflate32946.tif', 'u8_packbits.tif',
      'u16_strips4_lzw_pred.tif', 'u16_tiles.tif', 'u16_bigtiff_lzw_pred.tif', 'f32_zip_fpred.tif',
      'f32_be_zip_fpred_byhand.tif', 'f64_tiles_zip_fpred.tif', 'stack5_u16.tif', 'rgb8.tif', 'rgb8_planar.tif',
      'rgb16_planar_tiles_zip.tif', 'imagej_tzc.tif', 'ome_zc.ome.tif',
    ]) expect(names).toContain(needed);
    expect(manifest.length).toBeGreaterThanOrEqual(80);
  });

  it.each(manifest.map((m) => [m.file, m] as const))('%s', (file, m) => {
    const image = load(file);
    expect({ width: image.width, height: image.height, planes: image.planes, channels: image.channels, dtype: image.dtype })
      .toEqual({ width: m.width, height: m.height, planes: m.planes, channels: m.channels, dtype: m.dtype });
    const truth = readNpy(join(TIFF_DIR, m.npy));
    expect(truth.shape).toEqual([m.planes, m.channels, m.height, m.width]);
    // int8 is widened to int16, float16 to float32: compare numerically
    const expected = Array.from(truth.data as ArrayLike<number>, Number);
    expect(firstDifference(image.data, expected)).toBeUndefined();
    if (m.pixelSize) {
      const { x, y, z, unit } = image.meta.pixelSize ?? { x: NaN, y: NaN, unit: 'none' };
      expect(unit).toBe(m.pixelSize.unit);
      expect(x).toBeCloseTo(m.pixelSize.x, 12);
      expect(y).toBeCloseTo(m.pixelSize.y, 12);
      if (m.pixelSize.z === undefined) expect(z).toBeUndefined();
      else expect(z).toBeCloseTo(m.pixelSize.z, 12);
    } else {
      expect(image.meta.pixelSize).toBeUndefined();
    }
    for (const [key, value] of Object.entries(m.extra ?? {})) expect(image.meta.extra[key]).toBe(value);
    expect(image.meta.source).toBe(file);
  });
});
