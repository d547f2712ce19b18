import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage, createLabels, type Image, type Labels, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { numberColumn } from '../../src/core/table';
import { decodeImageFile } from '../../src/io/decode';
import { testContext } from '../../src/testing/context';
import { imagePath, referencePath } from '../../src/testing/paths';
import { measureGranularity } from './measure-granularity';

type Params = Parameters<typeof measureGranularity.params.parse>[0];
const run = (image: Image, labels?: Labels, params: Params = {}) =>
  measureGranularity.run({ image, labels }, measureGranularity.params.parse(params), testContext()) as { table: Table; objects: Table };

/** A 10 × 10 checkerboard (uint8 0/255): everything goes at the first erosion. */
const board = (planes = 1) =>
  createImage({ width: 10, height: 10, planes }, 'uint8', Uint8Array.from({ length: 100 * planes }, (_, i) => ((Math.floor(i / 10) % 2) === (i % 2) ? 255 : 0)));

describe('measure-granularity', () => {
  it('CellProfiler\'s defaults; one image row of granularity_1 … granularity_16 in percent', () => {
    expect(measureGranularity.params.parse({})).toEqual({ subsample_size: 0.25, image_sample_size: 0.25, element_size: 10, granular_spectrum_length: 16 });
    const { table, objects } = run(board(), undefined, { subsample_size: 1, image_sample_size: 1 });
    expect(table.rows).toBe(1);
    expect(table.columns.map((c) => c.name)).toEqual(Array.from({ length: 16 }, (_, k) => `granularity_${k + 1}`));
    expect(table.columns[0].type === 'number' && table.columns[0].unit).toBe('%');
    expect(numberColumn(table, 'granularity_1')[0]).toBeCloseTo(100, 7);
    expect(numberColumn(table, 'granularity_2')[0]).toBe(0);
    expect(objects.rows).toBe(0); // no labels: an empty object table
    expect(objects.columns[0].name).toBe('label');
  });

  it('with labels, one object row per label, ascending', () => {
    const labels = createLabels({ width: 10, height: 10 }, Uint32Array.from({ length: 100 }, (_, i) => (i < 50 ? 7 : 3)));
    const { objects } = run(board(), labels, { subsample_size: 1, image_sample_size: 1, granular_spectrum_length: 3 });
    expect(Array.from(numberColumn(objects, 'label'))).toEqual([3, 7]);
    expect(objects.columns.map((c) => c.name)).toEqual(['label', 'granularity_1', 'granularity_2', 'granularity_3']);
    numberColumn(objects, 'granularity_1').forEach((v) => expect(v).toBeCloseTo(100, 7));
  });

  it('measures a stack plane by plane, with a plane column', () => {
    const labels = createLabels({ width: 10, height: 10, planes: 2 }, new Uint32Array(200).fill(1));
    const { table, objects } = run(board(2), labels, { subsample_size: 1, image_sample_size: 1, granular_spectrum_length: 2 });
    expect(table.columns.map((c) => c.name)).toEqual(['plane', 'granularity_1', 'granularity_2']);
    expect(Array.from(numberColumn(table, 'plane'))).toEqual([0, 1]);
    expect(objects.columns.map((c) => c.name)).toEqual(['label', 'plane', 'granularity_1', 'granularity_2']);
  });

  it('refuses several channels, labels of another size, and an image too small for the subsampling', () => {
    expect(() => run(createImage({ width: 10, height: 10, channels: 2 }, 'uint8'))).toThrow(UserError);
    expect(() => run(board(), createLabels({ width: 9, height: 10 }, new Uint32Array(90)))).toThrow(UserError);
    expect(() => run(createImage({ width: 4, height: 4 }, 'uint8'))).toThrow(/subsampled by 0.25 is 1×1 px; it must be at least 2×2/);
    expect(() => run(createImage({ width: 5, height: 5 }, 'uint8'))).not.toThrow(); // ceil(1.25) = 2
  });

  it('equals CellProfiler\'s steps in SciPy/skimage on the DSB2018 nuclei, image and objects, default settings', () => {
    const ref = JSON.parse(readFileSync(referencePath('measure', 'granularity.json'), 'utf8')) as {
      spectra: { name: string; image_gs: number[]; labels: number[]; object_gs: number[][] }[];
    };
    const c = ref.spectra.find((s) => s.name === 'dsb256_default')!;
    const decode = (name: string, kind: string) => decodeImageFile(new Uint8Array(readFileSync(imagePath(name))), kind, { maxPixels: 2 ** 26 });
    const image = decode('dsb2018_256_uint8.tif', 'image');
    const mask = decode('dsb2018_256_uint8_mask.tif', 'labels');
    const { table, objects } = run(image, createLabels(mask, Uint32Array.from(mask.data)));
    expect(c.image_gs.map((_, k) => numberColumn(table, `granularity_${k + 1}`)[0])).toEqual(c.image_gs);
    expect(Array.from(numberColumn(objects, 'label'))).toEqual(c.labels);
    c.object_gs.forEach((gs, k) => expect(Array.from(numberColumn(objects, `granularity_${k + 1}`))).toEqual(gs));
  });
});
