import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage, createLabels, imageFromRows, labelsFromRows, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { numberColumn } from '../../src/core/table';
import { loadMeasureFixture } from '../../src/imaging/regionprops/reference-fixtures';
import { testContext } from '../../src/testing/context';
import { referencePath } from '../../src/testing/paths';
import { measureTexture } from './measure-texture';

const DEFAULTS = measureTexture.params.parse({});
const run = (labels: ReturnType<typeof labelsFromRows>, image: ReturnType<typeof imageFromRows>, params: Partial<typeof DEFAULTS> = {}) =>
  (measureTexture.run({ labels, image }, { ...DEFAULTS, ...params }, testContext()) as { table: Table }).table;

describe('measure-texture', () => {
  it('stripes: horizontal pairs always differ, vertical pairs never', () => {
    const labels = labelsFromRows([[1, 1, 1, 1], [1, 1, 1, 1]]);
    const image = imageFromRows([[0, 9, 0, 9], [0, 9, 0, 9]]);
    const t = run(labels, image, { levels: 2, angles: '0, 90', average_angles: false });
    expect(numberColumn(t, 'texture_contrast_d1_a0')[0]).toBe(1);
    expect(numberColumn(t, 'texture_contrast_d1_a90')[0]).toBe(0);
    expect(numberColumn(t, 'texture_correlation_d1_a0')[0]).toBeCloseTo(-1, 14);
    expect(numberColumn(run(labels, image, { levels: 2, angles: '0, 90' }), 'texture_contrast_d1')[0]).toBe(0.5);
  });

  it('matches skimage graycoprops per object on dsb2018 (8 levels, d = 1 and 3, four angles)', () => {
    const ref = JSON.parse(readFileSync(referencePath('measure', 'texture.json'), 'utf8')) as Record<string, number[][][]> & { labels: number[] };
    const f = loadMeasureFixture('dsb256');
    const t = run(createLabels({ width: f.width, height: f.height }, f.labels), createImage({ width: f.width, height: f.height }, 'uint8', f.intensity as Uint8Array), {
      distances: '1, 3',
    });
    expect(Array.from(numberColumn(t, 'label'))).toEqual(ref.labels);
    for (const prop of ['contrast', 'homogeneity', 'ASM', 'correlation']) {
      [1, 3].forEach((d, di) => {
        numberColumn(t, `texture_${prop}_d${d}`).forEach((v, k) => {
          const mean = ref[prop][k][di].reduce((a, b) => a + b, 0) / 4;
          expect(Math.abs(v - mean), `${prop} d${d} object ${ref.labels[k]}`).toBeLessThan(1e-10);
        });
      });
    }
  });

  it('refuses bad distance lists and multi-channel images in one line', () => {
    const labels = labelsFromRows([[1]]);
    expect(() => run(labels, imageFromRows([[1]]), { distances: '1, x' })).toThrow(UserError);
    expect(() => run(labels, imageFromRows([[1]]), { distances: '0' })).toThrow(/distances must be/);
    const rgb = createImage({ width: 1, height: 1, channels: 3 }, 'uint8');
    expect(() => run(labels, rgb)).toThrow(/3 channels/);
  });
});
