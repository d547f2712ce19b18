import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import { imageFromRows, labelsFromRows, maskFromRows, type Image } from '../../core/image';
import type { PortValue } from '../../core/node';
import { countObjects } from '../../core/image';
import { makePreview, rasterPreview } from './previews';
import { createImage, createLabels } from '../../core/image';
import { labelColor } from '../display/contrast';
import { testContext } from '../../testing/context';
import type { RasterPreview } from './protocol';

describe('previews', () => {
  test('threshold: the mask with its foreground count, and the input histogram with the threshold', () => {
    const image = imageFromRows([[0, 10], [20, 30]]);
    const preview = makePreview({
      key: 'k',
      def: nodeRegistry.get('threshold')!,
      outputs: { mask: maskFromRows([[0, 0], [1, 1]]), threshold: 15 },
      inputs: { image },
    });
    expect((preview.outputs.mask as RasterPreview).foreground).toBe(2);
    expect(preview.outputs.threshold).toEqual({ kind: 'number', value: 15 });
    expect(preview.histogram?.threshold).toBe(15);
    expect(preview.histogram?.counts.reduce((a, b) => a + b, 0)).toBe(4);
    // with a region, the histogram of the pixels inside it, which the threshold was computed from
    const inRegion = makePreview({
      key: 'k',
      def: nodeRegistry.get('threshold')!,
      outputs: { mask: maskFromRows([[0, 0], [0, 1]]), threshold: 25 },
      inputs: { image, region: maskFromRows([[0, 0], [1, 1]]) },
    });
    expect(inRegion.histogram).toMatchObject({ min: 20, max: 30, threshold: 25 });
    expect(inRegion.histogram?.counts.reduce((a, b) => a + b, 0)).toBe(2);
  });

  test('labels count distinct objects, as cellgraph run does, even when not consecutive', () => {
    const labels = labelsFromRows([[0, 3, 3], [7, 0, 3]]);
    expect(countObjects(labels)).toBe(2);
    const preview = makePreview({ key: 'k', def: nodeRegistry.get('label')!, outputs: { labels }, inputs: {} });
    expect((preview.outputs.labels as RasterPreview).objects).toBe(2);
    expect((preview.outputs.labels as RasterPreview).thumb.rgba).toHaveLength(2 * 3 * 4);
  });

  test('objects of one pixel (find-maxima\'s points) are drawn as dots in the thumbnail; larger objects as they are', () => {
    const width = 640;
    const points = createLabels({ width, height: 640 }, new Uint32Array(width * 640));
    const at = [[100, 100], [333, 50], [601, 602]];
    at.forEach(([x, y], k) => (points.data[y * width + x] = k + 1));
    const thumb = rasterPreview({ ...points, count: 3 }).thumb;
    expect([thumb.width, thumb.height]).toEqual([320, 320]);
    // each point: a dot of its colour at half the coordinates, several thumbnail pixels wide
    for (const [k, [x, y]] of at.entries()) {
      const [r, g, b] = labelColor(k + 1);
      let same = 0;
      for (let i = 0; i < thumb.width * thumb.height; i++) if (thumb.rgba[4 * i] === r && thumb.rgba[4 * i + 1] === g && thumb.rgba[4 * i + 2] === b) same++;
      expect(same, `point ${k + 1}`).toBeGreaterThanOrEqual(9);
      const c = (Math.floor(y / 2) * thumb.width + Math.floor(x / 2)) * 4;
      expect([thumb.rgba[c], thumb.rgba[c + 1], thumb.rgba[c + 2]]).toEqual([r, g, b]);
    }
    // an object of two pixels is not a point: the plain downscaled picture (here the pair is sampled away)
    const pair = createLabels({ width, height: 640 }, new Uint32Array(width * 640));
    pair.data[100 * width + 100] = pair.data[100 * width + 102] = 1; // even columns and rows: the 2× downscale samples odd ones
    const plain = rasterPreview(pair).thumb;
    expect(plain.rgba.some((v, i) => i % 4 !== 3 && v !== 0)).toBe(false);
  });

  test('a value the page cannot draw gets a note, not an exception', () => {
    const odd = { kind: 'points', xs: [1, 2] } as unknown as PortValue;
    const preview = makePreview({ key: 'k', def: nodeRegistry.get('gaussian-blur')!, outputs: { image: odd }, inputs: {} });
    expect(preview.outputs.image).toEqual({ kind: 'other', note: expect.stringMatching(/^no preview for this points/) });
    const fine = makePreview({ key: 'k', def: nodeRegistry.get('gaussian-blur')!, outputs: { image: imageFromRows([[1, 2]]) as Image }, inputs: {} });
    expect(fine.outputs.image.kind).toBe('image');
  });

  test('a stack preview shows the plane asked for; its metadata has the value range over all planes', () => {
    const stack = createImage({ width: 2, height: 1, planes: 3 }, 'uint16', Uint16Array.from([1, 2, 30, 40, 500, 600]));
    stack.meta = { source: 'z.tif', pixelSize: { x: 0.5, y: 0.5, z: 2, unit: 'µm' }, extra: { objective: '63x' } };
    const p0 = rasterPreview(stack);
    const p2 = rasterPreview(stack, undefined, 2);
    expect([p0.plane, p2.plane, rasterPreview(stack, undefined, 99).plane]).toEqual([0, 2, 2]);
    // one display range for the whole stack, so planes can be compared by eye
    expect(p2.ranges![0]).toEqual({ lo: 1, hi: 600 });
    expect(p2.thumb.rgba[0]).toBeGreaterThan(p0.thumb.rgba[0]);
    expect(p0.meta).toEqual({ source: 'z.tif', pixelSize: { x: 0.5, y: 0.5, z: 2, unit: 'µm' }, extra: { objective: '63x' }, valueRange: { min: 1, max: 600 }, nanCount: 0 });
  });

  test('the focus-stack index map is coloured over 0 … planes − 1, not auto-contrasted', () => {
    const stack = createImage({ width: 4, height: 4, planes: 5 }, 'float32');
    const def = nodeRegistry.get('focus-stack')!;
    const outputs = def.run({ image: stack } as never, def.params.parse({}), testContext()) as Record<string, PortValue>;
    const preview = makePreview({ key: 'k', def, outputs, inputs: { image: stack } });
    expect((preview.outputs.index as RasterPreview).display).toEqual({ colormap: 'viridis', lo: 0, hi: 4, legend: 'plane' });
    expect((preview.outputs.composite as RasterPreview).display).toBeUndefined();
    const map = nodeRegistry.get('focus-map')!;
    const focus = makePreview({ key: 'k', def: map, outputs: map.run({ image: stack } as never, map.params.parse({}), testContext()) as Record<string, PortValue>, inputs: { image: stack } });
    expect((focus.outputs.image as RasterPreview).display).toMatchObject({ lo: 0, hi: 1, legend: 'focus' });
  });

  test('in-focus-mask is tinted over the image it was made from; other masks stay black and white', () => {
    const image = imageFromRows([[0, 100], [100, 0]]);
    const def = nodeRegistry.get('in-focus-mask')!;
    const outputs = { mask: maskFromRows([[1, 0], [0, 0]]) };
    const tinted = makePreview({ key: 'k', def, outputs, inputs: { image } }).outputs.mask as RasterPreview;
    const plain = makePreview({ key: 'k', def: nodeRegistry.get('threshold')!, outputs: { ...outputs, threshold: 1 }, inputs: { image } }).outputs.mask as RasterPreview;
    expect(Array.from(plain.thumb.rgba.slice(0, 8))).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
    // pixel 0: selected, green over black; pixel 1: not selected, the image's grey (white here)
    expect(Array.from(tinted.thumb.rgba.slice(0, 8))).toEqual([16, 110, 40, 255, 255, 255, 255, 255]);
    expect(tinted.foreground).toBe(1);
  });

  test('a table too big to send whole (a per-pixel table) sends its first rows and its total; the plot uses every row', () => {
    const image = createImage({ width: 1000, height: 120, planes: 2 }, 'float32');
    image.data.fill(1, 120_000); // plane 1 is 1 everywhere
    const def = nodeRegistry.get('pixel-series')!;
    const outputs = def.run({ image } as never, def.params.parse({}), testContext()) as Record<string, PortValue>;
    const preview = makePreview({ key: 'k', def, outputs, inputs: { image } }).outputs.table;
    if (preview.kind !== 'table') throw new Error('expected a table preview');
    expect(preview.totalRows).toBe(120_000);
    expect(preview.table.rows).toBe(Math.floor(200_000 / 4)); // x, y, plane_0, plane_1
    expect(preview.table.columns[2].values).toHaveLength(preview.table.rows);
    expect(preview.plot?.series[0]).toEqual({ name: 'mean of 120000 rows', y: [0, 1] });
  });
});
