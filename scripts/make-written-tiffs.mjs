// Writes test-data/tiff/written/: what cellgraph's TIFF encoder produces for the rasters in
// src/io/tiff-encode-fixtures.ts (labels 16/32-bit, a mask, a calibrated float hyperstack), plus a
// JSON of what a reader must find, then checks them with tifffile:
//
//     node scripts/make-written-tiffs.mjs && /usr/bin/python3 scripts/check-written-tiffs.py
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-data', 'tiff', 'written');
const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-written-'));
const entry = join(tmp, 'entry.mjs');
await build({
  stdin: {
    contents: `export { writtenFixtures, expectedSamples } from './src/io/tiff-encode-fixtures';
               export { encodeTiff } from './src/io/tiff-encode';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', outfile: entry, logLevel: 'warning',
});
const { writtenFixtures, expectedSamples, encodeTiff } = await import(pathToFileURL(entry).href);
rmSync(tmp, { recursive: true, force: true });
const truths = [];
for (const f of writtenFixtures()) {
  writeFileSync(join(out, f.name), encodeTiff(f.raster, f.options));
  // the samples as little-endian bytes of the dtype tifffile must return, hashed to keep the JSON small
  const Ctor = { uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, float32: Float32Array }[f.dtype];
  const samples = Ctor.from(expectedSamples(f));
  const sha256 = createHash('sha256').update(new Uint8Array(samples.buffer)).digest('hex');
  truths.push({ file: f.name, dtype: f.dtype, shape: f.shape, pixelSize: f.pixelSize ?? null, sha256, ...(f.options?.provenance ? { provenance: JSON.parse(f.options.provenance) } : {}) });
}
writeFileSync(join(out, 'expected.json'), JSON.stringify(truths, null, 1) + '\n');
console.log(`${truths.length} files in test-data/tiff/written`);
