// Cross-check outputs for cellgraph's ImageJ auto-threshold methods (src/imaging/threshold/imagej-*.ts):
// the levels that image-js 1.7.0 (MIT), an independent JavaScript port of ImageJ's AutoThresholder,
// returns on the 256-bin histograms written by threshold.py. Not a dependency of cellgraph: run
//   npm install --prefix /tmp/ijoracle image-js@1.7.0
//   node scripts/reference/threshold_imagej.mjs /tmp/ijoracle/node_modules/image-js
// Writes test-data/reference/threshold/imagej.json: {histogram name: {method: level}}.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const lib = process.argv[2];
if (!lib) throw new Error('usage: node threshold_imagej.mjs <path to node_modules/image-js>');
const methods = ['huang', 'intermodes', 'maxEntropy', 'minError', 'moments', 'percentile', 'renyiEntropy', 'shanbhag'];
const fns = {};
for (const m of methods) fns[m] = (await import(pathToFileURL(join(lib, 'lib/operations/thresholds', `${m}.js`)).href)).default;

const histograms = JSON.parse(readFileSync(join(root, 'test-data/reference/threshold/histograms.json'), 'utf8'));
const out = {};
for (const [name, counts] of Object.entries(histograms)) {
  const total = counts.reduce((a, b) => a + b, 0);
  out[name] = {};
  for (const m of methods) {
    try {
      out[name][m] = fns[m](Uint32Array.from(counts), total);
    } catch (err) {
      out[name][m] = `error: ${err.message}`;
    }
  }
}
writeFileSync(join(root, 'test-data/reference/threshold/imagej.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${Object.keys(out).length} histograms × ${methods.length} methods`);
