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

  it('an even block is a UserError', () => {
    expect(() => runNode(localThreshold, { image: imageFromRows([[1, 2]]) }, { block: 4 })).toThrow(UserError);
  });
});
