// What a worker thread does with one batch item, as a function: worker.ts calls it for the items it
// is sent, and the main thread calls it directly when a batch runs in-process (see pool.ts).
import type { Registry } from '../core/node';
import type { CheckedPipeline } from '../core/validate';
import { FileCache } from '../runtime/fs-cache';
import { planBatch } from '../core/batch-pass';
import type { InputFile } from './inputs';
import { collectForBatch, processImage, type ProcessContext } from './process';
import type { RunSettings } from './prepare';
import type { WorkerReply } from './pool';

export type ItemMode = 'process' | 'collect';
export type ItemRunner = (input: InputFile, mode: ItemMode) => Promise<WorkerReply>;

export function itemRunner(checked: CheckedPipeline, registry: Registry, settings: RunSettings): ItemRunner {
  const plan = planBatch(checked, registry);
  const ctx: ProcessContext = {
    checked,
    registry,
    outDir: settings.outDir,
    maxPixels: settings.maxPixels,
    cache: settings.cacheDir ? new FileCache(settings.cacheDir) : undefined,
    recordsDir: settings.recordsDir,
    debug: settings.debug,
    plan,
    batch: settings.batch,
  };
  return async (input, mode) => {
    if (mode === 'collect' && plan) return collectForBatch(input, { ...ctx, plan });
    return { record: await processImage(input, ctx) };
  };
}
