// The live run on the selected image (or the stack): runs the runnable part of the graph whenever
// what it computes changes (debounced), cancels a run overtaken by a newer one, and turns the
// engine's events into node states and previews.
import { describeError } from '../../core/errors';
import { canonicalJSON } from '../../core/hash';
import type { Registry } from '../../core/node';
import type { EngineClient } from '../../runtime/client';
import type { EngineEvent, NodePreview, RunSummary } from '../engine/protocol';
import { runnablePart } from '../graph/runnable';
import type { EditorStore } from '../store/editor-store';
import type { Images } from './images';
import { nodeStateFrom, ok, type NodeRunState } from './node-state';
import type { Notice, SessionStateStore } from './state';
import { stripUi } from './strip-ui';

/** What the run needs from the session around it. */
export interface SingleRunHost {
  readonly store: EditorStore;
  readonly client: EngineClient;
  readonly registry: Registry;
  readonly state: SessionStateStore;
  readonly images: Images;
  notify(text: string, kind?: Notice['kind']): void;
}

export class SingleRunner {
  /** Every finished run's summary, oldest first (tests read these through window.__cellgraph). */
  readonly runs: RunSummary[] = [];
  private runId = 0;
  /** What the last run computed (signatureOf): an edit that leaves it unchanged runs nothing. */
  private signature = '';
  private timer?: ReturnType<typeof setTimeout>;
  /** File reads and source uploads in flight (a run follows each). */
  private pendingWork = 0;

  constructor(private readonly host: SingleRunHost) {}

  schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runIfChanged();
    }, delay);
  }

  /** A run is scheduled or work it waits for (a file read) is in flight. */
  get pending(): boolean {
    return this.timer !== undefined || this.pendingWork !== 0;
  }

  /** Count async work (file reads) so `pending` stays true until its run is scheduled. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.pendingWork++;
    try {
      return await work;
    } finally {
      this.pendingWork--;
    }
  }

  private async runIfChanged(): Promise<void> {
    const { checked } = runnablePart(this.host.store.getState().pipeline, this.host.registry);
    const signature = this.signatureOf(checked);
    if (signature === this.signature && !this.hasUnrunNodes()) return;
    await this.runNow();
  }

  private signatureOf(checked: ReturnType<typeof runnablePart>['checked']): string {
    if (!checked) return '';
    const { images } = this.host;
    // name and description are not computed from, but every result's provenance and every exported
    // file carry them: a rename re-runs (all from the cache) so downloads say the new name
    const { name, description } = checked.pipeline;
    return canonicalJSON({ name, description: description ?? null, n: checked.pipeline.nodes.map((n) => [n.id, n.type, n.params]), e: checked.pipeline.edges, s: images.runImage?.file.hash ?? null, p: images.runPairs ?? null, stack: images.stackInput ?? images.stackProblem ?? null });
  }

  private hasUnrunNodes(): boolean {
    const nodes = this.host.state.getSnapshot().nodes;
    return this.host.store.getState().pipeline.nodes.some((n) => (nodes[n.id]?.status ?? 'idle') === 'idle');
  }

  /** Run the runnable part now (cancelling a run in flight). */
  async runNow(): Promise<RunSummary | undefined> {
    const { store, registry, client, state, images } = this.host;
    clearTimeout(this.timer);
    this.timer = undefined;
    const pipeline = store.getState().pipeline;
    const { checked, problems } = runnablePart(pipeline, registry);
    const runId = ++this.runId;
    const before = state.getSnapshot().nodes;
    const nodes: Record<string, NodeRunState> = {};
    for (const n of pipeline.nodes) {
      const old = before[n.id];
      const p = problems.get(n.id);
      nodes[n.id] = p ? { status: 'invalid', problems: p } : { status: 'waiting', preview: old?.preview };
    }
    this.signature = this.signatureOf(checked);
    // a stack of 0 or 1 checked images is no stack: run nothing (not the one image) until 2 are checked
    const tooFew = images.stackProblem;
    if (tooFew) for (const n of pipeline.nodes) if (nodes[n.id].status !== 'invalid') nodes[n.id] = { status: 'invalid', problems: [tooFew] };
    if (!checked || tooFew) {
      state.update({ nodes, running: false });
      return undefined;
    }
    state.update({ nodes, running: true });
    const have: Record<string, string> = {};
    // a preview stamped with another pipeline name (after a rename) is sent again, from the cache
    const named = (preview: NodePreview) => Object.values(preview.outputs).every((o) => !('meta' in o) || o.meta.provenance?.pipeline === undefined || o.meta.provenance.pipeline === pipeline.name);
    for (const [id, n] of Object.entries(nodes)) if (n.preview && named(n.preview)) have[id] = n.preview.key;
    let summary: RunSummary;
    try {
      summary = await client.run(
        { runId, pipeline: stripUi(checked.pipeline), sourceHash: images.runImage?.file.hash, paired: images.runPairs, stack: images.stackInput, have },
        (event) => this.onEvent(event),
      );
    } catch (err) {
      // the engine itself failed (not a node): say so and stay usable
      if (runId === this.runId) {
        state.update({ running: false });
        this.host.notify(`The run failed: ${describeError(err)}`, 'error');
      }
      return undefined;
    }
    if (runId !== this.runId) return summary;
    this.runs.push(summary);
    const cache = await client.api.cacheInfo();
    state.update({ running: false, lastRun: summary, cache });
    if (summary.status === 'invalid') this.host.notify(summary.problems?.join('; ') ?? 'cannot run', 'error');
    return summary;
  }

  private onEvent(event: EngineEvent): void {
    if (event.runId !== this.runId) return;
    this.host.state.update((s) => {
      const old = s.nodes[event.id] ?? { status: 'idle' };
      if (event.type === 'node-start') return { nodes: { ...s.nodes, [event.id]: { ...old, status: 'running' } } };
      return { nodes: { ...s.nodes, [event.id]: nodeStateFrom(event.report, event.preview ?? (ok(event.report) ? old.preview : undefined)) } };
    });
  }

  cancel(): void {
    this.runId++;
    void this.host.client.api.cancel(this.runId - 1);
    this.host.state.update((s) => ({
      running: false,
      nodes: Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, n.status === 'running' || n.status === 'waiting' ? { ...n, status: 'idle' as const } : n])),
    }));
    this.host.notify('Run cancelled');
  }
}
