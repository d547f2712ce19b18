import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage, createMask, type DType, type Image, type Labels, type Table } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { imagePlane } from '../../src/imaging/planes';
import { decodeImageFile } from '../../src/io/decode';
import { testContext } from '../../src/testing/context';
import { readNpy } from '../../src/testing/npy';
import { imagePath, referencePath } from '../../src/testing/paths';
import { numberColumn } from '../../src/core/table';
import { runExample } from '../../src/testing/run-example';
import { nodeRegistry } from '../index';
import { findMaxima } from './find-maxima';

interface Case {
  image: string;
  params: { method: 'prominence' | 'distance'; prominence?: number; min_distance?: number; threshold?: number; border?: number; objects?: 'bright' | 'dark' };
  points: number[];
}

const cases = JSON.parse(readFileSync(referencePath('find-maxima', 'cases.json'), 'utf8')) as Case[];
const defaults = findMaxima.params.parse({});
const run = (image: Image, params: Partial<typeof defaults> = {}) => findMaxima.run({ image }, { ...defaults, ...params }, testContext()) as { labels: Labels };

/** A test-data TIFF (plane k of a stack with '#k'), or an .npy written by scripts/reference/find_maxima.py. */
function loadImage(name: string): Image {
  if (name.endsWith('.npy')) {
    const arr = readNpy(referencePath('find-maxima', name));
    const dtype: DType = arr.dtype === '<f4' ? 'float32' : 'float64';
    return createImage({ width: arr.shape[1], height: arr.shape[0] }, dtype, arr.data as Float32Array | Float64Array);
  }
  const [file, plane] = name.split('#');
  const image = decodeImageFile(new Uint8Array(readFileSync(imagePath(file))), file, { maxPixels: 2 ** 28 });
  return plane === undefined ? image : imagePlane(image, Number(plane));
}

/** The flat index of each label's pixel, in label order; fails if a label has other than one pixel. */
function pointsOf(labels: Labels): number[] {
  const at = new Array<number>(labels.count).fill(-1);
  labels.data.forEach((l, i) => {
    if (l === 0) return;
    expect(at[l - 1], `label ${l} has one pixel`).toBe(-1);
    at[l - 1] = i;
  });
  return at;
}

describe('find-maxima against scikit-image (scripts/reference/find_maxima.py)', () => {
  it.each(cases.map((c) => [`${c.image} ${JSON.stringify(c.params)}`, c] as const))('%s', (_, c) => {
    const image = loadImage(c.image);
    const { labels } = run(image, c.params);
    expect(labels.count).toBe(c.points.length);
    expect(pointsOf(labels)).toEqual(c.points);
  });

  it('the cases are not trivial: hundreds of maxima on real images, plateaus and ties in the tiny one', () => {
    expect(cases.filter((c) => c.points.length >= 100).length).toBeGreaterThanOrEqual(6);
    const tiny = cases.find((c) => c.image === 'tiny.npy' && c.params.method === 'prominence' && c.params.prominence === 1 && c.params.threshold === undefined)!;
    // the 2×3 plateau counts once (at its first-row pixel nearest the centroid), the ring top of 8 once, the two equal maxima twice
    expect(tiny.points.slice(0, 2)).toEqual([1 * 14 + 2, 7 * 14 + 3]);
    expect(tiny.points).toContain(2 * 14 + 9);
    expect(tiny.points).toContain(2 * 14 + 12);
  });
});

