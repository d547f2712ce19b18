// A helper worker of "Run on all images" (worker-pool.ts): runs one image at a time through the
// same code as the engine's own batch (batch.ts runItemAlone), with no cache, and hands back its
// record and saved files.
import { expose, transfer } from 'comlink';
import { nodeRegistry } from '../../../nodes/index';
import type { SourceFile } from '../../core/node';
import type { Pipeline } from '../../core/pipeline';
import { runItemAlone } from './batch';
import type { ItemOutcome } from './item-pool';

export interface ItemWorkerApi {
  /** Answers once the worker has started (its bundle loaded). */
  ping(): true;
  runItem(pipeline: Pipeline, image: string, source: SourceFile): Promise<ItemOutcome>;
}

const api: ItemWorkerApi = {
  ping: () => true,
  async runItem(pipeline, image, source) {
    const outcome = await runItemAlone(nodeRegistry, pipeline, image, source);
    return transfer(outcome, [...new Set(outcome.saved.map((f) => f.bytes.buffer as ArrayBuffer))]);
  },
};

expose(api);
