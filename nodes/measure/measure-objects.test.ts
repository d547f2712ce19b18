import { describe, expect, it } from 'vitest';
import {
  createImage, createLabels, imageFromRows, labelsFromRows, slice2d, type Image, type Labels, type PixelSize, type Table,
} from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { column, numberColumn } from '../../src/core/table';
import { loadMeasureFixture } from '../../src/imaging/regionprops/reference-fixtures';
import { testContext } from '../../src/testing/context';
import { readNpy } from '../../src/testing/npy';
import { referencePath } from '../../src/testing/paths';
import { readFileSync } from 'node:fs';
import { measureObjects } from './measure-objects';

const PIXEL_COLUMNS = [
  'label', 'area', 'centroid_x', 'centroid_y', 'bbox_min_x', 'bbox_min_y', 'bbox_max_x', 'bbox_max_y',
  'perimeter', 'eccentricity', 'solidity', 'orientation', 'major_axis_length', 'minor_axis_length',
  'equivalent_diameter', 'mean_intensity', 'min_intensity', 'max_intensity', 'integrated_intensity',
];
const UM_COLUMNS = [
  'area_um2', 'perimeter_um', 'centroid_x_um', 'centroid_y_um', 'major_axis_length_um',
  'minor_axis_length_um', 'equivalent_diameter_um',
];

const RECT_LABELS = [
  [0, 0, 0, 0, 0],
  [0, 4, 4, 4, 0],
  [0, 4, 4, 4, 0],
  [2, 0, 0, 0, 0],
];
const RECT_IMAGE = [
  [0, 0, 0, 0, 0],
  [0, 1, 2, 3, 0],
  [0, 4, 5, 6, 0],
  [8, 0, 0, 0, 0],
];

const DEFAULTS = measureObjects.params.parse({});
type MeasureParams = Partial<typeof DEFAULTS>;

/** run() is synchronous for this node; image2 is optional (the port types cannot say so). */
function runNode(inputs: { labels: Labels; image: Image; image2?: Image }, params: MeasureParams = {}, ctx = testContext()) {
  return measureObjects.run(inputs as { labels: Labels; image: Image; image2: Image }, { ...DEFAULTS, ...params }, ctx) as { table: Table };
}

function measure(labels: Labels, image: Image): { table: Table } {
  return runNode({ labels, image });
}

function run(pixelSize?: PixelSize, on: 'labels' | 'image' = 'labels') {
  const labels = labelsFromRows(RECT_LABELS);
  const image = imageFromRows(RECT_IMAGE, 'uint8');
  if (pixelSize) (on === 'labels' ? labels : image).meta.pixelSize = pixelSize;
  return measure(labels, image);
}

