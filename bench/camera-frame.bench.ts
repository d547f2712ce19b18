// Whole example pipelines on one full camera frame, 2048 × 2048 uint16 (an sCMOS chip), the size a
// plate analyst runs 10^5 of: the 512² DSB2018 nuclei image tiled 4 × 4, and the two-channel NEUBIAS
// crop tiled to 2048² for cells-two-channel. One image through the executor, no cache, one thread.
// `npx vitest bench --run bench/camera-frame.bench.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { nodeRegistry } from '../nodes/index';
import { runPipeline } from '../src/core/executor';
import { createImage, type Image } from '../src/core/image';
import { loadPipelineText } from '../src/core/validate';
import { decodeImageFile } from '../src/io/decode';
import { encodeTiff } from '../src/io/tiff-encode';
import { IMAGES, REPO_ROOT } from '../src/testing/paths';

const SIDE = 2048;

/** `image` repeated across a SIDE × SIDE frame, every channel. */
function tiled(image: Image): Uint8Array {
  const { width, height, channels } = image;
  const frame = createImage({ width: SIDE, height: SIDE, channels }, image.dtype);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      for (let c = 0; c < channels; c++) {
        frame.data[(c * SIDE + y) * SIDE + x] = image.data[(c * height + (y % height)) * width + (x % width)];
      }
    }
  }
  return encodeTiff(frame);
}

const read = (name: string) => decodeImageFile(new Uint8Array(readFileSync(join(IMAGES, name))), name, { maxPixels: 2 ** 28 });
const nuclei = tiled(read('dsb2018_512_uint16.tif'));
const twoChannel = tiled(read('xyc_16bit__nuclei_tubulin_crop.tif'));

function pipeline(name: string) {
  const loaded = loadPipelineText(readFileSync(join(REPO_ROOT, 'pipelines', `${name}.json`), 'utf8'), nodeRegistry);
  if (!loaded.ok) throw new Error(`pipelines/${name}.json is invalid`);
  return loaded.checked;
}

async function run(name: string, bytes: Uint8Array): Promise<void> {
  const r = await runPipeline(pipeline(name), { registry: nodeRegistry, source: { name: 'frame.tif', bytes, hash: name } });
  if (r.error) throw new Error(r.error);
}

describe(`example pipelines on one ${SIDE}×${SIDE} uint16 frame`, () => {
  bench('nuclei-count', () => run('nuclei-count', nuclei), { iterations: 5 });
  bench('nuclei-declump', () => run('nuclei-declump', nuclei), { iterations: 5 });
  bench('cells-two-channel (2 channels)', () => run('cells-two-channel', twoChannel), { iterations: 5 });
});
