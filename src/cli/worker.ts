// Worker-thread entry of `cellgraph run`: checks the pipeline once, then processes the images it is
// sent (or, in the first pass of a pipeline with batch nodes, collects the batch nodes' inputs).
import { parentPort, workerData } from 'node:worker_threads';
import { nodeRegistry } from '../../nodes/index';
import { FileCache } from '../runtime/fs-cache';
import { planBatch } from './batch-pass';
import { collectForBatch, processImage, type ProcessContext } from './process';
import { preparePipeline, type RunSettings } from './prepare';
import type { InputFile } from './inputs';

const settings = workerData as RunSettings;
const prepared = preparePipeline(settings.pipelineText, settings.sets, nodeRegistry);
if (!prepared.ok) throw new Error(prepared.problems.join('\n'));
const plan = planBatch(prepared.checked, nodeRegistry);
const ctx: ProcessContext = {
  checked: prepared.checked,
  registry: nodeRegistry,
  outDir: settings.outDir,
  maxPixels: settings.maxPixels,
  cache: settings.cacheDir ? new FileCache(settings.cacheDir) : undefined,
  recordsDir: settings.recordsDir,
  debug: settings.debug,
  plan,
  batch: settings.batch,
};

parentPort!.on('message', async (msg: { index: number; input: InputFile; mode: 'process' | 'collect' }) => {
  if (msg.mode === 'collect' && plan) {
    // copied, not transferred: the arrays may share a buffer with values this worker still holds
    parentPort!.postMessage({ index: msg.index, ...(await collectForBatch(msg.input, { ...ctx, plan })) });
    return;
  }
  const record = await processImage(msg.input, ctx);
  parentPort!.postMessage({ index: msg.index, record });
});
parentPort!.postMessage({ ready: true });
