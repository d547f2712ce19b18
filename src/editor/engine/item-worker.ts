// A helper worker of "Run on all images" (worker-pool.ts): runs one image at a time through the
// same code as the engine's own batch (batch.ts runItemAlone), with no cache, and hands back its
// record and saved files. A second pass's batch results (the mean image of a batch-mean, say) come
// once per batch, not with every image.
import { expose, transfer } from 'comlink';
import { nodeRegistry } from '../../../nodes/index';
import type { SourceFile } from '../../core/node';
import type { Pipeline } from '../../core/pipeline';
import { runItemAlone } from './batch';
import type { ItemOutcome, SecondPass } from './item-pool';

export interface ItemWorkerApi {
  /** Answers once the worker has started (its bundle loaded). */
  ping(): true;
  /** Keeps a second pass's options for the images that follow. */
  setSecondPass(second: SecondPass): void;
  /** `second`: the hash of the batch whose second pass this image runs (set by setSecondPass). */
  runItem(pipeline: Pipeline, image: string, source: SourceFile, second?: string): Promise<ItemOutcome>;
}

let secondPass: SecondPass | undefined;

const api: ItemWorkerApi = {
  ping: () => true,
  setSecondPass(second) {
    secondPass = second;
  },
  async runItem(pipeline, image, source, second) {
    if (second !== undefined && secondPass?.batch?.hash !== second) throw new Error('the batch results of the second pass did not reach the helper');
    const outcome = await runItemAlone(nodeRegistry, pipeline, image, source, second === undefined ? undefined : secondPass);
    return transfer(outcome, [...new Set(outcome.saved.map((f) => f.bytes.buffer as ArrayBuffer))]);
  },
};

expose(api);