describe('measure-objects', () => {
  it('gives one row per label, ascending, with the documented columns', () => {
    const { table } = run();
    expect(table.columns.map((c) => c.name)).toEqual(PIXEL_COLUMNS);
    expect(table.rows).toBe(2);
    for (const c of table.columns) expect(c.values).toBeInstanceOf(Float64Array);
    expect(Array.from(numberColumn(table, 'label'))).toEqual([2, 4]);
    expect(Array.from(numberColumn(table, 'area'))).toEqual([1, 6]);
    expect(Array.from(numberColumn(table, 'centroid_x'))).toEqual([0, 2]);
    expect(Array.from(numberColumn(table, 'centroid_y'))).toEqual([3, 1.5]);
    expect(Array.from(numberColumn(table, 'bbox_max_x'))).toEqual([1, 4]);
    expect(Array.from(numberColumn(table, 'integrated_intensity'))).toEqual([8, 21]);
    expect(Array.from(numberColumn(table, 'mean_intensity'))).toEqual([8, 3.5]);
    expect(column(table, 'area')).toMatchObject({ unit: 'px²' });
    expect(column(table, 'orientation')).toMatchObject({ unit: 'rad' });
  });

  it('explains every column in its description', () => {
    for (const name of PIXEL_COLUMNS) expect(measureObjects.description).toContain(`${name}`);
    for (const name of UM_COLUMNS) expect(measureObjects.description).toContain(name);
  });

  it('adds µm columns from the labels\' pixel size', () => {
    const { table } = run({ x: 0.5, y: 0.5, unit: 'µm' });
    expect(table.columns.map((c) => c.name)).toEqual([...PIXEL_COLUMNS, ...UM_COLUMNS]);
    expect(Array.from(numberColumn(table, 'area_um2'))).toEqual([0.25, 1.5]);
    expect(Array.from(numberColumn(table, 'centroid_y_um'))).toEqual([1.5, 0.75]);
    expect(numberColumn(table, 'perimeter_um')[1]).toBe(3);
    expect(numberColumn(table, 'equivalent_diameter_um')[1]).toBeCloseTo(Math.sqrt(6 / Math.PI), 14);
    expect(column(table, 'area_um2')).toMatchObject({ unit: 'µm²' });
    expect(column(table, 'perimeter_um')).toMatchObject({ unit: 'µm' });
  });

  it('takes the intensity image\'s pixel size when the labels have none, converting nm to µm', () => {
    const { table } = run({ x: 200, y: 200, unit: 'nm' }, 'image');
    expect(numberColumn(table, 'area_um2')[1]).toBeCloseTo(6 * 0.04, 15);
    expect(table.meta.pixelSize).toEqual({ x: 200, y: 200, unit: 'nm' });
  });

  it('leaves direction-dependent lengths empty for anisotropic pixels', () => {
    const { table } = run({ x: 1, y: 2, unit: 'µm' });
    expect(Array.from(numberColumn(table, 'area_um2'))).toEqual([2, 12]);
    expect(Array.from(numberColumn(table, 'centroid_y_um'))).toEqual([6, 3]);
    expect(numberColumn(table, 'perimeter_um')[1]).toBeNaN();
    expect(numberColumn(table, 'major_axis_length_um')[1]).toBeNaN();
    expect(numberColumn(table, 'equivalent_diameter_um')[1]).toBeCloseTo(Math.sqrt((4 * 12) / Math.PI), 14);
  });

  it('names columns after an unknown unit and skips "pixel"', () => {
    const inch = run({ x: 2, y: 2, unit: 'inch' }).table;
    expect(numberColumn(inch, 'area_inch2')[1]).toBe(24);
    expect(column(inch, 'perimeter_inch')).toMatchObject({ unit: 'inch' });
    expect(run({ x: 1, y: 1, unit: 'pixel' }).table.columns.map((c) => c.name)).toEqual(PIXEL_COLUMNS);
  });

  it('gives an empty table (all columns) for labels without objects', () => {
    const labels = labelsFromRows([[0, 0], [0, 0]]);
    const { table } = measure(labels, imageFromRows([[1, 2], [3, 4]]));
    expect(table.rows).toBe(0);
    expect(table.columns.map((c) => c.name)).toEqual(PIXEL_COLUMNS);
  });

  it('matches skimage regionprops on a real image (dsb2018 256, uint8)', () => {
    const f = loadMeasureFixture('dsb256');
    const labels = createLabels({ width: f.width, height: f.height }, f.labels);
    const image = createImage({ width: f.width, height: f.height }, 'uint8', f.intensity);
    const { table } = measure(labels, image);
    expect(Array.from(numberColumn(table, 'label'))).toEqual(f.expected.label);
    expect(Array.from(numberColumn(table, 'area'))).toEqual(f.expected.area);
    for (const name of ['perimeter', 'solidity', 'major_axis_length', 'mean_intensity', 'integrated_intensity'] as const) {
      numberColumn(table, name).forEach((v, i) => expect(Math.abs(v - f.expected[name][i])).toBeLessThan(1e-9 * Math.abs(f.expected[name][i]) + 1e-12));
    }
  });

  it('measures a stack plane by plane: the rows of each plane measured alone, with a plane column', () => {
    const a = labelsFromRows([[1, 1, 0, 0], [1, 0, 0, 2], [0, 0, 2, 2]]);
    const b = labelsFromRows([[0, 0, 0, 0], [3, 3, 3, 0], [0, 0, 0, 4]]);
    const ia = imageFromRows([[5, 6, 0, 0], [7, 0, 0, 9], [0, 0, 8, 1]], 'uint16');
    const ib = imageFromRows([[0, 0, 0, 0], [2, 4, 6, 0], [0, 0, 0, 3]], 'uint16');
    const stackLabels = createLabels({ width: 4, height: 3, planes: 2 }, Uint32Array.from([...a.data, ...b.data]));
    const stackImage = createImage({ width: 4, height: 3, planes: 2 }, 'uint16', Uint16Array.from([...ia.data, ...ib.data]));
    const ctx = testContext();
    const stack = runNode({ labels: stackLabels, image: stackImage }, {}, ctx).table;
    const plane0 = runNode({ labels: a, image: ia }, {}, ctx).table;
    const plane1 = runNode({ labels: b, image: ib }, {}, ctx).table;
    expect(stack.columns.map((c) => c.name)).toEqual(['label', 'plane', ...plane0.columns.slice(1).map((c) => c.name)]);
    expect(Array.from(numberColumn(stack, 'plane'))).toEqual([0, 0, 1, 1]);
    for (const c of plane0.columns) {
      expect(Array.from(numberColumn(stack, c.name))).toEqual([...numberColumn(plane0, c.name), ...numberColumn(plane1, c.name)]);
    }
    expect(Array.from(numberColumn(stack, 'label'))).toEqual([1, 2, 3, 4]);
  });

  it('refuses mismatched intensity images, naming both shapes', () => {
    const ctx = testContext();
    const labels3d = createLabels({ width: 2, height: 2, planes: 3 }, new Uint32Array(12));
    expect(() => runNode({ labels: labels3d, image: createImage({ width: 2, height: 2, planes: 2 }, 'uint8') }, {}, ctx)).toThrow(/2×2, 2 planes, 1 channel.*labels \(2×2, 3 planes\)/);
    const labels = labelsFromRows([[1, 0], [0, 1]]);
    const rgb = createImage({ width: 3, height: 2, channels: 3 }, 'uint8');
    expect(() => runNode({ labels, image: rgb }, {}, ctx)).toThrow(/3×2, 1 plane, 3 channels.*labels \(2×2, 1 plane\)/);
    expect(() => runNode({ labels, image: imageFromRows([[1, 2, 3]]) }, {}, ctx)).toThrow(UserError);
    expect(() => runNode({ labels, image: imageFromRows([[1, 2, 3]]) }, {}, ctx)).toThrow(/3×1, 1 plane, 1 channel\)/);
  });
});

