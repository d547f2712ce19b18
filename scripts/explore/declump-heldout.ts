// Exploration, not a test: runs pipelines/nuclei-declump.json (or another pipeline given as the first
// argument) on images with reference labels and prints F1 (IoU > 0.5) and counts. Each image `X.tif`
// needs `X_mask.tif` beside it. Usage (bundled with esbuild, as scripts/build-cli.mjs does):
//   npx esbuild scripts/explore/declump-heldout.ts --bundle --platform=node --format=cjs --main-fields=module,main --outfile=/tmp/heldout.cjs
//   node /tmp/heldout.cjs pipelines/nuclei-declump.json dir/a.tif dir/b.tif ...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Labels } from '../../src/core/image';
import { runPipeline } from '../../src/core/executor';
import { hashBytes } from '../../src/core/hash';
import { loadPipelineText } from '../../src/core/validate';
import { matchObjects } from '../../src/imaging/segmentation-score';
import { decodeImageFile } from '../../src/io/decode';
import { nodeRegistry } from '../../nodes/index';

async function main(): Promise<void> {
  const [pipelinePath, ...images] = process.argv.slice(2);
  const loaded = loadPipelineText(readFileSync(pipelinePath, 'utf8'), nodeRegistry);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const labelsNode = 'filter'; // the id of the last segmentation step in pipelines/nuclei-declump.json
  for (const path of images) {
    const bytes = readFileSync(path);
    const result = await runPipeline(loaded.checked, { registry: nodeRegistry, source: { name: basename(path), bytes, hash: hashBytes(bytes) } });
    if (result.error) throw new Error(`${path}: ${JSON.stringify(result.error)}`);
    const labels = result.values.get(labelsNode)!.labels as Labels;
    const maskPath = path.replace(/\.tif$/, '_mask.tif');
    const truth = Uint32Array.from(decodeImageFile(readFileSync(maskPath), maskPath, { maxPixels: 2 ** 26 }).data);
    const m = matchObjects(labels.data, truth);
    console.log(`${basename(path).padEnd(28)} F1 ${m.f1.toFixed(3)}  ${m.predicted}/${m.truth} objects (matched ${m.tp})`);
  }
}

void main();
