// measure-radial-distribution: hand-worked rings of a small square, an evenly bright and a rim-bright
// disk, and every annotated DSB2018 nucleus against the same definitions written independently with
// NumPy/SciPy (scripts/reference/radial_distribution.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage, createLabels, imageFromRows, labelsFromRows, type Image, type Labels, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { numberColumn } from '../../src/core/table';
import { radialDistribution } from '../../src/imaging/radial-distribution';
import { decodeImageFile } from '../../src/io/decode';
import { imagePath, referencePath } from '../../src/testing/paths';
import { testContext } from '../../src/testing/context';
import { measureRadialDistribution } from './measure-radial-distribution';

const run = (labels: Labels, image: Image, rings = 4, centers?: Labels, from?: 'centre-points' | 'edges') =>
  (measureRadialDistribution.run({ labels, image, centers }, measureRadialDistribution.params.parse({ rings, from }), testContext()) as { table: Table }).table;

/** A disk of radius r in a (2r + 5)² image, intensity f(distance from the centre). */
function disk(r: number, f: (d: number) => number): { labels: Labels; image: Image } {
  const size = 2 * r + 5;
  const c = (size - 1) / 2;
  const labels = new Uint32Array(size * size);
  const data = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      if (d <= r) {
        labels[y * size + x] = 1;
        data[y * size + x] = f(d);
      }
    }
  }
  return { labels: createLabels({ width: size, height: size }, labels), image: createImage({ width: size, height: size }, 'float32', data) };
}

