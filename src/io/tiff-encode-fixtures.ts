// The rasters whose encodeTiff output is committed under test-data/tiff/written/ and checked with
// tifffile by scripts/check-written-tiffs.py. tiff-encode.test.ts re-encodes them and expects the
// committed bytes, so that check keeps applying to the encoder as it is now.
import { createImage, createLabels, createMask, type Image, type Labels, type Mask } from '../core/image';
import type { EncodeTiffOptions } from './tiff-encode';
import { MICRON } from './units';

export interface WrittenFixture {
  name: string;
  raster: Image | Mask | Labels;
  /** What tifffile must read: dtype, numpy shape (ImageJ axes order), samples in that order. */
  dtype: string;
  shape: number[];
  pixelSize?: { x: number; y: number; z?: number };
  /** Encoder options (a provenance document in the ImageJ header, which tifffile must still parse). */
  options?: EncodeTiffOptions;
}

/** A deterministic hash of i, spread over [0, 1). */
const noise = (i: number) => (((i * 2654435761) >>> 0) % 100003) / 100003;

export function writtenFixtures(): WrittenFixture[] {
  // labels16: blobs of labels on a background, with the extremes 1 and 65535
  const w16 = 61;
  const h16 = 47;
  const labels16 = new Uint32Array(w16 * h16);
  for (let y = 0; y < h16; y++) {
    for (let x = 0; x < w16; x++) {
      const cell = Math.floor(y / 8) * 8 + Math.floor(x / 8);
      labels16[y * w16 + x] = (x % 8 < 6 && y % 8 < 6) ? cell * 997 + 1 : 0;
    }
  }
  labels16[w16 * h16 - 1] = 65535;
  // labels32: one label per pixel, 70 000 of them, shuffled, so uint32 is needed
  const w32 = 280;
  const h32 = 250;
  const labels32 = Uint32Array.from({ length: w32 * h32 }, (_, i) => ((i * 7919) % (w32 * h32)) + 1);
  const mask = createMask({ width: 9, height: 5 }, Uint8Array.from({ length: 45 }, (_, i) => (noise(i) > 0.5 ? 1 : 0)));
  const f32 = Float32Array.from({ length: 33 * 21 * 3 * 2 }, (_, i) => (noise(i) - 0.5) * 1e4);
  f32[0] = -0;
  f32[1] = 1e-40;
  const size = { x: 0.1625, y: 0.1625, z: 0.5, unit: MICRON };
  const hyper = createImage({ width: 33, height: 21, planes: 3, channels: 2 }, 'float32', f32, {
    source: 'hyper.tif', pixelSize: size, extra: { planeAxis: 'z' },
  });
  return [
    { name: 'labels16.tif', raster: createLabels({ width: w16, height: h16 }, labels16), dtype: 'uint16', shape: [h16, w16] },
    { name: 'labels32.tif', raster: createLabels({ width: w32, height: h32 }, labels32), dtype: 'uint32', shape: [h32, w32] },
    { name: 'mask.tif', raster: mask, dtype: 'uint8', shape: [5, 9] },
    // ImageJ order is channel fastest: numpy (Z, C, Y, X) is our (plane, channel, y, x)
    { name: 'float32_zc_calibrated.tif', raster: hyper, dtype: 'float32', shape: [3, 2, 21, 33], pixelSize: { x: 0.1625, y: 0.1625, z: 0.5 } },
    // the same hyperstack with a provenance line (non-ASCII escaped) after ImageJ's own keys
    {
      name: 'float32_zc_provenance.tif', raster: hyper, dtype: 'float32', shape: [3, 2, 21, 33], pixelSize: { x: 0.1625, y: 0.1625, z: 0.5 },
      options: { provenance: JSON.stringify({
        format: 'cellgraph-provenance', version: 1,
        provenance: { cellgraph: '0.1.0', pipeline: 'µ test', steps: [{ id: 'load', type: 'load-image', version: 1, params: { note: 'a=b\\c "q"' } }], inputs: [{ name: 'hyper.tif', hash: '00'.repeat(32) }] },
        pipeline: { format: 'cellgraph-pipeline', version: 1, name: 'µ test', nodes: [], edges: [] },
      }) },
    },
  ];
}

/** The samples tifffile must return, in numpy order: masks as 0/255. */
export function expectedSamples(f: WrittenFixture): ArrayLike<number> {
  if (f.raster.kind === 'mask') return Uint8Array.from(f.raster.data, (v) => (v ? 255 : 0));
  return f.raster.data;
}
