import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage, imageFromRows } from '../../src/core/image';
import { numberColumn } from '../../src/core/table';
import { loadSource } from '../../src/imaging/preprocess-reference';
import { referencePath } from '../../src/testing/paths';
import { runNode } from '../../src/testing/run-node';
import { multiOtsu } from './multi-otsu';

const reference = JSON.parse(readFileSync(referencePath('threshold', 'multiotsu.json'), 'utf8')) as Record<string, Record<string, number[]>>;

describe('multi-otsu node', () => {
  it('classes and thresholds of a 4-level image', () => {
    const out = runNode(multiOtsu, { image: imageFromRows([[0, 0, 10, 10, 20, 20, 20, 30]], 'uint8') }, { classes: 3 });
    expect(Array.from(numberColumn(out.thresholds, 'threshold'))).toEqual(reference.tiny_4_levels['3']);
    const [t1, t2] = reference.tiny_4_levels['3'];
    const expected = [0, 0, 10, 10, 20, 20, 20, 30].map((v) => (v > t2 ? 2 : v > t1 ? 1 : 0));
    expect(Array.from(out.classes.data)).toEqual(expected);
    expect(out.classes.count).toBe(2);
  });

  it('DNA crop, 4 classes: skimage thresholds; classes ordered by intensity', () => {
    const image = loadSource('dna_u8');
    const out = runNode(multiOtsu, { image }, { classes: 4 });
    expect(Array.from(numberColumn(out.thresholds, 'threshold'))).toEqual(reference.dna_u8['4']);
    const means = [0, 1, 2, 3].map((c) => {
      const vals = Array.from(image.data).filter((_, i) => out.classes.data[i] === c);
      return vals.reduce((a, b) => a + b, 0) / vals.length;
    });
    expect(means).toEqual([...means].sort((a, b) => a - b));
  });

  it('too few levels and multi-channel images are UserErrors naming the node', () => {
    expect(() => runNode(multiOtsu, { image: imageFromRows([[1, 2]]) }, { classes: 3 })).toThrow(/^multi-otsu: the image has 2 distinct/);
    expect(() => runNode(multiOtsu, { image: createImage({ width: 1, height: 1, channels: 2 }, 'uint8') })).toThrow(/single-channel/);
  });
});
