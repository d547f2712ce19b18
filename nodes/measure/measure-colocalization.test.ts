import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage, createLabels, imageFromRows, type Image, type Labels, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { numberColumn } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { readNpy } from '../../src/testing/npy';
import { referencePath } from '../../src/testing/paths';
import { measureColocalization } from './measure-colocalization';

const run = (image: Image, image2: Image, labels?: Labels, threshold_percent = 15) =>
  (measureColocalization.run({ image, image2, labels }, { threshold_percent }, testContext()) as { table: Table }).table;

describe('measure-colocalization', () => {
  it('whole image without objects: one row, label 0', () => {
    const t = run(imageFromRows([[1, 2], [3, 4]]), imageFromRows([[2, 4], [6, 8]]));
    expect(t.rows).toBe(1);
    expect(numberColumn(t, 'label')[0]).toBe(0);
    expect(numberColumn(t, 'pearson')[0]).toBeCloseTo(1, 14);
    expect(numberColumn(t, 'manders_m1')[0]).toBe(1);
  });

  it('per object on the nuclei/tubulin image, as scipy pearsonr and CellProfiler\'s Manders', () => {
    const ref = JSON.parse(readFileSync(referencePath('measure', 'coloc.json'), 'utf8')) as Record<string, number[]>;
    const arr = readNpy(referencePath('measure', 'stats_tubulin.npy'));
    const [, height, width] = arr.shape;
    const n = width * height;
    const a = createImage({ width, height }, 'uint16', (arr.data as Uint16Array).slice(0, n));
    const b = createImage({ width, height }, 'uint16', (arr.data as Uint16Array).slice(n));
    const labels = createLabels({ width, height }, Uint32Array.from({ length: n }, (_, i) => {
      const x = i % width;
      const y = Math.floor(i / width);
      return x < 120 && y < 120 ? 1 + Math.floor(x / 20) + 6 * Math.floor(y / 20) : 0;
    }));
    const t = run(a, b, labels);
    expect(Array.from(numberColumn(t, 'label'))).toEqual(ref.label);
    for (const [col, key] of [['pearson', 'pearson'], ['manders_m1', 'm1'], ['manders_m2', 'm2']]) {
      numberColumn(t, col).forEach((v, k) => expect(v, `${col} ${k}`).toBeCloseTo(ref[key][k], 10));
    }
  });

  it('refuses images of different sizes', () => {
    expect(() => run(imageFromRows([[1, 2]]), imageFromRows([[1]]))).toThrow(UserError);
  });

  it('measures a stack plane by plane: proportional in plane 0, opposite in plane 1', () => {
    const stack = (a: number[], b: number[]) => createImage({ width: 2, height: 2, planes: 2 }, 'float32', Float32Array.from([...a, ...b]));
    const t = run(stack([1, 2, 3, 4], [1, 2, 3, 4]), stack([2, 4, 6, 8], [4, 3, 2, 1]));
    expect(Array.from(numberColumn(t, 'plane'))).toEqual([0, 1]);
    expect(Array.from(numberColumn(t, 'label'))).toEqual([0, 0]);
    expect(numberColumn(t, 'pearson')[0]).toBeCloseTo(1, 14);
    expect(numberColumn(t, 'pearson')[1]).toBeCloseTo(-1, 14);
    const objects = createLabels({ width: 2, height: 2, planes: 2 }, Uint32Array.from([1, 1, 0, 0, 0, 0, 2, 2]));
    const byObject = run(stack([1, 2, 3, 4], [1, 2, 3, 4]), stack([2, 4, 6, 8], [4, 3, 2, 1]), objects);
    expect(Array.from(numberColumn(byObject, 'label'))).toEqual([1, 2]);
    expect(numberColumn(byObject, 'pearson')[1]).toBeCloseTo(-1, 14); // pixels (3, 4) against (2, 1)
  });
});
