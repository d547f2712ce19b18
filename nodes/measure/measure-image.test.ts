import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage, imageFromRows, type Image, type Table } from '../../src/core/image';
import { column, tableRow } from '../../src/core/table';
import { testContext } from '../../src/testing/context';
import { readNpy } from '../../src/testing/npy';
import { referencePath } from '../../src/testing/paths';
import { measureImage } from './measure-image';

function measure(image: Image): Table {
  return (measureImage.run({ image }, {}, testContext()) as { table: Table }).table;
}

const COLUMNS = ['width', 'height', 'planes', 'channels', 'dtype', 'min', 'max', 'mean', 'std', 'pixel_size_x', 'pixel_size_y'];

describe('measure-image', () => {
  it('describes the image in one row', () => {
    const table = measure(imageFromRows([[1, 2, 3], [4, 5, 6]], 'uint16'));
    expect(table.rows).toBe(1);
    expect(table.columns.map((c) => c.name)).toEqual(COLUMNS);
    expect(tableRow(table, 0)).toEqual([3, 2, 1, 1, 'uint16', 1, 6, 3.5, Math.sqrt(35 / 12), NaN, NaN]);
    expect(column(table, 'dtype').type).toBe('string');
    expect(column(table, 'pixel_size_x')).toMatchObject({ unit: 'µm' });
  });

  it('gives the pixel size in µm', () => {
    const image = imageFromRows([[0]]);
    image.meta.pixelSize = { x: 250, y: 500, unit: 'nm' };
    const row = tableRow(measure(image), 0);
    expect(row.slice(-2)).toEqual([0.25, 0.5]);
  });

  it('matches numpy over every plane and channel (2-channel uint16)', () => {
    const stats = JSON.parse(readFileSync(referencePath('measure', 'image_stats.json'), 'utf8'));
    const expected = stats['stats_tubulin.npy'] as { min: number; max: number; mean: number; std: number };
    const npy = readNpy(referencePath('measure', 'stats_tubulin.npy'));
    const [channels, height, width] = npy.shape;
    const image = createImage({ width, height, channels }, 'uint16', npy.data as Uint16Array);
    const [w, h, planes, c, dtype, min, max, mean, std] = tableRow(measure(image), 0) as number[];
    expect([w, h, planes, c, dtype]).toEqual([width, height, 1, 2, 'uint16']);
    expect([min, max]).toEqual([expected.min, expected.max]);
    expect(Math.abs(mean - expected.mean) / expected.mean).toBeLessThan(1e-13);
    expect(Math.abs(std - expected.std) / expected.std).toBeLessThan(1e-12);
  });
});
