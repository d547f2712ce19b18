import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import type { Image } from '../../src/core/image';
import { testContext } from '../../src/testing/context';
import { readNpy } from '../../src/testing/npy';
import { imagePath, REPO_ROOT } from '../../src/testing/paths';
import { planeFiles } from '../../src/testing/plane-files';
import { stackSource } from '../../src/io/image-stack';
import { loadImage } from './load-image';

const DATA = join(REPO_ROOT, 'test-data');

function load(path: string, channels: 'keep' | 'gray' = 'keep', maxPixels = 2 ** 28): Image {
  const bytes = new Uint8Array(readFileSync(path));
  const ctx = testContext({ nodeId: 'load', maxPixels, source: { name: basename(path), bytes, hash: 'h' } });
  return (loadImage.run({}, loadImage.params.parse({ channels }), ctx) as { image: Image }).image;
}

describe('load-image', () => {
  it('keeps a 16-bit image exactly as stored, with its pixel size and file name', () => {
    const image = load(imagePath('xy_16bit_calibrated__nuclei_various_shapes.tif'));
    expect([image.width, image.height, image.channels, image.dtype]).toEqual([269, 253, 1, 'uint16']);
    expect(image.meta.source).toBe('xy_16bit_calibrated__nuclei_various_shapes.tif');
    expect(image.meta.pixelSize).toEqual({ x: 0.2, y: 0.2, unit: 'µm' });
  });

  it('keeps RGB as 3 channels, and gray passes a 1-channel image through unchanged', () => {
    expect(load(join(DATA, 'png', 'rgb8.png')).channels).toBe(3);
    const grey = load(join(DATA, 'tiff', 'u16.tif'), 'gray');
    expect(grey.dtype).toBe('uint16');
    expect(Array.from(grey.data)).toEqual(Array.from(readNpy(join(DATA, 'tiff', 'u16.npy')).data as Uint16Array));
  });

  it.each([
    ['rgb8.png', 255],
    ['rgb16.png', 65535],
  ])('gray on %s equals scikit-image rgb2gray × %i (the input range), as float32', (file, top) => {
    const gray = load(join(DATA, 'png', file), 'gray');
    expect([gray.channels, gray.dtype]).toEqual([1, 'float32']);
    const reference = readNpy(join(DATA, 'png', file.replace('.png', '_rgb2gray.npy'))).data as Float32Array;
    expect(gray.data.length).toBe(reference.length);
    let maxRel = 0;
    let max = 0;
    for (let i = 0; i < reference.length; i++) {
      maxRel = Math.max(maxRel, Math.abs(gray.data[i] - reference[i]) / Math.max(reference[i], 1));
      max = Math.max(max, gray.data[i]);
    }
    // skimage divides by 255/65535 first and we multiply back: a float32 rounding apart at most
    expect(maxRel).toBeLessThan(1e-6);
    expect(max).toBeGreaterThan(top * 0.5); // in the input's range, not 0–1
  });

  it('gray weighs R, G, B by 0.2125, 0.7154, 0.0721 and ignores alpha', () => {
    const rgba = load(join(DATA, 'tiff', 'rgba8.tif'), 'gray');
    const truth = readNpy(join(DATA, 'tiff', 'rgba8.npy')).data as Uint8Array;
    const n = rgba.width * rgba.height;
    for (const i of [0, 1, 17, n - 1]) {
      const expected = Math.fround(0.2125 * truth[i] + 0.7154 * truth[n + i] + 0.0721 * truth[2 * n + i]);
      expect(rgba.data[i]).toBe(expected);
    }
  });

  it('reads the planes of a stack (polyp: 3 time frames, not RGB)', () => {
    const polyp = load(imagePath('xyt_8bit_polyp.tif'), 'gray');
    expect([polyp.planes, polyp.channels, polyp.dtype]).toEqual([3, 1, 'uint8']);
  });

  it('reads a stack source (a --stack folder) as one image of all its files\' planes', () => {
    const spots = load(imagePath('xyz_16bit__spots.ome.tif'));
    const files = planeFiles(spots);
    const ctx = testContext({ nodeId: 'load', maxPixels: 2 ** 28, source: stackSource('spots', files) });
    const stack = (loadImage.run({}, loadImage.params.parse({}), ctx) as { image: Image }).image;
    expect([stack.planes, stack.meta.source]).toEqual([spots.planes, 'spots']);
    expect(Array.from(stack.data)).toEqual(Array.from(spots.data));
  });

  it('fails with one line for a bad file, a missing source, 2 channels with gray, or a size over the limit', () => {
    expect(() => load(join(DATA, 'png', 'manifest.json'))).toThrow(UserError);
    expect(() => loadImage.run({}, loadImage.params.parse({}), testContext())).toThrow(/no input file/);
    expect(() => load(imagePath('xyc_16bit__nuclei_tubulin_crop.tif'), 'gray')).toThrow(/1, 3 or 4 channels .* this one has 2/);
    expect(() => load(imagePath('blobs.tif'), 'keep', 1000)).toThrow(/image too large: .* over the limit of 1000/);
  });

  it('says its conventions: formats, no rescaling, palette indices kept, gray weights and range', () => {
    for (const words of ['LZW', 'PackBits', 'OME', 'palette', '0.2125 R + 0.7154 G + 0.0721 B', 'not rescaled', 'µm']) {
      expect(loadImage.description).toContain(words);
    }
  });
});
