import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import { imageFromRows, labelsFromRows, maskFromRows, type Image } from '../../core/image';
import type { PortValue } from '../../core/node';
import { countLabels, makePreview } from './previews';
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
  });

  test('labels count distinct objects, as cellgraph run does, even when not consecutive', () => {
    const labels = labelsFromRows([[0, 3, 3], [7, 0, 3]]);
    expect(countLabels(labels)).toBe(2);
    const preview = makePreview({ key: 'k', def: nodeRegistry.get('label')!, outputs: { labels }, inputs: {} });
    expect((preview.outputs.labels as RasterPreview).objects).toBe(2);
    expect((preview.outputs.labels as RasterPreview).thumb.rgba).toHaveLength(2 * 3 * 4);
  });

  test('a value the page cannot draw gets a note, not an exception', () => {
    const odd = { kind: 'points', xs: [1, 2] } as unknown as PortValue;
    const preview = makePreview({ key: 'k', def: nodeRegistry.get('gaussian-blur')!, outputs: { image: odd }, inputs: {} });
    expect(preview.outputs.image).toEqual({ kind: 'other', note: expect.stringMatching(/^no preview for this points/) });
    const fine = makePreview({ key: 'k', def: nodeRegistry.get('gaussian-blur')!, outputs: { image: imageFromRows([[1, 2]]) as Image }, inputs: {} });
    expect(fine.outputs.image.kind).toBe('image');
  });
});
