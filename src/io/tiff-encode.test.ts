// TIFF out: encodeTiff round-trips every dtype, planes and channels, pixel size and description
// through decodeTiff; labels/masks are written as Fiji and tifffile expect; the committed files in
// test-data/tiff/written (checked with tifffile and tiffinfo by scripts/check-written-tiffs.py) are
// exactly what the encoder writes today.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocPixels, createImage, createLabels, createMask, DTYPES, type DType } from '../core/image';
import { REPO_ROOT } from '../testing/paths';
import { decodeTiff, encodeTiff } from './tiff';
import { expectedSamples, writtenFixtures } from './tiff-encode-fixtures';
import { rationalOfInverse } from './tiff-encode';
import { MICRON } from './units';

const decode = (bytes: Uint8Array) => decodeTiff(bytes, 'written.tif', { maxPixels: 2 ** 28 });

/** Values that probe each type's range: extremes, zero, negatives, fractions. */
function probeValues(dtype: DType, n: number) {
  const data = allocPixels(dtype, n);
  const special: Record<DType, number[]> = {
    uint8: [0, 255, 1, 128], uint16: [0, 65535, 1, 256], uint32: [0, 2 ** 32 - 1, 1, 65536],
    int16: [-32768, 32767, -1, 0], int32: [-(2 ** 31), 2 ** 31 - 1, -1, 0],
    float32: [-0, Infinity, -3.25, 1e-40], float64: [1e-300, -1e300, Math.PI, -0],
  };
  for (let i = 0; i < n; i++) data[i] = special[dtype][i] ?? (i * 37) % 200;
  return data;
}

describe('encodeTiff → decodeTiff', () => {
  it.each(DTYPES)('%s, 2 planes × 3 channels, exactly', (dtype) => {
    const image = createImage({ width: 5, height: 4, planes: 2, channels: 3 }, dtype, probeValues(dtype, 120));
    const back = decode(encodeTiff(image));
    expect({ ...back, meta: undefined }).toEqual({ ...image, meta: undefined });
    for (let i = 0; i < 120; i++) expect(Object.is(back.data[i], image.data[i])).toBe(true);
  });

  it('keeps the pixel size (x, y, z in µm), the plane axis and a description', () => {
    const image = createImage({ width: 3, height: 2, planes: 4 }, 'uint16', undefined, {
      pixelSize: { x: 0.0941, y: 0.2, z: 0.4, unit: MICRON }, extra: { planeAxis: 't', frameInterval: '2.5' },
    });
    const back = decode(encodeTiff(image, { description: 'from "cellgraph"\nsecond line, µ' }));
    expect(back.meta.pixelSize).toEqual({ x: 0.0941, y: 0.2, z: 0.4, unit: MICRON });
    expect(back.meta.extra.planeAxis).toBe('t');
    expect(back.meta.extra.frameInterval).toBe('2.5');
    expect(back.meta.extra.description).toBe('from "cellgraph"\nsecond line, µ');
  });

  it('writes labels as uint16 below 65536 objects, else uint32, and masks as 0/255', () => {
    const small = decode(encodeTiff(createLabels({ width: 3, height: 1 }, Uint32Array.from([0, 7, 65535]))));
    expect(small.dtype).toBe('uint16');
    expect(Array.from(small.data)).toEqual([0, 7, 65535]);
    const large = decode(encodeTiff(createLabels({ width: 3, height: 1 }, Uint32Array.from([0, 65536, 2 ** 32 - 1]))));
    expect(large.dtype).toBe('uint32');
    expect(Array.from(large.data)).toEqual([0, 65536, 2 ** 32 - 1]);
    const mask = decode(encodeTiff(createMask({ width: 2, height: 2 }, Uint8Array.from([1, 0, 0, 1]))));
    expect(Array.from(mask.data)).toEqual([255, 0, 0, 255]);
  });

  it('finds the shortest rational for a pixel size', () => {
    expect(rationalOfInverse(0.0941)).toEqual([10000, 941]);
    expect(rationalOfInverse(0.25)).toEqual([4, 1]);
    const [n, d] = rationalOfInverse(0.4151329234864357);
    expect(d / n).toBe(0.4151329234864357);
  });
});

describe('the encoder output that tifffile was checked against', () => {
  const folder = join(REPO_ROOT, 'test-data', 'tiff', 'written');
  const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { file: string }[];

  it.each(writtenFixtures().map((f) => [f.name, f] as const))('%s is byte-identical to the committed file', (name, f) => {
    expect(expected.map((e) => e.file)).toContain(name);
    const committed = new Uint8Array(readFileSync(join(folder, name)));
    const now = encodeTiff(f.raster, f.options);
    // if this fails, the encoder changed: rerun scripts/make-written-tiffs.mjs and check-written-tiffs.py
    expect(Buffer.from(now).equals(Buffer.from(committed))).toBe(true);
    expect(Array.from(decode(committed).data)).toEqual(Array.from(expectedSamples(f)));
  });
});
