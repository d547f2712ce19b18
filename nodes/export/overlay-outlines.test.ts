// overlay-outlines against skimage.segmentation.find_boundaries / mark_boundaries
// (scripts/reference/overlay.py → test-data/reference/overlay/), on the hand-annotated DSB2018 labels
// (many touching nuclei) and on skimage's documented example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage, createLabels, imageFromRows, labelsFromRows, type Image, type Labels } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { findBoundaries, type BoundaryMode } from '../../src/imaging/boundaries';
import { decodeImageFile } from '../../src/io/decode';
import { readNpy } from '../../src/testing/npy';
import { imagePath, referencePath } from '../../src/testing/paths';
import { testContext } from '../../src/testing/context';
import { overlayOutlines } from './overlay-outlines';

type Mode = { pixels: number; packbits_base64: string };
const reference = JSON.parse(readFileSync(referencePath('overlay', 'boundaries.json'), 'utf8')) as Record<string, { shape: [number, number] } & Record<BoundaryMode, Mode>> & {
  display_range_256: [number, number];
};

/** A mask from np.packbits (most significant bit first, row-major). */
function unpack(mode: Mode, n: number): Uint8Array {
  const packed = Buffer.from(mode.packbits_base64, 'base64');
  return Uint8Array.from({ length: n }, (_, i) => (packed[i >> 3] >> (7 - (i & 7))) & 1);
}

const decode = (name: string) => decodeImageFile(new Uint8Array(readFileSync(imagePath(name))), name, { maxPixels: 2 ** 26 });
const truthLabels = (name: string): Labels => {
  const image = decode(`${name}_mask.tif`);
  return createLabels({ width: image.width, height: image.height }, Uint32Array.from(image.data));
};

const run = (image: Image, labels: Labels, params: Partial<{ mode: BoundaryMode; color: string; contrast: string }> = {}) =>
  (overlayOutlines.run({ image, labels }, overlayOutlines.params.parse(params), testContext()) as { image: Image }).image;