describe('radialDistribution', () => {
  // a 3×3 square: centre d_edge 2, the others 1; d_centre 0, 1 (edge neighbours), √2 (corners)
  const labels = labelsFromRows([
    [0, 0, 0, 0, 0],
    [0, 5, 5, 5, 0],
    [0, 5, 5, 5, 0],
    [0, 5, 5, 5, 0],
    [0, 0, 0, 0, 0],
  ]);
  const image = imageFromRows([
    [0, 0, 0, 0, 0],
    [0, 1, 1, 1, 0],
    [0, 1, 9, 1, 0],
    [0, 1, 1, 1, 0],
    [0, 0, 0, 0, 0],
  ]);

  it('rings of a 3×3 square, worked by hand', () => {
    // two rings: the centre (0/(0+2) = 0) in ring 1; edges 1/(1+1) = 0.5 and corners √2/(√2+1) = 0.59 in ring 2
    const [two] = radialDistribution(labels.data, image.data, 5, 5, 2);
    expect(two.label).toBe(5);
    expect(two.fracAtD).toEqual([9 / 17, 8 / 17]);
    expect(two.meanFrac[0]).toBeCloseTo(9 / 17 / (1 / 9), 14);
    expect(two.meanFrac[1]).toBeCloseTo(8 / 17 / (8 / 9), 14);
    expect(two.radialCV).toEqual([0, 0]);
    // four rings: 0.5 and 0.59 both fall in ring 3, rings 2 and 4 are empty
    const [four] = radialDistribution(labels.data, image.data, 5, 5, 4);
    expect(four.fracAtD).toEqual([9 / 17, 0, 8 / 17, 0]);
    expect(four.meanFrac.map(Number.isNaN)).toEqual([false, true, false, true]);
  });

  it('an evenly bright disk: every ring holds its share (MeanFrac 1) and is the same all round (RadialCV 0)', () => {
    const { labels: l, image: im } = disk(20, () => 100);
    const [r] = radialDistribution(l.data, im.data, l.width, l.height, 4);
    r.meanFrac.forEach((m) => expect(m).toBeCloseTo(1, 12));
    r.radialCV.forEach((cv) => expect(cv).toBe(0));
    expect(r.fracAtD.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('a disk bright at its rim: MeanFrac rises from the centre outwards', () => {
    const { labels: l, image: im } = disk(20, (d) => 10 + d * d);
    const [r] = radialDistribution(l.data, im.data, l.width, l.height, 5);
    for (let k = 1; k < 5; k++) expect(r.meanFrac[k]).toBeGreaterThan(r.meanFrac[k - 1]);
    expect(r.meanFrac[0]).toBeLessThan(0.5);
    expect(r.meanFrac[4]).toBeGreaterThan(1.2);
  });

  it('equals the NumPy/SciPy reference on every annotated nucleus of the DSB2018 256 image', () => {
    const ref = JSON.parse(readFileSync(referencePath('measure', 'radial_distribution.json'), 'utf8')) as {
      bins: number;
      objects: { label: number; frac_at_d: number[]; mean_frac: (number | null)[]; radial_cv: (number | null)[] }[];
    };
    const l = decodeImageFile(new Uint8Array(readFileSync(imagePath('dsb2018_256_uint8_mask.tif'))), 'mask', { maxPixels: 2 ** 26 });
    const im = decodeImageFile(new Uint8Array(readFileSync(imagePath('dsb2018_256_uint8.tif'))), 'image', { maxPixels: 2 ** 26 });
    const ours = radialDistribution(Uint32Array.from(l.data), im.data, 256, 256, ref.bins);
    expect(ours.map((o) => o.label)).toEqual(ref.objects.map((o) => o.label));
    const off: string[] = [];
    const near = (a: number, b: number | null) => (b === null ? Number.isNaN(a) : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));
    ours.forEach((o, i) => {
      const r = ref.objects[i];
      for (let k = 0; k < ref.bins; k++) {
        if (!near(o.fracAtD[k], r.frac_at_d[k]) || !near(o.meanFrac[k], r.mean_frac[k]) || !near(o.radialCV[k], r.radial_cv[k])) off.push(`label ${o.label} ring ${k + 1}`);
      }
    });
    expect(off).toEqual([]);
  });
});

describe('measure-radial-distribution', () => {
  it('one row per object with FracAtD, MeanFrac and RadialCV columns per ring', () => {
    const t = run(labelsFromRows([[0, 2, 2, 2, 0]]), imageFromRows([[0, 1, 2, 3, 0]]), 2);
    expect(t.columns.map((c) => c.name)).toEqual(['label', 'frac_at_d_1of2', 'frac_at_d_2of2', 'mean_frac_1of2', 'mean_frac_2of2', 'radial_cv_1of2', 'radial_cv_2of2']);
    // d_edge 1, 2, 1 (the image's top and bottom are not edges): the centre is the middle pixel (ring 1),
    // its neighbours are at 1 / (1 + 1) = 0.5 (ring 2)
    expect([numberColumn(t, 'frac_at_d_1of2')[0], numberColumn(t, 'frac_at_d_2of2')[0]]).toEqual([2 / 6, 4 / 6]);
  });

  it('measures a stack plane by plane, with a plane column', () => {
    const labels = createLabels({ width: 3, height: 1, planes: 2 }, Uint32Array.from([1, 1, 0, 0, 2, 2]));
    const image = createImage({ width: 3, height: 1, planes: 2 }, 'uint8', Uint8Array.from([4, 4, 0, 0, 6, 6]));
    const t = run(labels, image, 2);
    expect(Array.from(numberColumn(t, 'label'))).toEqual([1, 2]);
    expect(Array.from(numberColumn(t, 'plane'))).toEqual([0, 1]);
  });

  it('refuses a multi-channel image or one of another size, in one line', () => {
    const two = createImage({ width: 2, height: 1, channels: 2 }, 'uint8');
    expect(() => run(labelsFromRows([[1, 1]]), two)).toThrow(UserError);
    expect(() => run(labelsFromRows([[1, 1]]), two)).toThrow(/single-channel image, got 2 channels/);
    expect(() => run(labelsFromRows([[1, 1]]), imageFromRows([[1, 2, 3]]))).toThrow(/must have the same size/);
  });

  describe('with centre objects', () => {
    // the hand-worked strip of src/imaging/radial-distribution.test.ts: cell x = 1…5, nucleus x = 1, 2
    const cell = labelsFromRows([[0, 1, 1, 1, 1, 1, 0]]);
    const nucleus = labelsFromRows([[0, 9, 9, 0, 0, 0, 0]]);
    const values = imageFromRows([[0, 1, 2, 3, 4, 5, 0]]);
    const ring = (t: Table, k: number) => numberColumn(t, `frac_at_d_${k}of4`)[0];

    it('measures from the centre objects\' centroids by default, or from their edges', () => {
      const own = run(cell, values);
      const points = run(cell, values, 4, nucleus);
      const edges = run(cell, values, 4, nucleus, 'edges');
      expect([1, 2, 3, 4].map((k) => ring(points, k))).toEqual([2 / 15, 3 / 15, 5 / 15, 5 / 15]);
      expect([1, 2, 3, 4].map((k) => ring(edges, k))).toEqual([0, 3 / 12, 4 / 12, 5 / 12]);
      // without centre objects, the cell's own centre (x = 3): the parameter is ignored
      expect(run(cell, values, 4, undefined, 'edges').columns).toEqual(own.columns);
      expect(ring(own, 1)).toBe(3 / 15);
      expect(points.columns.map((c) => c.name)).toEqual(own.columns.map((c) => c.name));
    });

    it('measures a stack plane by plane, each plane from its own centre objects (none: an empty row)', () => {
      const labels = createLabels({ width: 7, height: 1, planes: 2 }, Uint32Array.from([...cell.data, ...cell.data.map((v) => v && 2)]));
      const centers = createLabels({ width: 7, height: 1, planes: 2 }, Uint32Array.from([...nucleus.data, 0, 0, 0, 0, 0, 0, 0]));
      const image = createImage({ width: 7, height: 1, planes: 2 }, 'float32', Float32Array.from([...values.data, ...values.data]));
      const t = run(labels, image, 4, centers);
      expect(Array.from(numberColumn(t, 'label'))).toEqual([1, 2]);
      expect(Array.from(numberColumn(t, 'plane'))).toEqual([0, 1]);
      expect([1, 2, 3, 4].map((k) => numberColumn(t, `frac_at_d_${k}of4`)[0])).toEqual([2 / 15, 3 / 15, 5 / 15, 5 / 15]);
      expect([1, 2, 3, 4].map((k) => numberColumn(t, `frac_at_d_${k}of4`)[1])).toEqual([NaN, NaN, NaN, NaN]);
    });

    it('refuses centre objects of another size, in one line', () => {
      const err = () => run(cell, values, 4, labelsFromRows([[0, 9, 9, 0, 0, 0]]));
      expect(err).toThrow(UserError);
      expect(err).toThrow('measure-radial-distribution: the objects (7×1, 1 planes) and the centre objects (6×1, 1 planes) must have the same size');
      const twoPlanes = createLabels({ width: 7, height: 1, planes: 2 }, new Uint32Array(14));
      expect(() => run(cell, values, 4, twoPlanes)).toThrow(/the centre objects \(7×1, 2 planes\)/);
    });
  });
});
