import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createImage, dtypeOf, imageFromRows, type PixelArray } from '../../src/core/image';
import { readNpy } from '../../src/testing/npy';
import { referencePath } from '../../src/testing/paths';
import { runNode } from '../../src/testing/run-node';
import { localThreshold } from './local-threshold';

interface LocalCase { source: string; method: string; block: number; offset?: number; k?: number; r?: number; out: string }
const cases = (JSON.parse(readFileSync(referencePath('threshold', 'manifest.json'), 'utf8')) as { local: LocalCase[] }).local;

describe('local-threshold node', () => {
  it.each(cases)('$out: mask = image > skimage threshold', (c) => {
    const src = readNpy(referencePath('threshold', c.source));
    const data = src.data as PixelArray;
    const image = createImage({ width: src.shape[1], height: src.shape[0] }, dtypeOf(data), data);
    const { offset, k, r } = c;
    const params = { method: c.method, block: c.block, ...(offset !== undefined && { offset }), ...(k !== undefined && { k }), ...(r !== undefined && { r }) };
    const { mask, threshold } = runNode(localThreshold, { image }, params);
    const expected = readNpy(referencePath('threshold', c.out)).data as Float64Array;
    let differ = 0;
    for (let i = 0; i < expected.length; i++) if (mask.data[i] !== (data[i] > expected[i] ? 1 : 0)) differ++;
    expect(differ).toBe(0);
    expect(threshold.data[100]).toBe(Math.fround(expected[100]));
  });

  it('finds a dim spot on a bright ramp that a global threshold cannot', () => {
    const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((y) => [0, 1, 2, 3, 4, 5, 6, 7, 8].map((x) => 10 * x + (x === 2 && y === 4 ? 15 : 0)));
    const { mask } = runNode(localThreshold, { image: imageFromRows(rows) }, { method: 'mean', block: 3, offset: -5 });
    expect(mask.data[4 * 9 + 2]).toBe(1);
    expect(mask.data[4 * 9 + 7]).toBe(0);
    const dark = runNode(localThreshold, { image: imageFromRows(rows) }, { method: 'mean', block: 3, offset: -5, objects: 'dark' }).mask;
    expect(dark.data[4 * 9 + 2]).toBe(0);
  });

  interface FloorCase { source: string; floor: string; objects: string; block: number; out: string; global: number; threshold_at_centre: number }
  const floorCases = JSON.parse(readFileSync(referencePath('segment', 'local_floor', 'cases.json'), 'utf8')) as FloorCase[];
  it.each(floorCases)('block 0 (automatic), floor $floor, $objects: as skimage on $source', (c) => {
    const src = readNpy(referencePath('segment', 'local_floor', c.source));
    const [height, width] = src.shape;
    const image = createImage({ width, height }, 'float32', src.data as Float32Array);
    const { mask, threshold } = runNode(localThreshold, { image }, { method: 'gaussian', block: 0, floor: c.floor, objects: c.objects });
    const expected = readNpy(referencePath('segment', 'local_floor', c.out)).data;
    let differ = 0;
    for (let i = 0; i < expected.length; i++) if (mask.data[i] !== expected[i]) differ++;
    expect(differ).toBe(0);
    expect(threshold.data[(height >> 1) * width + (width >> 1)]).toBe(Math.fround(c.threshold_at_centre));
    // the automatic block is the one skimage was given
    const fixed = runNode(localThreshold, { image }, { method: 'gaussian', block: c.block, floor: c.floor, objects: c.objects });
    expect(Array.from(fixed.threshold.data)).toEqual(Array.from(threshold.data));
  });

  it('block 0 is about two object diameters; the floor keeps flat background out', () => {
    // one disk of radius 3 (value 100) on a background of 10 with ±1 noise, in 24 × 24 px
    const rows = Array.from({ length: 24 }, (_, y) => Array.from({ length: 24 }, (_, x) => ((x - 6) ** 2 + (y - 6) ** 2 <= 9 ? 100 : 10 + ((x * 7 + y * 3) % 3) - 1)));
    // uint8: Otsu's histogram has one bin per value (a float image's 256 bins would put 11 above a bin centre)
    const image = createImage({ width: 24, height: 24 }, 'uint8', Uint8Array.from(rows.flat()));
    // the disk's largest distance to the background is √10 (centre (6, 6) to (7, 9)): block 2·round(2·3.16) + 1 = 13
    const auto = runNode(localThreshold, { image }, { method: 'gaussian', block: 0 });
    const b13 = runNode(localThreshold, { image }, { method: 'gaussian', block: 13 });
    expect(Array.from(auto.threshold.data)).toEqual(Array.from(b13.threshold.data));
    // without a floor the noise far from the disk is half foreground; with Otsu's floor only the disk remains
    const far = (m: { data: Uint8Array }) => m.data.slice(18 * 24).reduce((a, v) => a + v, 0);
    expect(far(auto.mask)).toBeGreaterThan(0);
    const floored = runNode(localThreshold, { image }, { method: 'gaussian', block: 0, floor: 'otsu' });
    expect(far(floored.mask)).toBe(0);
    expect(floored.mask.data.reduce((a, v) => a + v, 0)).toBe(rows.flat().filter((v) => v === 100).length);
  });

  it('an even block is a UserError', () => {
    expect(() => runNode(localThreshold, { image: imageFromRows([[1, 2]]) }, { block: 4 })).toThrow(UserError);
  });
});
