// PNG in and out: every colour type and depth Pillow (or the fixture script's own encoder) writes
// decodes to exactly the pixels written (test-data/png, made by scripts/make-png-jpeg-fixtures.py),
// and encodePng round-trips grey, RGB, masks and labels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImage, createLabels, createMask, imageFromRows } from '../core/image';
import { readNpy } from '../testing/npy';
import { REPO_ROOT } from '../testing/paths';
import { decodePng, encodePng } from './png';

const DATA = join(REPO_ROOT, 'test-data');

interface Entry {
  file: string;
  npy: string;
  dtype: string;
  channels: number;
  height: number;
  width: number;
  extra?: Record<string, string>;
}

const manifest = (JSON.parse(readFileSync(join(DATA, 'png', 'manifest.json'), 'utf8')) as Entry[]).filter((e) => e.file.endsWith('.png'));
const opts = { maxPixels: 2 ** 28 };

describe('decodePng', () => {
  it('has the fixture set: grey 1/2/4/8/16-bit, RGB and RGBA 8/16-bit, grey+alpha, palettes', () => {
    expect(manifest.map((e) => e.file.replace('png/', '')).sort()).toEqual([
      'grey16.png', 'grey1bit.png', 'grey2bit.png', 'grey4bit.png', 'grey8.png', 'grey_alpha16.png', 'grey_alpha8.png',
      'palette_grey.png', 'palette_rgb.png', 'rgb16.png', 'rgb8.png', 'rgba16.png', 'rgba8.png',
    ]);
  });

  it.each(manifest.map((e) => [e.file, e] as const))('%s', (file, e) => {
    const image = decodePng(new Uint8Array(readFileSync(join(DATA, file))), file, opts);
    expect({ width: image.width, height: image.height, planes: image.planes, channels: image.channels, dtype: image.dtype })
      .toEqual({ width: e.width, height: e.height, planes: 1, channels: e.channels, dtype: e.dtype });
    const truth = readNpy(join(DATA, e.npy));
    expect(Array.from(image.data)).toEqual(Array.from(truth.data as ArrayLike<number>));
    for (const [key, value] of Object.entries(e.extra ?? {})) expect(image.meta.extra[key]).toBe(value);
  });
});

describe('encodePng', () => {
  const roundTrip = (bytes: Uint8Array) => decodePng(bytes, 'x.png', opts);

  it('round-trips 8- and 16-bit grey and RGB exactly, with a description', () => {
    const grey16 = createImage({ width: 3, height: 2 }, 'uint16', Uint16Array.from([0, 1, 256, 65535, 300, 7]));
    const rgb8 = createImage({ width: 2, height: 2, channels: 3 }, 'uint8', Uint8Array.from({ length: 12 }, (_, i) => i * 20));
    for (const image of [imageFromRows([[0, 255], [17, 3]], 'uint8'), grey16, rgb8]) {
      const back = roundTrip(encodePng(image, { description: 'made by a test, with "quotes"\nand a µ' }));
      expect(back.dtype).toBe(image.dtype);
      expect(back.channels).toBe(image.channels);
      expect(Array.from(back.data)).toEqual(Array.from(image.data));
      expect(back.meta.extra.description).toBe('made by a test, with "quotes"\nand a µ');
    }
  });

  it('writes a mask as 0/255 and labels as 16-bit values', () => {
    const mask = createMask({ width: 2, height: 2 }, Uint8Array.from([0, 1, 1, 0]));
    expect(Array.from(roundTrip(encodePng(mask)).data)).toEqual([0, 255, 255, 0]);
    const labels = createLabels({ width: 3, height: 1 }, Uint32Array.from([0, 1, 65535]));
    const back = roundTrip(encodePng(labels));
    expect(back.dtype).toBe('uint16');
    expect(Array.from(back.data)).toEqual([0, 1, 65535]);
  });

  it('refuses what PNG cannot hold, suggesting TIFF', () => {
    expect(() => encodePng(imageFromRows([[0.5]], 'float32'))).toThrow(/float32: save it as TIFF/);
    expect(() => encodePng(createImage({ width: 1, height: 1, planes: 2 }, 'uint8'))).toThrow(/one plane but this image has 2/);
    expect(() => encodePng(createLabels({ width: 1, height: 1 }, Uint32Array.from([70000])))).toThrow(/at most 65535 labels/);
  });
});
