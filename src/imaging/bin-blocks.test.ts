import { describe, expect, it } from 'vitest';
import { createImage, imageFromRows, type Image } from '../core/image';
import { binBlocks, type BinEdges } from './bin-blocks';
import { differences, loadSpots, readReferenceJson, referenceImage } from './stack-reference';

interface BinCase {
  source: string;
  bin_planes: number;
  bin_y: number;
  bin_x: number;
  edges: BinEdges;
  out: string;
}
const cases = readReferenceJson<{ bin: BinCase[] }>('stack', 'manifest.json').bin;
const sources: Record<string, () => Image> = { spots: loadSpots, synth_f32: () => referenceImage('stack', 'synth_f32.npy') };

describe('binBlocks', () => {
  it('averages 2×2 blocks; partial edge blocks are dropped or averaged over what they hold', () => {
    const img = imageFromRows([[1, 2, 3, 4, 5], [5, 6, 7, 8, 9], [9, 9, 9, 9, 9]], 'uint8');
    const drop = binBlocks(img, { x: 2, y: 2, planes: 1 }, 'drop');
    expect([drop.width, drop.height, drop.dtype]).toEqual([2, 1, 'float32']);
    expect(Array.from(drop.data)).toEqual([3.5, 5.5]);
    const partial = binBlocks(img, { x: 2, y: 2, planes: 1 }, 'partial');
    expect([partial.width, partial.height]).toEqual([3, 2]);
    expect(Array.from(partial.data)).toEqual([3.5, 5.5, 7, 9, 9, 9]);
  });

  it('averages across planes and scales the pixel size', () => {
    const img = createImage({ width: 1, height: 1, planes: 3 }, 'uint16', Uint16Array.from([2, 4, 9]));
    img.meta.pixelSize = { x: 0.1, y: 0.2, z: 1, unit: 'µm' };
    const out = binBlocks(img, { x: 1, y: 1, planes: 2 }, 'partial');
    expect(Array.from(out.data)).toEqual([3, 9]);
    expect(out.meta.pixelSize).toEqual({ x: 0.1, y: 0.2, z: 2, unit: 'µm' });
  });

  it.each(cases.map((c) => [c.source, `${c.bin_planes}×${c.bin_y}×${c.bin_x}`, c.edges, c] as const))(
    '%s blocks %s edges %s equal numpy exactly',
    (source, _blocks, edges, c) => {
      const expected = referenceImage('stack', c.out);
      const got = binBlocks(sources[source](), { x: c.bin_x, y: c.bin_y, planes: c.bin_planes }, edges);
      expect([got.width, got.height, got.planes]).toEqual([expected.width, expected.height, expected.planes]);
      expect(differences(got.data, expected.data)).toEqual([]);
    },
  );
});
