// The granular spectrum: cases worked by hand, CellProfiler's own test cases (tests/modules/
// test_measuregranularity.py, their expected values), and real images against CellProfiler's steps
// written again with SciPy/skimage (scripts/reference/granularity.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slice2d } from '../core/image';
import { decodeImageFile } from '../io/decode';
import { imagePath, referencePath } from '../testing/paths';
import { cellProfilerPixels, granularity, type GranularityOptions } from './granularity';

const opts = (subsampleSize: number, imageSampleSize: number, elementSize: number, spectrumLength = 16): GranularityOptions => ({
  subsampleSize, imageSampleSize, elementSize, spectrumLength,
});

/** A w × h float32 image, f(row, column). */
function image(w: number, h: number, f: (y: number, x: number) => number): Float32Array {
  return Float32Array.from({ length: w * h }, (_, i) => f(Math.floor(i / w), i % w));
}

/** Expected spectrum: `at` maps a 1-based step to its value, every other step 0. */
const spectrum = (n: number, at: Record<number, number>) => Array.from({ length: n }, (_, k) => at[k + 1] ?? 0);

const near = (got: ArrayLike<number>, want: number[], tol: number) => Array.from(got).every((v, i) => Math.abs(v - want[i]) <= tol);

describe('granularity', () => {
  it('a flat image has no granularity: every step 0', () => {
    const flat = image(40, 40, () => 0.3);
    expect(Array.from(granularity(flat, 40, 40, opts(0.25, 0.25, 10)).image)).toEqual(spectrum(16, {}));
    expect(Array.from(granularity(flat, 40, 40, opts(1, 1, 3, 4)).image)).toEqual([0, 0, 0, 0]);
  });

  it('bright disks of radius 2 and 5 go at steps 3 and 6, in proportion to their signal', () => {
    // disk(r) holds the diamond of radius r but not r + 1: the (r + 1)-th cross erosion removes it; the
    // background opening (disk of radius 6) removes both, so the background stays 0
    let small = 0;
    let large = 0;
    const img = image(64, 48, (y, x) => {
      const inSmall = (y - 12) ** 2 + (x - 12) ** 2 <= 4 || (y - 36) ** 2 + (x - 50) ** 2 <= 4;
      const inLarge = (y - 24) ** 2 + (x - 32) ** 2 <= 25;
      small += inSmall ? 1 : 0;
      large += inLarge ? 1 : 0;
      return inSmall || inLarge ? 1 : 0;
    });
    const gs = granularity(img, 64, 48, opts(1, 1, 6, 8)).image;
    expect(near(gs, spectrum(8, { 3: (100 * small) / (small + large), 6: (100 * large) / (small + large) }), 1e-5)).toBe(true);
    // not exactly: as in CellProfiler, the first mean is NumPy's float32 mean of the float32 image and the
    // later ones float64 means, so step 1 shows their difference (the SciPy reference gives the same 3.565e-6)
    expect(gs[0]).toBe(3.5651375109637607e-6);
  });

  // CellProfiler's test_measuregranularity.py: images and expected spectra (to 7 decimals)
  it('CellProfiler test_no_scaling: a 10 × 10 checkerboard goes entirely at step 1', () => {
    const board = image(10, 10, (y, x) => ((y % 2) === (x % 2) ? 1 : 0));
    expect(near(granularity(board, 10, 10, opts(1, 1, 10)).image, spectrum(16, { 1: 100 }), 1e-7)).toBe(true);
  });

  it('CellProfiler test_subsampling: 8-px blocks subsampled by 0.5 go at step 2, their corners at step 4', () => {
    const blocks = image(80, 80, (y, x) => (Math.floor(y / 8) % 2 === Math.floor(x / 8) % 2 ? 1 : 0));
    expect(near(granularity(blocks, 80, 80, opts(0.5, 1, 10)).image, spectrum(16, { 2: 96, 4: 4 }), 1e-7)).toBe(true);
  });

  it('CellProfiler test_background_sampling: 4-px blocks on a 0.5 background, background sampled by 0.5', () => {
    const blocks = image(80, 80, (y, x) => (Math.floor(y / 4) % 2 === Math.floor(x / 4) % 2 ? 1 : 0) * 0.5 + 0.5);
    expect(near(granularity(blocks, 80, 80, opts(1, 0.5, 10)).image, spectrum(16, { 2: 99, 4: 1 }), 1e-7)).toBe(true);
  });

  it('CellProfiler test_filter_background: the opening of radius 5 finds the 0.2 background', () => {
    const img = image(80, 80, (y, x) => {
      let v = (Math.floor(y / 4) % 2 === Math.floor(x / 4) % 2 ? 1 : 0) * 0.5 + 0.2;
      if (x < 2 && v < 0.5) v = 0;
      if (x === 0 && v > 0.5) v = 0.5;
      return y === 0 && x === 0 ? 0.7 : v;
    });
    expect(near(granularity(img, 80, 80, opts(1, 1, 5)).image, spectrum(16, { 2: 99, 4: 1 }), 1e-7)).toBe(true);
  });

  it('CellProfiler test_no_scaling_alt / test_subsampling_alt: objects follow the image', () => {
    const board = image(30, 40, (y, x) => ((y % 2) === (x % 2) ? 1 : 0));
    const halves = Uint32Array.from({ length: 30 * 40 }, (_, i) => (i < 20 * 30 ? 1 : 2));
    const a = granularity(board, 30, 40, opts(1, 1, 10), halves);
    expect(Array.from(a.objects!.labels)).toEqual([1, 2]);
    a.objects!.spectra.forEach((gs, k) => expect(near(gs, [k === 0 ? 100 : 0, k === 0 ? 100 : 0], 1e-7)).toBe(true));
    // subsampled: the stretched reconstruction blurs the objects' values, CellProfiler checks them to ±1.5
    const blocks = image(80, 80, (y, x) => (Math.floor(y / 8) % 2 === Math.floor(x / 8) % 2 ? 1 : 0));
    const top = Uint32Array.from({ length: 80 * 80 }, (_, i) => (i < 40 * 80 ? 1 : 2));
    const b = granularity(blocks, 80, 80, opts(0.5, 1, 10), top);
    const want = spectrum(16, { 2: 96, 4: 4 });
    b.objects!.spectra.forEach((gs, k) => expect(near(gs, [want[k], want[k]], 1.5)).toBe(true));
  });

  it('scales integer images to 0..1 in float32, as CellProfiler loads them', () => {
    expect(Array.from(cellProfilerPixels(Uint8Array.from([0, 51, 255]), 'uint8'))).toEqual([0, Math.fround(0.2), 1]);
    expect(Array.from(cellProfilerPixels(Uint16Array.from([65535, 1]), 'uint16'))).toEqual([1, Math.fround(1 / 65535)]);
    expect(Array.from(cellProfilerPixels(Int16Array.from([-32768, 32767]), 'int16'))).toEqual([0, 1]);
    expect(Array.from(cellProfilerPixels(Float64Array.from([0.1, 7]), 'float64'))).toEqual([Math.fround(0.1), 7]);
  });
});

