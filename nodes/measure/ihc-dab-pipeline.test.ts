// pipelines/ihc-dab.json run as a user runs it: the built bin/cellgraph.mjs in a child process (npm test
// builds it first) on scikit-image's IHC sample; the table and mask it writes are compared with the same
// steps in scikit-image (scripts/reference/ihc_dab.py → test-data/reference/ihc/ihc_dab.json).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slice2d } from '../../src/core/image';
import { autoThreshold } from '../../src/imaging/threshold';
import { colorDeconvolution } from '../../src/imaging/color-deconvolution';
import { decodeImageFile } from '../../src/io/decode';
import { imagePath, referencePath, REPO_ROOT } from '../../src/testing/paths';
import { cellgraph } from '../../src/testing/cli';

const IMAGE = 'ihc_fhl2_dab.png';
const PIPELINE = join(REPO_ROOT, 'pipelines', 'ihc-dab.json');
const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-ihc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Reference {
  dab_threshold: number;
  positive_pixels: number;
  total_pixels: number;
  area_fraction: number;
  near_threshold: number;
  otsu: { threshold: number; area_fraction: number };
  li: { threshold: number; area_fraction: number };
  mask_packbits_base64: string;
}
const reference = JSON.parse(readFileSync(referencePath('ihc', 'ihc_dab.json'), 'utf8')) as Reference;


const decode = (path: string, name: string) => decodeImageFile(new Uint8Array(readFileSync(path)), name, { maxPixels: 2 ** 28 });

/** scikit-image's mask, unpacked from np.packbits (most significant bit first, row-major). */
function referenceMask(): Uint8Array {
  const packed = Buffer.from(reference.mask_packbits_base64, 'base64');
  const mask = new Uint8Array(reference.total_pixels);
  for (let i = 0; i < mask.length; i++) mask[i] = (packed[i >> 3] >> (7 - (i & 7))) & 1;
  return mask;
}

/** cellgraph's DAB amounts of the sample, in process (the kernel the pipeline's node wraps). */
const dabOfSample = () => slice2d(colorDeconvolution(decode(imagePath(IMAGE), IMAGE)), 0, 2);

describe('cellgraph run pipelines/ihc-dab.json on the IHC sample', () => {
  const out = join(tmp, 'ihc');
  let result: ReturnType<typeof cellgraph>;
  beforeAll(() => {
    result = cellgraph(['run', PIPELINE, imagePath(IMAGE), '--out', out]);
  });

  it('is valid and succeeds', () => {
    expect(cellgraph(['validate', PIPELINE]).code).toBe(0);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });

  it('writes the DAB-positive area fraction that scikit-image gives (rgb2hed, DAB > 0.04)', () => {
    const [header, row] = readFileSync(join(out, 'dab_area.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const values = Object.fromEntries(header.map((name, i) => [name, row[i]]));
    expect(values.image).toBe(IMAGE);
    expect(Number(values.total_pixels)).toBe(reference.total_pixels);
    // float32 here, float64 in scikit-image: only pixels within 1e-6 of the threshold may differ
    expect(Math.abs(Number(values.positive_pixels) - reference.positive_pixels)).toBeLessThanOrEqual(reference.near_threshold);
    expect(Number(values.area_fraction)).toBe(Number(values.positive_pixels) / reference.total_pixels);
    // the PNG's pHYs (96 dpi) is not a microscope calibration: no area in µm²
    expect([values.positive_area, values.total_area]).toEqual(['', '']);
  });

  it('saves the same DAB-positive mask as scikit-image, pixels at the threshold aside', () => {
    const saved = decode(join(out, 'dab_mask', IMAGE), IMAGE);
    expect([saved.width, saved.height, saved.planes, saved.channels]).toEqual([512, 512, 1, 1]);
    const expected = referenceMask();
    const dab = dabOfSample();
    let differing = 0;
    for (let i = 0; i < expected.length; i++) {
      if ((saved.data[i] > 0 ? 1 : 0) !== expected[i]) {
        differing++;
        expect(Math.abs(dab[i] - reference.dab_threshold)).toBeLessThan(1e-5);
      }
    }
    expect(differing).toBeLessThanOrEqual(reference.near_threshold);
    expect(expected.reduce((s, v) => s + v, 0)).toBe(reference.positive_pixels);
  });
});

describe('pipelines/ihc-dab.json description', () => {
  const description = (JSON.parse(readFileSync(PIPELINE, 'utf8')) as { description: string }).description;

  it('states the result that scikit-image gives on the sample', () => {
    expect(description).toContain(`${reference.positive_pixels.toLocaleString('en')} positive pixels of ${reference.total_pixels.toLocaleString('en')}`);
    expect(description).toContain(`area fraction of ${reference.area_fraction.toFixed(4)}`);
  });

  it("states Li's and Otsu's thresholds on the sample's DAB as cellgraph computes them", () => {
    const dab = dabOfSample();
    const li = autoThreshold('li', dab);
    const otsu = autoThreshold('otsu', dab);
    expect(li).toBeCloseTo(reference.li.threshold, 4);
    expect(otsu).toBeCloseTo(reference.otsu.threshold, 4);
    const fraction = (t: number) => {
      let above = 0;
      for (let i = 0; i < dab.length; i++) if (dab[i] > t) above++;
      return above / dab.length;
    };
    expect(description).toContain(`Li's automatic threshold, ${reference.li.threshold.toFixed(3)}, gives ${fraction(li).toFixed(3)}`);
    expect(description).toContain(`Otsu's, ${reference.otsu.threshold.toFixed(3)}, falls inside the stained mode and gives ${fraction(otsu).toFixed(3)}`);
  });
});
