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

  it('measures a stack plane by plane with one binning: each plane as its own 2-D objects', () => {
    // plane 0 holds the stripes (levels 0 and 9), plane 1 a flat object at 9: binning over the stack
    const a = { labels: [[1, 1, 1, 1], [1, 1, 1, 1]], image: [[0, 9, 0, 9], [0, 9, 0, 9]] };
    const b = { labels: [[0, 2, 2, 0], [0, 2, 2, 0]], image: [[0, 9, 9, 0], [0, 9, 9, 0]] };
    const labels = createLabels({ width: 4, height: 2, planes: 2 }, Uint32Array.from([...a.labels.flat(), ...b.labels.flat()]));
    const image = createImage({ width: 4, height: 2, planes: 2 }, 'float32', Float32Array.from([...a.image.flat(), ...b.image.flat()]));
    const t = (measureTexture.run({ labels, image }, { ...DEFAULTS, levels: 2, angles: '0, 90', average_angles: false }, testContext()) as { table: Table }).table;
    expect(Array.from(numberColumn(t, 'label'))).toEqual([1, 2]);
    expect(Array.from(numberColumn(t, 'plane'))).toEqual([0, 1]);
    expect(Array.from(numberColumn(t, 'texture_contrast_d1_a0'))).toEqual([1, 0]);
    const alone = run(labelsFromRows(a.labels), imageFromRows(a.image), { levels: 2, angles: '0, 90', average_angles: false });
    for (const c of alone.columns) expect(numberColumn(t, c.name)[0]).toBe(numberColumn(alone, c.name)[0]);
  });
});