describe('findBoundaries', () => {
  // skimage's own docstring example: objects 1 and 5 touching
  const doc = [
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 5, 5, 5, 0, 0],
    [0, 0, 1, 1, 1, 5, 5, 5, 0, 0],
    [0, 0, 1, 1, 1, 5, 5, 5, 0, 0],
    [0, 0, 1, 1, 1, 5, 5, 5, 0, 0],
    [0, 0, 0, 0, 0, 5, 5, 5, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  ];
  const rows = (m: Uint8Array) => Array.from({ length: 9 }, (_, y) => Array.from(m.subarray(y * 10, y * 10 + 10)));

  it("gives skimage's documented thick, inner and outer outlines", () => {
    const flat = doc.flat();
    expect(rows(findBoundaries(flat, 10, 9, 'inner'))).toEqual([
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 1, 1, 1, 0, 0],
      [0, 0, 1, 1, 1, 1, 0, 1, 0, 0],
      [0, 0, 1, 0, 1, 1, 0, 1, 0, 0],
      [0, 0, 1, 1, 1, 1, 0, 1, 0, 0],
      [0, 0, 0, 0, 0, 1, 1, 1, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(rows(findBoundaries(flat, 10, 9, 'outer'))).toEqual([
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 1, 1, 1, 0, 0],
      [0, 0, 1, 1, 1, 1, 0, 0, 1, 0],
      [0, 1, 0, 0, 1, 1, 0, 0, 1, 0],
      [0, 1, 0, 0, 1, 1, 0, 0, 1, 0],
      [0, 1, 0, 0, 1, 1, 0, 0, 1, 0],
      [0, 0, 1, 1, 1, 1, 0, 0, 1, 0],
      [0, 0, 0, 0, 0, 1, 1, 1, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    const thick = rows(findBoundaries(flat, 10, 9, 'thick'));
    expect(thick[3]).toEqual([0, 1, 1, 1, 1, 1, 0, 1, 1, 0]);
    expect(thick[4]).toEqual([0, 1, 1, 0, 1, 1, 0, 1, 1, 0]);
  });

  it('does not outline objects along the image edge', () => {
    expect(Array.from(findBoundaries([1, 1, 1, 1], 2, 2, 'thick'))).toEqual([0, 0, 0, 0]);
    expect(Array.from(findBoundaries([1, 1, 0, 1, 1, 0], 3, 2, 'inner'))).toEqual([0, 1, 0, 0, 1, 0]);
  });

  for (const name of ['dsb2018_256_uint8', 'dsb2018_512_uint16']) {
    it(`equals skimage's find_boundaries on the annotated ${name} nuclei, in every mode`, () => {
      const labels = truthLabels(name);
      const n = labels.width * labels.height;
      for (const mode of ['thick', 'inner', 'outer'] as const) {
        const ours = findBoundaries(labels.data, labels.width, labels.height, mode);
        const theirs = unpack(reference[name][mode], n);
        let differ = 0;
        for (let i = 0; i < n; i++) if (ours[i] !== theirs[i]) differ++;
        expect({ mode, differ, pixels: ours.reduce((s, v) => s + v, 0) }).toEqual({ mode, differ: 0, pixels: reference[name][mode].pixels });
      }
    });
  }
});

describe('overlay-outlines', () => {
  it("draws what skimage's mark_boundaries draws on the auto-contrasted image", () => {
    const image = decode('dsb2018_256_uint8.tif');
    const labels = truthLabels('dsb2018_256_uint8');
    const out = run(image, labels, { mode: 'outer' });
    expect({ dtype: out.dtype, channels: out.channels, width: out.width, height: out.height }).toEqual({ dtype: 'uint8', channels: 3, width: 256, height: 256 });
    const marked = readNpy(referencePath('overlay', 'marked_256_outer.npy')); // height × width × 3
    const outline = unpack(reference.dsb2018_256_uint8.outer, 256 * 256);
    const n = 256 * 256;
    let offByOne = 0;
    const wrong: string[] = [];
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 3; c++) {
        const ours = out.data[c * n + i];
        const theirs = marked.data[i * 3 + c] as number;
        if (outline[i] && ours !== [255, 255, 0][c]) wrong.push(`outline pixel ${i} channel ${c}: ${ours}`);
        // the same display value, but for rounding of values exactly half-way (NumPy rounds half to even)
        if (Math.abs(ours - theirs) > 1) wrong.push(`pixel ${i} channel ${c}: ${ours}, skimage ${theirs}`);
        if (ours !== theirs) offByOne++;
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(offByOne).toBeLessThan(0.01 * 3 * n);
  });

  it('scales by the pixel type with contrast none, by min and max with min-max, and colours as asked', () => {
    const image = createImage({ width: 4, height: 3 }, 'uint16', Uint16Array.from([0, 1000, 2000, 65535, 0, 1000, 2000, 65535, 0, 0, 0, 0]));
    const labels = labelsFromRows([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 7],
    ]);
    // inner outline: only the object pixel itself (its neighbours are background)
    const none = run(image, labels, { contrast: 'none', color: 'cyan' });
    expect(Array.from(none.data.subarray(0, 12))).toEqual([0, 4, 8, 255, 0, 4, 8, 255, 0, 0, 0, 0]);
    expect([none.data[11], none.data[12 + 11], none.data[24 + 11]]).toEqual([0, 255, 255]);
    const minMax = run(image, labels, { contrast: 'min-max', color: 'red' });
    expect(Array.from(minMax.data.subarray(0, 4))).toEqual([0, 4, 8, 255]);
    expect([minMax.data[11], minMax.data[12 + 11], minMax.data[24 + 11]]).toEqual([255, 0, 0]);
  });

  it('keeps the colours of an RGB image and outlines each plane of a stack on its own', () => {
    const rgb = createImage({ width: 2, height: 1, channels: 3 }, 'uint8', Uint8Array.from([10, 20, 30, 40, 50, 60]));
    const shown = run(rgb, labelsFromRows([[0, 0]]), { contrast: 'none' });
    expect(Array.from(shown.data)).toEqual([10, 20, 30, 40, 50, 60]);

    const stack = createImage({ width: 3, height: 1, planes: 2 }, 'uint8', Uint8Array.from([100, 100, 100, 100, 100, 100]));
    const labels = createLabels({ width: 3, height: 1, planes: 2 }, Uint32Array.from([1, 0, 0, 0, 0, 2]));
    const out = run(stack, labels, { contrast: 'none', mode: 'inner' });
    // red channel of plane 0, then of plane 1: yellow (255) on each plane's own object only
    expect(Array.from(out.data.subarray(0, 3))).toEqual([255, 100, 100]);
    expect(Array.from(out.data.subarray(9, 12))).toEqual([100, 100, 255]);
    expect(Array.from(out.data.subarray(9 + 6, 12 + 6))).toEqual([100, 100, 0]); // plane 1 blue: yellow has none
  });

  it('refuses two-channel images and objects of another size, in one line', () => {
    const two = createImage({ width: 2, height: 1, channels: 2 }, 'uint8');
    expect(() => run(two, labelsFromRows([[0, 1]]))).toThrow(UserError);
    expect(() => run(two, labelsFromRows([[0, 1]]))).toThrow(/got 2 channels: pick one with split-channels/);
    expect(() => run(imageFromRows([[1, 2, 3]]), labelsFromRows([[0, 1]]))).toThrow(/must have the same size/);
  });
});
