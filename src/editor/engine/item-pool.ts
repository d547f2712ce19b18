// "Run on all images" on several cores. The images of a batch do not depend on each other (but for
// a batch node's result over all of them, computed first: the second pass gets it), so they run in
// helper workers (item-worker.ts), one per core up to MAX_HELPERS (each holds one image's
// intermediate results), while the engine's own worker stays free for the single image being edited.
// The records come back in item order, the same as one worker gives them.
import { errorRecord, type BatchRecord } from '../../core/batch-record';
import { describeError } from '../../core/errors';
import type { RunOptions } from '../../core/executor';
import type { SourceFile } from '../../core/node';
import type { Pipeline } from '../../core/pipeline';
import type { SavedImage } from '../../io/saved-images';
import { MISSING_SOURCE } from './batch-first-pass';
import type { BatchItem } from './protocol';

/** One image's record and saved files, and how many nodes it ran. */
export interface ItemOutcome {
  record: BatchRecord;
  saved: SavedImage[];
  ran: number;
}

/** A second pass's options: the batch nodes' results over all images, and the nodes still to run. */
export type SecondPass = Pick<RunOptions, 'batch' | 'only'>;

/** Where a batch's images can run side by side: `size` slots, each running one image at a time. */
export interface ItemPool {
  size: number;
  /** Runs one image in slot `slot` (with `second`, its second pass); rejects when that slot's worker fails (it is replaced). */
  run(slot: number, pipeline: Pipeline, image: string, source: SourceFile, second?: SecondPass): Promise<ItemOutcome>;
  dispose(): void;
}

export const MAX_HELPERS = 4;

/**
 * Runs every item, `pool.size` at a time, in item order of starting; an item whose source is gone or
 * whose worker fails gets an error record, the others go on. After `signal` aborts no item starts.
 * In a second pass, the items that failed the first (`failed`) keep that record, reported by an end
 * alone. Entry k of the result is item k's outcome (undefined if it never started).
 */
export async function runInPool(
  pool: ItemPool,
  pipeline: Pipeline,
  items: BatchItem[],
  sourceOf: (item: BatchItem) => Promise<SourceFile | undefined>,
  events: { start(index: number): void; end(index: number, outcome: ItemOutcome): void },
  signal: AbortSignal,
  second?: { options: SecondPass; failed: ReadonlyMap<number, BatchRecord> },
): Promise<(ItemOutcome | undefined)[]> {
  const outcomes: (ItemOutcome | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  const lane = async (slot: number) => {
    while (!signal.aborted && next < items.length) {
      const index = next++;
      const item = items[index];
      const failed = second?.failed.get(index);
      if (failed) {
        outcomes[index] = { record: failed, saved: [], ran: 0 };
        events.end(index, outcomes[index]!);
        continue;
      }
      const source = await sourceOf(item);
      events.start(index);
      let outcome: ItemOutcome;
      if (!source) outcome = { record: errorRecord(item.name, MISSING_SOURCE), saved: [], ran: 0 };
      else {
        try {
          outcome = await pool.run(slot, pipeline, item.name, source, second?.options);
        } catch (err) {
          outcome = { record: errorRecord(item.name, `the helper worker running it stopped (${describeError(err).replace(/^internal error: /, '')})`), saved: [], ran: 0 };
        }
      }
      outcomes[index] = outcome;
      events.end(index, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(pool.size, items.length) }, (_, slot) => lane(slot)));
  return outcomes;
}