interface SpectrumCase {
  name: string;
  image: string;
  channel: number | null;
  params: { subsample_size: number; image_sample_size: number; element_size: number; length: number };
  image_gs: number[];
  labels_file?: string;
  labels?: number[];
  object_gs?: number[][];
}

describe('granularity against CellProfiler\'s steps in SciPy/skimage', () => {
  const ref = JSON.parse(readFileSync(referencePath('measure', 'granularity.json'), 'utf8')) as { spectra: SpectrumCase[] };
  const decode = (name: string, kind: 'image' | 'labels') => decodeImageFile(new Uint8Array(readFileSync(imagePath(name))), kind, { maxPixels: 2 ** 26 });
  // every step is the same arithmetic in the same precision (float32 images, NumPy's pairwise sums), so
  // the spectra agree bit for bit
  const TOL = 0;
  for (const c of ref.spectra) {
    it(`${c.name}${c.labels ? ' (with objects)' : ''}`, () => {
      const img = decode(c.image, 'image');
      const pixels = cellProfilerPixels(slice2d(img, 0, c.channel ?? 0), img.dtype);
      const labels = c.labels_file ? Uint32Array.from(decode(c.labels_file, 'labels').data) : undefined;
      const p = c.params;
      const got = granularity(pixels, img.width, img.height, opts(p.subsample_size, p.image_sample_size, p.element_size, p.length), labels);
      const off = Array.from(got.image).map((v, k) => Math.abs(v - c.image_gs[k]));
      expect(Math.max(...off)).toBeLessThanOrEqual(TOL);
      if (c.labels && c.object_gs) {
        expect(Array.from(got.objects!.labels)).toEqual(c.labels);
        let worst = 0;
        got.objects!.spectra.forEach((gs, k) => gs.forEach((v, o) => (worst = Math.max(worst, Math.abs(v - c.object_gs![k][o])))));
        expect(worst).toBeLessThanOrEqual(TOL);
      }
    });
  }
});
