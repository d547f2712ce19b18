// The browser's ItemPool: helper Web Workers started from the engine's worker, created when a batch
// needs them and stopped when it ends (they hold memory). No pool where workers cannot be made.
import { wrap, type Remote } from 'comlink';
import { MAX_HELPERS, type ItemPool } from './item-pool';
import type { ItemWorkerApi } from './item-worker';

/**
 * A pool of one helper per core (at most MAX_HELPERS), or undefined with fewer than two cores or where
 * a helper cannot start (a browser without workers in workers): the batch then runs in the engine's
 * worker, as before, rather than failing every image.
 */
export async function workerPool(): Promise<ItemPool | undefined> {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  const size = Math.min(MAX_HELPERS, cores);
  if (size < 2 || typeof Worker === 'undefined') return undefined;
  // sent: the batch whose second-pass results this slot's worker holds
  const slots: ({ worker: Worker; api: Remote<ItemWorkerApi>; failed: Promise<never>; sent?: string } | undefined)[] = new Array(size).fill(undefined);
  const open = (slot: number) => {
    let s = slots[slot];
    if (!s) {
      const worker = new Worker(new URL('./item-worker.ts', import.meta.url), { type: 'module', name: `cellgraph-batch-${slot + 1}` });
      // a worker that fails to start or dies only says so in an 'error' event; its calls would hang
      const failed = new Promise<never>((_, reject) => worker.addEventListener('error', (e) => reject(new Error(e.message || 'the worker stopped')), { once: true }));
      failed.catch(() => undefined);
      s = slots[slot] = { worker, api: wrap<ItemWorkerApi>(worker), failed };
    }
    return s;
  };
  try {
    const first = open(0);
    await Promise.race([first.api.ping(), first.failed]);
  } catch {
    slots[0]?.worker.terminate();
    return undefined;
  }
  return {
    size,
    async run(slot, pipeline, image, source, second) {
      const s = open(slot);
      try {
        const hash = second?.batch?.hash;
        if (second && hash !== s.sent) {
          await Promise.race([s.api.setSecondPass(second), s.failed]);
          s.sent = hash;
        }
        return await Promise.race([s.api.runItem(pipeline, image, source, hash), s.failed]);
      } catch (err) {
        s.worker.terminate();
        slots[slot] = undefined;
        throw err;
      }
    },
    dispose() {
      for (const s of slots) s?.worker.terminate();
      slots.fill(undefined);
    },
  };
}
