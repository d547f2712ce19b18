// The runner's worker pool: items handed to `jobs` worker threads one at a time; a worker that
// crashes or times out fails its item (with an error record) and is replaced. A small batch (see
// runsInProcess) skips the threads: its items run one after another on the main thread.
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { InputFile } from './inputs';
import type { ItemRunner } from './item-runner';
import type { CollectedForBatch } from '../core/batch-pass';
import { errorRecord } from '../core/batch-record';
import type { ImageRecord } from './process';
import type { RunSettings } from './prepare';
import { SMALL_BATCH_BYTES, SMALL_BATCH_FILES } from '../core/small-batch';

/** What a worker sends back for one item: its record (second pass), or its batch-node inputs (first pass). */
export type WorkerReply = { record: ImageRecord } | { collected: CollectedForBatch };

export interface PoolOptions {
  inputs: InputFile[];
  /** Which inputs to process (indices into `inputs`), in order. */
  indices: number[];
  jobs: number;
  timeoutSec: number;
  workerUrl: URL;
  settings: RunSettings;
  /** 'collect': the first pass of a pipeline with batch nodes. */
  mode: 'process' | 'collect';
  /** Run the items on this thread with this runner instead of in worker threads. */
  inProcess?: ItemRunner;
}

/** The most a batch may hold (files, and their bytes on disk) to run on the main thread with more than one job (core/small-batch.ts). */
export const IN_PROCESS_MAX_FILES = SMALL_BATCH_FILES;
export const IN_PROCESS_MAX_BYTES = SMALL_BATCH_BYTES;

/**
 * Whether a batch runs on the main thread. Never with --timeout: a thread busy with an image cannot
 * be stopped, a worker can (runPool terminates it). Otherwise with --jobs 1, or a batch too small
 * to pay for starting workers (stats at most IN_PROCESS_MAX_FILES files to tell).
 */
export function runsInProcess(jobs: number, timeoutSec: number, items: InputFile[]): boolean {
  if (timeoutSec > 0) return false;
  if (jobs === 1) return true;
  if (items.length > IN_PROCESS_MAX_FILES) return false;
  let files = 0;
  let bytes = 0;
  for (const item of items) {
    for (const path of item.stack ?? [item.path]) {
      files++;
      bytes += sizeOnDisk(path);
      if (files > IN_PROCESS_MAX_FILES || bytes > IN_PROCESS_MAX_BYTES) return false;
    }
  }
  return true;
}

/** 0 for a file that cannot be stat'ed: reading it will fail its item anyway. */
function sizeOnDisk(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Every worker thread running now, so an interrupt can stop them before it cleans up. */
const live = new Set<Worker>();
let halted = false;

/**
 * Stops every worker thread (an interrupted run, about to exit): their items are neither finished
 * nor failed, and no worker starts after this.
 */
export async function stopWorkers(): Promise<void> {
  halted = true;
  await Promise.allSettled([...live].map((worker) => worker.terminate()));
}

export function runPool(opts: PoolOptions, onReply: (index: number, reply: WorkerReply) => void): Promise<void> {
  if (opts.inProcess) return runInProcess(opts, opts.inProcess, onReply);
  const { inputs, indices } = opts;
  const count = Math.min(opts.jobs, indices.length);
  let next = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    if (indices.length === 0) return resolve();
    const start = () => {
      if (halted) return;
      // --debug: stacks in the minified bundle mapped back to src/ (see bin/cellgraph.mjs)
      const execArgv = opts.settings.debug ? [...process.execArgv, '--enable-source-maps'] : undefined;
      const worker = new Worker(opts.workerUrl, { workerData: opts.settings, execArgv });
      live.add(worker);
      worker.on('exit', () => live.delete(worker));
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      let ended = false;
      const give = () => {
        if (next >= indices.length) {
          ended = true;
          void worker.terminate();
          return;
        }
        current = indices[next++];
        worker.postMessage({ index: current, input: inputs[current], mode: opts.mode });
        if (opts.timeoutSec > 0) {
          timer = setTimeout(() => fail(`timed out after ${opts.timeoutSec} s (--timeout)`), opts.timeoutSec * 1000);
        }
      };
      const complete = (index: number, reply: WorkerReply) => {
        clearTimeout(timer);
        current = undefined;
        onReply(index, reply);
        finished++;
        if (finished === indices.length) resolve();
      };
      const fail = (message: string) => {
        if (ended || halted) return;
        ended = true;
        clearTimeout(timer);
        void worker.terminate();
        if (current === undefined) return reject(new Error(`worker failed before starting: ${message}`));
        const index = current;
        complete(index, { record: errorRecord(inputs[index].display, message) });
        if (next < indices.length) start();
      };
      worker.on('message', (msg: { ready?: true; index: number } & WorkerReply) => {
        if (halted) return;
        if (msg.ready) return give();
        complete(msg.index, msg);
        give();
      });
      worker.on('error', (err) => fail(`worker crashed: ${err.message.split('\n')[0]}`));
      worker.on('exit', (code) => {
        if (!ended) fail(`worker exited with code ${code}`);
      });
    };
    for (let i = 0; i < count; i++) start();
  });
}

/** Items one after another on this thread; an unexpected throw fails its item as a crashed worker would. */
async function runInProcess(opts: PoolOptions, run: ItemRunner, onReply: (index: number, reply: WorkerReply) => void): Promise<void> {
  for (const index of opts.indices) {
    let reply: WorkerReply;
    try {
      reply = await run(opts.inputs[index], opts.mode);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      reply = { record: errorRecord(opts.inputs[index].display, `worker crashed: ${message.split('\n')[0]}`) };
    }
    onReply(index, reply);
  }
}
