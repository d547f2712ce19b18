// The four 256×256 quarters of the DSB2018 512 image as four fields of one batch (q0 top left, q1 top
// right, q2 bottom left, q3 bottom right; uint16 TIFF), for the tests of batch pipelines.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createImage } from '../core/image';
import { decodeImageFile } from '../io/decode';
import { encodeTiff } from '../io/tiff-encode';
import { imagePath } from './paths';

export function dsbQuarters(): { name: string; bytes: Uint8Array }[] {
  const big = decodeImageFile(new Uint8Array(readFileSync(imagePath('dsb2018_512_uint16.tif'))), 'dsb2018_512_uint16.tif', { maxPixels: 2 ** 26 });
  return [[0, 0], [256, 0], [0, 256], [256, 256]].map(([x0, y0], q) => {
    const data = new Uint16Array(256 * 256);
    for (let y = 0; y < 256; y++) for (let x = 0; x < 256; x++) data[y * 256 + x] = big.data[(y0 + y) * 512 + x0 + x];
    return { name: `q${q}.tif`, bytes: encodeTiff(createImage({ width: 256, height: 256 }, 'uint16', data)) };
  });
}

/** Writes the quarters to `dir` as q0.tif … q3.tif; returns their paths. */
export function writeDsbQuarters(dir: string): string[] {
  return dsbQuarters().map(({ name, bytes }) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  });
}
