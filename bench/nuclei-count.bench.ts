// The nuclei-count pipeline's steps on the real 512×512 uint16 DSB2018 image, one kernel at a time,
// then the whole pipeline per image over the batch the CLI tests use. scripts/bench/skimage_nuclei.py
// times the same steps in scikit-image; compare medians. `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { nodeRegistry } from '../nodes/index';
import { measureObjects } from '../nodes/measure/measure-objects';
import { runPipeline } from '../src/core/executor';
import type { Image, Labels, Mask } from '../src/core/image';
import { loadPipelineText } from '../src/core/validate';
import { fillHoles } from '../src/imaging/fill-holes';
import { filterObjectsByArea } from '../src/imaging/filter-objects';
import { gaussian } from '../src/imaging/gaussian';
import { labelComponents } from '../src/imaging/label';
import { applyThreshold, autoThreshold } from '../src/imaging/threshold';
import { decodeImageFile } from '../src/io/decode';
import { testContext } from '../src/testing/context';
import { IMAGES, REPO_ROOT } from '../src/testing/paths';

const opts = { maxPixels: 2 ** 28 };
const bytes = new Uint8Array(readFileSync(join(IMAGES, 'dsb2018_512_uint16.tif')));
const image = decodeImageFile(bytes, 'dsb2018_512_uint16.tif', opts);
const blurred = gaussian(image, 2);
const t = autoThreshold('otsu', blurred.data);
const mask: Mask = { ...blurred, kind: 'mask', data: applyThreshold(blurred.data, t, 'bright') } as unknown as Mask;
const filled = fillHoles(mask);
const labels = labelComponents(filled, 8);
const kept: Labels = filterObjectsByArea(labels, 30, 1e9);

describe('nuclei-count steps, dsb2018_512_uint16.tif (512×512 uint16)', () => {
  bench('decode TIFF', () => void decodeImageFile(bytes, 'x.tif', opts));
  bench('gaussian sigma 2 (float32 out)', () => void gaussian(image, 2));
  bench('threshold otsu (value)', () => void autoThreshold('otsu', blurred.data));
  bench('threshold apply (mask)', () => void applyThreshold(blurred.data, t, 'bright'));
  bench('fill holes', () => void fillHoles(mask));
  bench('label 8-connected', () => void labelComponents(filled, 8));
  bench('filter objects min_area 30', () => void filterObjectsByArea(labels, 30, 1e9));
  bench('measure objects (19 regionprops columns)', () => {
    measureObjects.run({ labels: kept, image: image as Image }, measureObjects.params.parse({}), testContext());
  });
});

const BATCH = [
  'dsb2018_256_uint8.tif', 'dsb2018_512_uint16.tif', 'blobs.tif', 'xy_8bit__mitocheck_incenp_t1.tif',
  'xy_16bit_calibrated__nuclei_various_shapes.tif',
].map((n) => join(IMAGES, n)).concat(join(REPO_ROOT, 'test-data', 'synthetic', 'synthetic_nuclei.tif'));
const files = BATCH.map((p) => new Uint8Array(readFileSync(p)));
const loaded = loadPipelineText(readFileSync(join(REPO_ROOT, 'pipelines', 'nuclei-count.json'), 'utf8'), nodeRegistry);
if (!loaded.ok) throw new Error('pipelines/nuclei-count.json is invalid');
const checked = loaded.checked;

describe('nuclei-count pipeline, whole', () => {
  bench('dsb2018_512_uint16.tif, one image (executor, no cache)', async () => {
    const r = await runPipeline(checked, { registry: nodeRegistry, source: { name: 'x.tif', bytes, hash: 'h' } });
    if (r.error) throw new Error(r.error);
  });
  bench('batch of 6 images (5 real + synthetic), one thread', async () => {
    for (const [i, file] of files.entries()) {
      const r = await runPipeline(checked, { registry: nodeRegistry, source: { name: `${i}.tif`, bytes: file, hash: String(i) } });
      if (r.error) throw new Error(r.error);
    }
  });
});