describe('find-maxima', () => {
  it('numbers the maxima of a stack plane by plane, continuing, and keeps the image\'s metadata', () => {
    const width = 20;
    const height = 10;
    const image = createImage({ width, height, planes: 3 }, 'uint16');
    image.meta.pixelSize = { x: 0.5, y: 0.5, unit: 'µm' };
    // plane 0: two spots, plane 1: none, plane 2: one
    image.data[0 * 200 + 3 * width + 4] = 500;
    image.data[0 * 200 + 6 * width + 15] = 900;
    image.data[2 * 200 + 5 * width + 10] = 300;
    const { labels } = run(image, { prominence: 100 });
    expect(labels.planes).toBe(3);
    expect(labels.count).toBe(3);
    expect(pointsOf(labels)).toEqual([6 * width + 15, 3 * width + 4, 2 * 200 + 5 * width + 10]);
    expect(labels.meta.pixelSize).toEqual({ x: 0.5, y: 0.5, unit: 'µm' });
  });

  it('a flat image has no maxima; a prominence above the image\'s range finds none', () => {
    expect(run(createImage({ width: 8, height: 8 }, 'uint8')).labels.count).toBe(0);
    expect(run(createImage({ width: 8, height: 8 }, 'uint8'), { method: 'distance' }).labels.count).toBe(0);
    const one = createImage({ width: 8, height: 8 }, 'uint8');
    one.data[20] = 50;
    expect(run(one, { prominence: 51 }).labels.count).toBe(0);
    expect(run(one, { prominence: 50 }).labels.count).toBe(1);
  });

  it('with a region, keeps the maxima on its pixels, numbered on from the highest; a region of another size is refused', () => {
    const image = createImage({ width: 20, height: 10 }, 'uint8');
    image.data[3 * 20 + 4] = 50;
    image.data[6 * 20 + 15] = 90;
    image.data[2 * 20 + 12] = 70;
    const region = createMask({ width: 20, height: 10 });
    for (let y = 0; y < 10; y++) for (let x = 10; x < 20; x++) region.data[y * 20 + x] = 1; // the right half
    const { labels } = findMaxima.run({ image, region }, { ...defaults, prominence: 20 }, testContext()) as { labels: Labels };
    expect(pointsOf(labels)).toEqual([6 * 20 + 15, 2 * 20 + 12]);
    const small = createMask({ width: 10, height: 10 });
    expect(() => findMaxima.run({ image, region: small }, defaults, testContext())).toThrow(/^find-maxima: the image \(20×10, 1 planes\) and the region \(10×10, 1 planes\) must have the same size$/);
  });

  it('refuses a multi-channel image in one line', () => {
    const rgb = createImage({ width: 4, height: 4, channels: 3 }, 'uint8');
    expect(() => run(rgb)).toThrow(UserError);
    expect(() => run(rgb)).toThrow(/^find-maxima needs a single-channel image, got 3 channels: convert to gray or pick one channel first$/);
  });
});

describe('find-maxima in a pipeline: maxima per nucleus', () => {
  it('nuclei-count on dsb2018 256 with the maxima of its blurred image related to the nuclei: each nucleus\'s count is the number of maxima on its pixels', async () => {
    const result = await runExample(nodeRegistry, 'nuclei-count', 'dsb2018_256_uint8.tif', {
      nodes: [
        { id: 'maxima', type: 'find-maxima', params: { prominence: 5 } },
        { id: 'relate', type: 'relate-objects', params: {} },
      ],
      edges: [
        { from: { node: 'blur', port: 'image' }, to: { node: 'maxima', port: 'image' } },
        { from: { node: 'filter', port: 'labels' }, to: { node: 'relate', port: 'parents' } },
        { from: { node: 'maxima', port: 'labels' }, to: { node: 'relate', port: 'children' } },
      ],
    });
    expect(result.error).toBeUndefined();
    const nuclei = result.values.get('filter')!.labels as Labels;
    const maxima = result.values.get('maxima')!.labels as Labels;
    const expected = new Map<number, number>();
    maxima.data.forEach((l, i) => {
      if (l !== 0 && nuclei.data[i] !== 0) expected.set(nuclei.data[i], (expected.get(nuclei.data[i]) ?? 0) + 1);
    });
    const parents = result.values.get('relate')!.parents as Table;
    const labels = numberColumn(parents, 'label');
    const children = numberColumn(parents, 'children');
    expect(labels.length).toBe(nuclei.count);
    labels.forEach((l, k) => expect(children[k], `nucleus ${l}`).toBe(expected.get(l) ?? 0));
    // most nuclei have one maximum, some (touching pairs, textured nuclei) more, and maxima lie outside nuclei too
    const counts = Array.from(children);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(counts.length / 2);
    expect(counts.some((c) => c >= 2)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThan(maxima.count);
  });
});
