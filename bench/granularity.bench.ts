// measure-granularity on the real 512×512 uint16 DSB2018 image: CellProfiler's defaults (subsampled by
// 0.25, fast) and without subsampling (16 erosions and reconstructions of the full image).
// `npx vitest bench --run bench/granularity.bench.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { measureGranularity } from '../nodes/measure/measure-granularity';
import { createLabels, type Image } from '../src/core/image';
import { decodeImageFile } from '../src/io/decode';
import { testContext } from '../src/testing/context';
import { IMAGES } from '../src/testing/paths';

const decode = (name: string) => decodeImageFile(new Uint8Array(readFileSync(join(IMAGES, name))), name, { maxPixels: 2 ** 28 });
const image = decode('dsb2018_512_uint16.tif') as Image;
const mask = decode('dsb2018_512_uint16_mask.tif');
const labels = createLabels(mask, Uint32Array.from(mask.data));
const run = (params: Record<string, unknown>, withObjects = false) =>
  void measureGranularity.run({ image, labels: withObjects ? labels : undefined }, measureGranularity.params.parse(params), testContext());

describe('measure-granularity, dsb2018_512_uint16.tif (512×512)', () => {
  bench('defaults (subsample 0.25, background 0.25, element 10, 16 steps)', () => run({}));
  bench('defaults, with 125 objects', () => run({}, true));
  bench('no subsampling (subsample 1, background 0.25)', () => run({ subsample_size: 1 }));
  bench('no subsampling, with 125 objects', () => run({ subsample_size: 1 }, true));
});
