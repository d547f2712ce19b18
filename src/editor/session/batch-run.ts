// "Run on all images": the whole pipeline on every listed image (files/batch-items.ts) in the engine
// (engine/batch*.ts), as `cellgraph run` would; its progress while it runs, then its result, which
// components/BatchRun.tsx shows until the next one or Close.
import { describeError } from '../../core/errors';
import { canonicalJSON } from '../../core/hash';
import type { EngineClient } from '../../runtime/client';
import { runBatchOn } from '../engine/batch-client';
import type { BatchEvent, BatchItem, BatchSummary } from '../engine/protocol';
import { batchItems } from '../files/batch-items';
import type { EditorStore } from '../store/editor-store';
import type { Images } from './images';
import type { SessionStateStore } from './state';
import { stripUi } from './strip-ui';

/** "Run on all images": its progress while it runs, then its result (until the next one or Close). */
export interface BatchState {
  id: number;
  /** 'failed': the engine itself failed (`problems` says how); 'invalid': nothing ran (`problems` says why). */
  status: 'running' | 'finished' | 'cancelled' | 'invalid' | 'failed';
  total: number;
  /** Images finished so far (in this pass). */
  done: number;
  /** The image being run, and its place (1-based) in the batch. */
  current?: { image: string; position: number };
  /** 'first' during the first pass of a pipeline with a batch node (batch-mean): what feeds it, on every image. */
  pass?: 'first';
  summary?: BatchSummary;
  problems?: string[];
  /** What was run (the pipeline's computation and the images), to say when it has changed since. */
  signature: string;
}

/** What the batch needs from the session around it. */
export interface BatchRunHost {
  readonly store: EditorStore;
  readonly client: EngineClient;
  readonly state: SessionStateStore;
  readonly images: Images;
}

export class BatchRunner {
  private batchId = 0;

  constructor(private readonly host: BatchRunHost) {}

  /** What "Run on all images" runs on (files/batch-items.ts): none in stack or channels mode. */
  get items(): BatchItem[] {
    return batchItems(this.host.images.pairing, this.host.state.getSnapshot().stack, this.host.images.names);
  }

  private signature(items: BatchItem[]): string {
    const { name, nodes, edges } = this.host.store.getState().pipeline;
    return canonicalJSON({ name, n: nodes.map((n) => [n.id, n.type, n.params]), e: edges, items });
  }

  /** True when the pipeline or the images have changed since the last "Run on all images". */
  get outdated(): boolean {
    const batch = this.host.state.getSnapshot().batch;
    return batch !== undefined && batch.signature !== this.signature(this.items);
  }

  /**
   * Run the whole pipeline on every image (items) in the engine, as `cellgraph run` would; the
   * single-image previews are left as they are, and single runs take turns with it in the engine.
   */
  async run(): Promise<BatchSummary | undefined> {
    const { store, client, state } = this.host;
    const items = this.items;
    if (items.length === 0) return undefined;
    const id = ++this.batchId;
    const pipeline = stripUi(store.getState().pipeline);
    state.update({ batch: { id, status: 'running', total: items.length, done: 0, signature: this.signature(items) } });
    const mine = (patch: (b: BatchState) => Partial<BatchState>) =>
      state.update((s) => (s.batch?.id === id ? { batch: { ...s.batch, ...patch(s.batch) } } : {}));
    let summary: BatchSummary;
    try {
      summary = await runBatchOn(client, { batchId: id, pipeline, items }, (event: BatchEvent) =>
        mine((b) => batchProgress(b, event)),
      );
    } catch (err) {
      mine(() => ({ status: 'failed', current: undefined, problems: [`The run failed: ${describeError(err)}`] }));
      return undefined;
    }
    mine(() => ({ status: summary.status, current: undefined, summary, problems: summary.problems }));
    void client.api.cacheInfo().then((cache) => state.update({ cache }));
    return summary;
  }

  /** Stop "Run on all images" after the image in progress; nothing is offered for download. */
  cancel(): void {
    const batch = this.host.state.getSnapshot().batch;
    if (batch?.status === 'running') void this.host.client.api.cancelBatch(batch.id);
  }

  /** Close the result of "Run on all images". */
  dismiss(): void {
    if (this.host.state.getSnapshot().batch?.status !== 'running') this.host.state.update({ batch: undefined });
  }
}

/** The batch's progress after `event`: `done` counts the images of the pass it is in. */
function batchProgress(b: BatchState, event: BatchEvent): Partial<BatchState> {
  const done = event.pass === b.pass ? b.done : 0;
  if (event.type === 'item-start') return { pass: event.pass, done, current: { image: event.image, position: event.index + 1 } };
  // a new pass that opens with an image failed in the first: none of it is being run yet
  return { pass: event.pass, done: done + 1, ...(event.pass !== b.pass ? { current: undefined } : {}) };
}
