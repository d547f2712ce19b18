// Worker-thread entry of `cellgraph run`: checks the pipeline once, then processes the images it is
// sent (or, in the first pass of a pipeline with batch nodes, collects the batch nodes' inputs).
import { parentPort, workerData } from 'node:worker_threads';
import { nodeRegistry } from '../../nodes/index';
import { preparePipeline, type RunSettings } from './prepare';
import type { InputFile } from './inputs';
import { itemRunner, type ItemMode } from './item-runner';

const settings = workerData as RunSettings;
const prepared = preparePipeline(settings.pipelineText, settings.sets, nodeRegistry);
if (!prepared.ok) throw new Error(prepared.problems.join('\n'));
const run = itemRunner(prepared.checked, nodeRegistry, settings);

parentPort!.on('message', async (msg: { index: number; input: InputFile; mode: ItemMode }) => {
  // collected values are copied, not transferred: the arrays may share a buffer with values this worker still holds
  parentPort!.postMessage({ index: msg.index, ...(await run(msg.input, msg.mode)) });
});
parentPort!.postMessage({ ready: true });