describe('measure-objects: channels and extra measurements', () => {
  const extra = (name: string) =>
    JSON.parse(readFileSync(referencePath('measure', `${name}_extra.json`), 'utf8')) as Record<string, number[]>;

  it('measures every channel of a 2-channel image (nuclei + tubulin), named after the channels', () => {
    const arr = readNpy(referencePath('measure', 'stats_tubulin.npy'));
    const [channels, height, width] = arr.shape;
    const image = createImage({ width, height, channels }, 'uint16', arr.data as Uint16Array);
    // objects: a coarse grid of 20 × 20 px squares, so every object samples both channels
    const labels = createLabels({ width, height }, Uint32Array.from({ length: width * height }, (_, i) => {
      const x = i % width;
      const y = Math.floor(i / width);
      return x < 120 && y < 120 ? 1 + Math.floor(x / 20) + 6 * Math.floor(y / 20) : 0;
    }));
    const { table } = runNode({ labels, image }, { channel_names: 'DNA, tubulin', intensity_distribution: true });
    const names = table.columns.map((c) => c.name);
    expect(names).not.toContain('mean_intensity');
    for (const [ch, name] of [[0, 'DNA'], [1, 'tubulin']] as const) {
      const single = runNode({ labels, image: createImage({ width, height }, 'uint16', slice2d(image, 0, ch) as Uint16Array) }, { intensity_distribution: true }).table;
      for (const stat of ['mean_intensity', 'min_intensity', 'max_intensity', 'integrated_intensity', 'std_intensity', 'median_intensity', 'mad_intensity']) {
        expect(Array.from(numberColumn(table, `${stat}_${name}`)), `${stat}_${name}`).toEqual(Array.from(numberColumn(single, stat)));
      }
    }
    expect(Array.from(numberColumn(table, 'mean_intensity_DNA'))).not.toEqual(Array.from(numberColumn(table, 'mean_intensity_tubulin')));
  });

  it('a second image adds its channels after the first (default names c1, c2)', () => {
    const labels = labelsFromRows(RECT_LABELS);
    const image = imageFromRows(RECT_IMAGE, 'uint8');
    const image2 = imageFromRows(RECT_IMAGE.map((r) => r.map((v) => 10 * v)), 'uint8');
    const { table } = runNode({ labels, image, image2 });
    expect(Array.from(numberColumn(table, 'integrated_intensity_c1'))).toEqual([8, 21]);
    expect(Array.from(numberColumn(table, 'integrated_intensity_c2'))).toEqual([80, 210]);
    expect(() => runNode({ labels, image, image2: imageFromRows([[1]]) })).toThrow(/1×1, 1 plane, 1 channel.*labels \(5×4/);
  });

  it('refuses more channel names than channels (an image other than the pipeline expects), in one line', () => {
    const labels = labelsFromRows(RECT_LABELS);
    const image = imageFromRows(RECT_IMAGE, 'uint8');
    expect(() => runNode({ labels, image }, { channel_names: 'tubulin, DNA' })).toThrow(
      new UserError("measure-objects: param 'channel_names' names 2 channels (tubulin, DNA) but the intensity image has 1"),
    );
    // as many names as channels, or fewer (the rest are c2, c3, …), are fine
    expect(runNode({ labels, image }, { channel_names: 'DNA' }).table.columns.map((c) => c.name)).toContain('mean_intensity');
    const two = runNode({ labels, image, image2: image }, { channel_names: 'DNA' }).table.columns.map((c) => c.name);
    expect(two).toEqual(expect.arrayContaining(['mean_intensity_DNA', 'mean_intensity_c2']));
  });

  it('more shape measurements and the intensity distribution match skimage 0.19 / numpy (dsb2018 512)', () => {
    const f = loadMeasureFixture('dsb512');
    const expected = extra('dsb512');
    const labels = createLabels({ width: f.width, height: f.height }, f.labels);
    const image = createImage({ width: f.width, height: f.height }, 'uint16', f.intensity as Uint16Array);
    const { table } = runNode({ labels, image }, { more_shape: true, intensity_distribution: true });
    const names = table.columns.map((c) => c.name);
    expect(names.slice(0, 22)).toEqual([...PIXEL_COLUMNS.slice(0, 15), 'area_convex', 'form_factor', 'compactness', 'extent',
      'euler_number', 'feret_diameter_max', 'feret_diameter_min']);
    expect(Array.from(numberColumn(table, 'area_convex'))).toEqual(f.expected.area_convex);
    expect(Array.from(numberColumn(table, 'euler_number'))).toEqual(expected.euler_number);
    for (const name of ['extent', 'feret_diameter_max', 'std_intensity', 'median_intensity', 'lower_quartile_intensity', 'upper_quartile_intensity', 'mad_intensity']) {
      numberColumn(table, name).forEach((v, i) => expect(Math.abs(v - expected[name][i]), name).toBeLessThan(1e-9 * Math.abs(expected[name][i]) + 1e-12));
    }
    const area = numberColumn(table, 'area');
    const perimeter = numberColumn(table, 'perimeter');
    numberColumn(table, 'form_factor').forEach((v, i) => expect(v).toBeCloseTo((4 * Math.PI * area[i]) / perimeter[i] ** 2, 12));
    numberColumn(table, 'compactness').forEach((v, i) => expect(v * numberColumn(table, 'form_factor')[i]).toBeCloseTo(1, 12));
    const min = numberColumn(table, 'feret_diameter_min');
    numberColumn(table, 'feret_diameter_max').forEach((v, i) => expect(min[i]).toBeLessThanOrEqual(v));
  });

  it('gives physical columns for the convex area and Feret diameters', () => {
    const labels = labelsFromRows(RECT_LABELS);
    labels.meta.pixelSize = { x: 0.5, y: 0.5, unit: 'µm' };
    const { table } = runNode({ labels, image: imageFromRows(RECT_IMAGE, 'uint8') }, { more_shape: true });
    expect(Array.from(numberColumn(table, 'area_convex_um2'))).toEqual([0.25, 1.5]);
    expect(numberColumn(table, 'feret_diameter_max_um')[1]).toBeCloseTo(0.5 * numberColumn(table, 'feret_diameter_max')[1], 14);
    expect(column(table, 'feret_diameter_min_um')).toMatchObject({ unit: 'µm' });
    for (const name of ['area_convex', 'form_factor', 'compactness', 'extent', 'euler_number', 'feret_diameter_max', 'feret_diameter_min',
      'std_intensity', 'median_intensity', 'lower_quartile_intensity', 'upper_quartile_intensity', 'mad_intensity']) {
      expect(measureObjects.description).toContain(name);
    }
  });
});

describe('measure-objects: Zernike shape features', () => {
  const ZERNIKE_9 = [
    'zernike_0_0', 'zernike_1_1', 'zernike_2_0', 'zernike_2_2', 'zernike_3_1', 'zernike_3_3', 'zernike_4_0', 'zernike_4_2',
    'zernike_4_4', 'zernike_5_1', 'zernike_5_3', 'zernike_5_5', 'zernike_6_0', 'zernike_6_2', 'zernike_6_4', 'zernike_6_6',
    'zernike_7_1', 'zernike_7_3', 'zernike_7_5', 'zernike_7_7', 'zernike_8_0', 'zernike_8_2', 'zernike_8_4', 'zernike_8_6',
    'zernike_8_8', 'zernike_9_1', 'zernike_9_3', 'zernike_9_5', 'zernike_9_7', 'zernike_9_9',
  ];

  it('are off by default; on, CellProfiler\'s 30 columns follow the shape (and more-shape) columns, dimensionless', () => {
    const labels = labelsFromRows(RECT_LABELS);
    const image = imageFromRows(RECT_IMAGE, 'uint8');
    expect(DEFAULTS).toMatchObject({ zernike: false, zernike_degree: 9 });
    expect(runNode({ labels, image }).table.columns.map((c) => c.name)).toEqual(PIXEL_COLUMNS);
    const on = runNode({ labels, image }, { zernike: true }).table;
    expect(on.columns.map((c) => c.name)).toEqual([...PIXEL_COLUMNS.slice(0, 15), ...ZERNIKE_9, ...PIXEL_COLUMNS.slice(15)]);
    for (const name of ZERNIKE_9) expect((column(on, name) as { unit?: string }).unit).toBeUndefined();
    // label 2 is a single pixel (no enclosing circle): NaN; label 4, a 2 × 3 rectangle, has numbers
    expect(numberColumn(on, 'zernike_0_0')[0]).toBeNaN();
    expect(numberColumn(on, 'zernike_0_0')[1]).toBeCloseTo(6 / (Math.PI * (1 + 0.25)), 14); // r² = 1² + 0.5²
    const both = runNode({ labels, image }, { zernike: true, more_shape: true }).table.columns.map((c) => c.name);
    expect(both.slice(15, 22)).toEqual(['area_convex', 'form_factor', 'compactness', 'extent', 'euler_number', 'feret_diameter_max', 'feret_diameter_min']);
    expect(both.slice(22, 52)).toEqual(ZERNIKE_9);
    const degree4 = runNode({ labels, image }, { zernike: true, zernike_degree: 4 }).table.columns.map((c) => c.name);
    expect(degree4.filter((n) => n.startsWith('zernike_'))).toEqual(ZERNIKE_9.slice(0, 9));
    expect(() => measureObjects.params.parse({ zernike_degree: 21 })).toThrow();
    for (const text of ['zernike_n_m', 'zernike_0_0', 'AreaShape_Zernike_n_m', 'minimum enclosing circle', 'Dimensionless']) {
      expect(measureObjects.description).toContain(text);
    }
  });

  it('match the NumPy script following centrosome on the 65 annotated nuclei of dsb2018 256 (1e-9)', () => {
    const f = loadMeasureFixture('dsb256');
    const fixture = JSON.parse(readFileSync(referencePath('measure', 'zernike.json'), 'utf8')) as {
      cases: { dsb256: { label: number[]; degree_9: number[][] } };
    };
    const labels = createLabels({ width: f.width, height: f.height }, f.labels);
    const image = createImage({ width: f.width, height: f.height }, 'uint8', f.intensity);
    const { table } = runNode({ labels, image }, { zernike: true });
    const expected = fixture.cases.dsb256;
    expect(Array.from(numberColumn(table, 'label'))).toEqual(expected.label);
    ZERNIKE_9.forEach((name, k) => {
      numberColumn(table, name).forEach((v, i) => {
        expect(Math.abs(v - expected.degree_9[i][k]), `${expected.label[i]} ${name}`).toBeLessThanOrEqual(1e-9 * Math.max(1, expected.degree_9[i][k]));
      });
    });
  });

  it('measure a stack plane by plane', () => {
    const a = labelsFromRows([[1, 1, 1, 0], [1, 1, 0, 0], [0, 0, 2, 2]]);
    const b = labelsFromRows([[0, 3, 0, 0], [3, 3, 3, 0], [0, 3, 0, 4]]);
    const image = createImage({ width: 4, height: 3, planes: 2 }, 'uint8');
    const stack = createLabels({ width: 4, height: 3, planes: 2 }, Uint32Array.from([...a.data, ...b.data]));
    const table = runNode({ labels: stack, image }, { zernike: true, zernike_degree: 3 }).table;
    const plane0 = runNode({ labels: a, image: createImage({ width: 4, height: 3 }, 'uint8') }, { zernike: true, zernike_degree: 3 }).table;
    const plane1 = runNode({ labels: b, image: createImage({ width: 4, height: 3 }, 'uint8') }, { zernike: true, zernike_degree: 3 }).table;
    for (const name of ['zernike_0_0', 'zernike_1_1', 'zernike_2_2', 'zernike_3_3']) {
      expect(Array.from(numberColumn(table, name))).toEqual([...numberColumn(plane0, name), ...numberColumn(plane1, name)]);
    }
    expect(numberColumn(table, 'zernike_0_0')[2]).toBeCloseTo(5 / Math.PI, 14); // the plus: r = 1, 5 pixels
  });
});
