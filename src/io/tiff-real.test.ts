// The real microscopy TIFFs in test-data/images decode as tifffile reads them
// (test-data/tiff/real-images.json, made by scripts/make-real-image-truths.py): shape, planes versus
// channels (polyp: 3 time frames, not RGB), values, and the pixel size from the ImageJ header or OME-XML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imagePath, REPO_ROOT } from '../testing/paths';
import { decodeTiff } from './tiff';

interface RealTruth {
  file: string;
  axes: string;
  width: number;
  height: number;
  planes: number;
  channels: number;
  dtype: string;
  min: number;
  max: number;
  sum: number;
  pixelSize: { x: number; y: number; z?: number; unit: string } | null;
}

const truths = JSON.parse(readFileSync(join(REPO_ROOT, 'test-data', 'tiff', 'real-images.json'), 'utf8')) as RealTruth[];
const load = (file: string) => decodeTiff(new Uint8Array(readFileSync(imagePath(file))), file, { maxPixels: 2 ** 28 });

describe('decodeTiff on real microscopy files', () => {
  it.each(truths.map((t) => [t.file, t] as const))('%s', (file, t) => {
    const image = load(file);
    expect({ width: image.width, height: image.height, planes: image.planes, channels: image.channels, dtype: image.dtype })
      .toEqual({ width: t.width, height: t.height, planes: t.planes, channels: t.channels, dtype: t.dtype });
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of image.data) {
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    expect({ min, max, sum }).toEqual({ min: t.min, max: t.max, sum: t.sum });
    const size = image.meta.pixelSize;
    if (t.pixelSize === null) {
      expect(size).toBeUndefined();
    } else {
      expect(size?.unit).toBe(t.pixelSize.unit);
      expect(size?.x).toBeCloseTo(t.pixelSize.x, 10);
      expect(size?.y).toBeCloseTo(t.pixelSize.y, 10);
      if (t.pixelSize.z !== undefined) expect(size?.z).toBeCloseTo(t.pixelSize.z, 10);
    }
  });

  it('reads the polyp movie as 3 time planes, the OME spots stack as 17 z planes', () => {
    expect(load('xyt_8bit_polyp.tif').meta.extra.planeAxis).toBe('t');
    const spots = load('xyz_16bit__spots.ome.tif');
    expect(spots.meta.extra.planeAxis).toBe('z');
    expect(spots.meta.pixelSize?.z).toBeCloseTo(0.4, 10);
  });
});
