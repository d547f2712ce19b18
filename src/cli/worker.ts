// Worker-thread entry of `cellgraph run`: checks the pipeline once, then processes the images it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { nodeRegistry } from '../../nodes/index';
import { FileCache } from '../runtime/fs-cache';
import { processImage, type ProcessContext } from './process';
import { preparePipeline, type RunSettings } from './prepare';
import type { InputFile } from './inputs';

const settings = workerData as RunSettings;
const prepared = preparePipeline(settings.pipelineText, settings.sets, nodeRegistry);
if (!prepared.ok) throw new Error(prepared.problems.join('\n'));
const ctx: ProcessContext = {
  checked: prepared.checked,
  registry: nodeRegistry,
  outDir: settings.outDir,
  maxPixels: settings.maxPixels,
  cache: settings.cacheDir ? new FileCache(settings.cacheDir) : undefined,
  recordsDir: settings.recordsDir,
  debug: settings.debug,
};

parentPort!.on('message', async (msg: { index: number; input: InputFile }) => {
  const record = await processImage(msg.input, ctx);
  parentPort!.postMessage({ index: msg.index, record });
});
parentPort!.postMessage({ ready: true });
