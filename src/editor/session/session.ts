// The page's controller between the editor store and the engine in the worker: runs the runnable
// part of the graph whenever what it computes changes (debounced), keeps node states and previews,
// the images, the cache report, autosave and the messages shown to the user. No React.
import { describeError } from '../../core/errors';
import { canonicalJSON } from '../../core/hash';
import type { NodeReport } from '../../core/executor';
import type { Registry } from '../../core/node';
import type { Pipeline } from '../../core/pipeline';
import type { EngineClient } from '../../runtime/client';
import { loadPipeline } from '../commands/load-pipeline';
import { parseFragment } from '../commands/paste';
import type { BatchEvent, BatchItem, BatchSummary, CacheInfo, EngineEvent, NodePreview, RunSummary, SourceInfo, StackInput } from '../engine/protocol';
import { runBatchOn } from '../engine/batch-client';
import { batchItems } from '../files/batch-items';
import { includeInStack, restoreLeftOut, stackMembers, stackOf, tooFewForStack } from '../files/stack-choice';
import { pairByName, restorePairRules, runImageOf, withPairRules, type PairedImage, type Pairing, type PairRule } from '../files/pairing';
import { DEFAULT_EXAMPLE, examples } from '../files/examples';
import { addSample } from './open-documents';
import { readPipelineText } from '../files/open-pipeline';
import { decodeShareFragment } from '../files/share-link';
import { runnablePart } from '../graph/runnable';
import type { EditorStore } from '../store/editor-store';
import { readAutosave, writeAutosave } from './autosave';
import type { NodeRunState } from './node-state';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

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

export interface SessionState {
  sources: SourceInfo[];
  sourceHash?: string;
  /** Run on every image at once, as one stack ordered by file name (the runner's --stack). */
  stack: boolean;
  /** With stack: the files are the planes (default) or the channels (the runner's --channels) of one image. */
  join: 'planes' | 'channels';
  /** Hashes of the listed images unchecked for the stack; the choice outlives leaving stack mode. */
  stackLeftOut: string[];
  /**
   * Pair files rules as typed (`--pair ROLE=TEMPLATE`); those without a problem pair the listed files by
   * name. Used one image at a time only: a stack or channels run ignores them.
   */
  pairRules: PairRule[];
  nodes: Record<string, NodeRunState>;
  running: boolean;
  lastRun?: RunSummary;
  cache?: CacheInfo;
  notices: Notice[];
  /** Problems of a file that could not be opened (the graph was left as it was). */
  openProblems?: { title: string; problems: string[] };
  viewer?: { nodeId: string; port: string };
  /** The plane shown of each stack output ("node.port" → 0-based plane), in its preview and the viewer. */
  planes: Record<string, number>;
  ready: boolean;
  /** Counts the documents opened (files, examples, links), so the view can fit each one. */
  opened: number;
  batch?: BatchState;
}

type Listener = () => void;

export class Session {
  private state: SessionState = { sources: [], stack: false, join: 'planes', stackLeftOut: [], pairRules: [], nodes: {}, running: false, notices: [], ready: false, opened: 0, planes: {} };
  private readonly listeners = new Set<Listener>();
  private runId = 0;
  private signature = '';
  private timer?: ReturnType<typeof setTimeout>;
  private noticeId = 0;
  private batchId = 0;
  /** File reads and source uploads in flight (a run follows each). */
  private pendingWork = 0;
  /** Every finished run's summary, oldest first (tests read these through window.__cellgraph). */
  readonly runs: RunSummary[] = [];
  debounceMs = 250;

  constructor(readonly store: EditorStore, readonly client: EngineClient, readonly registry: Registry) {}

  getSnapshot = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<SessionState> | ((s: SessionState) => Partial<SessionState>)): void {
    this.state = { ...this.state, ...(typeof patch === 'function' ? patch(this.state) : patch) };
    this.listeners.forEach((l) => l());
  }

  notify(text: string, kind: Notice['kind'] = 'info'): void {
    const id = ++this.noticeId;
    this.update((s) => ({ notices: [...s.notices.slice(-3), { id, kind, text }] }));
    setTimeout(() => this.update((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), kind === 'error' ? 8000 : 4000);
  }

  /** Open the cache, restore the graph (share link, autosave, or the default example) and its images, run. */
  async start(location: { hash: string } = window.location): Promise<void> {
    const saved = readAutosave();
    const cache = await this.client.api.init({ maxBytes: saved?.cacheLimit });
    this.update({ cache });
    if (!cache.persistent) this.notify(`Cache: ${cache.reason ?? 'memory only'}`, 'info');

    let restored = await this.openShareLink(location, { record: false });
    if (!restored && saved?.pipeline) {
      const fragment = parseFragment(JSON.stringify(saved.pipeline));
      if (fragment) {
        this.store.exec(loadPipeline, fragment, { record: false });
        restored = true;
      }
    }
    if (!restored) {
      const example = examples.find((e) => e.file === DEFAULT_EXAMPLE) ?? examples[0];
      if (example) this.openText(example.text, example.name, { record: false });
    }

    const sources: SourceInfo[] = [];
    for (const s of saved?.sources ?? []) if (await this.client.api.hasSource(s.hash)) sources.push(s);
    this.update({ sources, sourceHash: sources.find((s) => s.hash === saved?.sourceHash)?.hash ?? sources[0]?.hash, stack: saved?.stack === true && sources.length > 1, join: saved?.join === 'channels' ? 'channels' : 'planes', stackLeftOut: restoreLeftOut(saved?.stackLeftOut, sources), pairRules: restorePairRules(saved?.pairRules) });
    if (sources.length === 0) await addSample(this);

    this.store.subscribe((next, previous) => {
      this.autosave();
      if (next.pipeline !== previous.pipeline) this.scheduleRun();
    });
    this.autosave();
    this.update({ ready: true });
    await this.runNow();
  }

  /**
   * Open the pipeline a share link carries in the URL fragment, then drop the fragment, so a reload
   * shows the autosaved graph (with the user's later edits) rather than the link's again.
   */
  async openShareLink(location: { hash: string } = window.location, options: { record?: boolean } = {}): Promise<boolean> {
    let opened = false;
    try {
      const shared = await decodeShareFragment(location.hash);
      if (shared === undefined) return false;
      opened = this.openText(shared, 'Shared link', options);
    } catch {
      this.update({ openProblems: { title: 'Shared link', problems: ['the link is damaged (cannot decompress it)'] } });
    }
    if (typeof window !== 'undefined' && location === window.location) history.replaceState(null, '', window.location.pathname + window.location.search);
    return opened;
  }

  autosave(): void {
    writeAutosave({
      pipeline: this.store.getState().pipeline,
      sources: this.state.sources,
      sourceHash: this.state.sourceHash,
      stack: this.state.stack,
      join: this.state.join,
      stackLeftOut: this.state.stackLeftOut,
      pairRules: this.state.pairRules,
      cacheLimit: this.state.cache?.maxBytes,
    });
  }

  /** Add images (files dropped or picked); the first becomes the one previewed; each is in the stack. */
  async addFiles(files: { name: string; bytes: Uint8Array }[], run = true): Promise<void> {
    const added: SourceInfo[] = [];
    for (const f of files) added.push(await this.client.addSource(f.name, f.bytes));
    if (added.length === 0) return;
    this.update((s) => ({
      sources: [...s.sources.filter((x) => !added.some((a) => a.hash === x.hash)), ...added],
      sourceHash: added[0].hash,
      stackLeftOut: s.stackLeftOut.filter((h) => !added.some((a) => a.hash === h)),
    }));
    this.pinRunImage();
    this.autosave();
    if (run) this.scheduleRun(0);
  }

  selectSource(hash: string): void {
    if (hash === this.state.sourceHash) return;
    this.update({ sourceHash: hash });
    this.autosave();
    this.scheduleRun(0);
  }

  /** Take an image off the list (its bytes stay in the cache until cleared). */
  removeSource(hash: string): void {
    const sources = this.state.sources.filter((s) => s.hash !== hash);
    const sourceHash = sources.some((s) => s.hash === this.state.sourceHash) ? this.state.sourceHash : sources[0]?.hash;
    this.update({ sources, sourceHash, stack: this.state.stack && sources.length > 1, stackLeftOut: this.state.stackLeftOut.filter((h) => h !== hash) });
    this.autosave();
    this.scheduleRun(0);
  }

  /**
   * Use every image as one image (ordered by file name): its planes (a stack), or with join 'channels'
   * its channels; or go back to one image at a time.
   */
  setStack(on: boolean, join: 'planes' | 'channels' = 'planes'): void {
    if (on === this.state.stack && (!on || join === this.state.join)) return;
    this.update({ stack: on, ...(on ? { join } : {}) });
    this.autosave();
    this.scheduleRun(0);
  }

  /** Check (use) or uncheck one listed image for the stack. */
  includeInStack(hash: string, included: boolean): void {
    const stackLeftOut = includeInStack(this.state.stackLeftOut, hash, included);
    if (stackLeftOut.length === this.state.stackLeftOut.length) return;
    this.update({ stackLeftOut });
    this.autosave();
    this.scheduleRun();
  }

  /** Check or uncheck every listed image for the stack. */
  includeAllInStack(included: boolean): void {
    this.update((s) => ({ stackLeftOut: included ? [] : s.sources.map((x) => x.hash) }));
    this.autosave();
    this.scheduleRun();
  }

  /** The stack the run reads when stack mode is on: the checked images in file-name order (at least 2). */
  get stackInput(): StackInput | undefined {
    if (!this.state.stack) return undefined;
    const stack = stackOf(this.state.sources, this.state.stackLeftOut);
    return stack && (this.state.join === 'channels' ? { ...stack, join: 'channels' } : stack);
  }

  /** Set the Pair files rules (as typed; those with a problem are kept but not applied). */
  setPairRules(pairRules: PairRule[]): void {
    // the image shown stays chosen when the rules change (not the pair that was chosen with it)
    this.pinRunImage();
    this.update({ pairRules });
    this.pinRunImage();
    this.autosave();
    this.scheduleRun();
  }

  /** Apply these rules (an example's), replacing rules of the same role; says so when that changes the rules. */
  usePairRules(rules: PairRule[]): void {
    const next = withPairRules(this.state.pairRules, rules);
    if (canonicalJSON(next) === canonicalJSON(this.state.pairRules)) return;
    this.setPairRules(next);
    this.notify(`Pair files: ${rules.map((r) => `${r.role} = ${r.template}`).join(', ')} (the example reads ${rules.length > 1 ? 'these files' : 'this file'})`);
  }

  private pairingMemo?: { sources: SourceInfo[]; rules: PairRule[]; pairing: Pairing<SourceInfo> };

  /** The listed files paired by name under the rules: the images to run on, each with its pairs. */
  get pairing(): Pairing<SourceInfo> {
    const { sources, pairRules: rules } = this.state;
    if (this.pairingMemo?.sources !== sources || this.pairingMemo.rules !== rules) this.pairingMemo = { sources, rules, pairing: pairByName(sources, rules) };
    return this.pairingMemo.pairing;
  }

  /**
   * The image a single-image run reads, with its pairs: the one chosen, or when that is some image's
   * pair (a mask dropped with its image), that image.
   */
  get runImage(): PairedImage<SourceInfo> | undefined {
    return runImageOf(this.pairing, this.state.sourceHash);
  }

  /** Choose the image the run reads when the chosen file is a pair (a mask dropped before its image). */
  private pinRunImage(): void {
    const hash = this.runImage?.file.hash;
    if (hash !== undefined && hash !== this.state.sourceHash) this.update({ sourceHash: hash });
  }

  /** The selected image's paired files (role → hash) for the run; none in stack mode. */
  get runPairs(): Record<string, string> | undefined {
    const image = this.state.stack ? undefined : this.runImage;
    if (!image || Object.keys(image.paired).length === 0) return undefined;
    return Object.fromEntries(Object.entries(image.paired).map(([role, f]) => [role, f.hash]));
  }

  /** In stack mode with fewer than 2 images checked, why nothing runs. */
  get stackProblem(): string | undefined {
    if (!this.state.stack || this.stackInput) return undefined;
    return tooFewForStack(this.state.join, stackMembers(this.state.sources, this.state.stackLeftOut).length);
  }

  /** Open pipeline text; on any problem, show them all and leave the graph as it is. */
  openText(text: string, title: string, options: { record?: boolean } = {}): boolean {
    const result = readPipelineText(text, this.registry);
    if (!result.ok) {
      this.update({ openProblems: { title, problems: result.problems } });
      return false;
    }
    this.store.exec(loadPipeline, result.pipeline, options);
    // another document's nodes may reuse these ids: each opens on plane 0
    this.update((st) => ({ openProblems: undefined, opened: st.opened + 1, planes: {} }));
    return true;
  }

  dismissProblems(): void {
    this.update({ openProblems: undefined });
  }

  openViewer(nodeId: string, port: string): void {
    this.update({ viewer: { nodeId, port } });
  }

  setPlane(nodeId: string, port: string, plane: number): void {
    this.update((s) => ({ planes: { ...s.planes, [`${nodeId}.${port}`]: plane } }));
  }

  closeViewer(): void {
    this.update({ viewer: undefined });
  }

  scheduleRun(delay = this.debounceMs): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runIfChanged();
    }, delay);
  }

  /** Nothing running, scheduled or being read: what the page shows is the result of the graph. */
  get idle(): boolean {
    return this.state.ready && !this.state.running && this.state.batch?.status !== 'running' && this.timer === undefined && this.pendingWork === 0;
  }

  /** Count async work (file reads) so `idle` stays false until its run is scheduled. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.pendingWork++;
    try {
      return await work;
    } finally {
      this.pendingWork--;
    }
  }

  private async runIfChanged(): Promise<void> {
    const { checked } = runnablePart(this.store.getState().pipeline, this.registry);
    const signature = this.signatureOf(checked);
    if (signature === this.signature && !this.hasUnrunNodes()) return;
    await this.runNow();
  }

  private signatureOf(checked: ReturnType<typeof runnablePart>['checked']): string {
    if (!checked) return '';
    // name and description are not computed from, but every result's provenance and every exported
    // file carry them: a rename re-runs (all from the cache) so downloads say the new name
    const { name, description } = checked.pipeline;
    return canonicalJSON({ name, description: description ?? null, n: checked.pipeline.nodes.map((n) => [n.id, n.type, n.params]), e: checked.pipeline.edges, s: this.runImage?.file.hash ?? null, p: this.runPairs ?? null, stack: this.stackInput ?? this.stackProblem ?? null });
  }

  private hasUnrunNodes(): boolean {
    return this.store.getState().pipeline.nodes.some((n) => (this.state.nodes[n.id]?.status ?? 'idle') === 'idle');
  }

  /** Run the runnable part now (cancelling a run in flight). */
  async runNow(): Promise<RunSummary | undefined> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pipeline = this.store.getState().pipeline;
    const { checked, problems } = runnablePart(pipeline, this.registry);
    const runId = ++this.runId;
    const nodes: Record<string, NodeRunState> = {};
    for (const n of pipeline.nodes) {
      const old = this.state.nodes[n.id];
      const p = problems.get(n.id);
      nodes[n.id] = p ? { status: 'invalid', problems: p } : { status: 'waiting', preview: old?.preview };
    }
    this.signature = this.signatureOf(checked);
    // a stack of 0 or 1 checked images is no stack: run nothing (not the one image) until 2 are checked
    const tooFew = this.stackProblem;
    if (tooFew) for (const n of pipeline.nodes) if (nodes[n.id].status !== 'invalid') nodes[n.id] = { status: 'invalid', problems: [tooFew] };
    if (!checked || tooFew) {
      this.update({ nodes, running: false });
      return undefined;
    }
    this.update({ nodes, running: true });
    const have: Record<string, string> = {};
    // a preview stamped with another pipeline name (after a rename) is sent again, from the cache
    const named = (preview: NodePreview) => Object.values(preview.outputs).every((o) => !('meta' in o) || o.meta.provenance?.pipeline === undefined || o.meta.provenance.pipeline === pipeline.name);
    for (const [id, n] of Object.entries(nodes)) if (n.preview && named(n.preview)) have[id] = n.preview.key;
    let summary: RunSummary;
    try {
      summary = await this.client.run(
        { runId, pipeline: stripUi(checked.pipeline), sourceHash: this.runImage?.file.hash, paired: this.runPairs, stack: this.stackInput, have },
        (event) => this.onEvent(event),
      );
    } catch (err) {
      // the engine itself failed (not a node): say so and stay usable
      if (runId === this.runId) {
        this.update({ running: false });
        this.notify(`The run failed: ${describeError(err)}`, 'error');
      }
      return undefined;
    }
    if (runId !== this.runId) return summary;
    this.runs.push(summary);
    const cache = await this.client.api.cacheInfo();
    this.update({ running: false, lastRun: summary, cache });
    if (summary.status === 'invalid') this.notify(summary.problems?.join('; ') ?? 'cannot run', 'error');
    return summary;
  }

  private onEvent(event: EngineEvent): void {
    if (event.runId !== this.runId) return;
    this.update((s) => {
      const old = s.nodes[event.id] ?? { status: 'idle' };
      if (event.type === 'node-start') return { nodes: { ...s.nodes, [event.id]: { ...old, status: 'running' } } };
      return { nodes: { ...s.nodes, [event.id]: nodeStateFrom(event.report, event.preview ?? (ok(event.report) ? old.preview : undefined)) } };
    });
  }

  cancel(): void {
    this.runId++;
    void this.client.api.cancel(this.runId - 1);
    this.update((s) => ({
      running: false,
      nodes: Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, n.status === 'running' || n.status === 'waiting' ? { ...n, status: 'idle' as const } : n])),
    }));
    this.notify('Run cancelled');
  }

  /** What "Run on all images" runs on (files/batch-items.ts): none in stack or channels mode. */
  get batchItems(): BatchItem[] {
    return batchItems(this.pairing, this.state.stack);
  }

  private batchSignature(items: BatchItem[]): string {
    const { name, nodes, edges } = this.store.getState().pipeline;
    return canonicalJSON({ name, n: nodes.map((n) => [n.id, n.type, n.params]), e: edges, items });
  }

  /** True when the pipeline or the images have changed since the last "Run on all images". */
  get batchOutdated(): boolean {
    const batch = this.state.batch;
    return batch !== undefined && batch.signature !== this.batchSignature(this.batchItems);
  }

  /**
   * Run the whole pipeline on every image (batchItems) in the engine, as `cellgraph run` would; the
   * single-image previews are left as they are, and single runs take turns with it in the engine.
   */
  async runAll(): Promise<BatchSummary | undefined> {
    const items = this.batchItems;
    if (items.length === 0) return undefined;
    const id = ++this.batchId;
    const pipeline = stripUi(this.store.getState().pipeline);
    this.update({ batch: { id, status: 'running', total: items.length, done: 0, signature: this.batchSignature(items) } });
    const mine = (patch: (b: BatchState) => Partial<BatchState>) =>
      this.update((s) => (s.batch?.id === id ? { batch: { ...s.batch, ...patch(s.batch) } } : {}));
    let summary: BatchSummary;
    try {
      summary = await runBatchOn(this.client, { batchId: id, pipeline, items }, (event: BatchEvent) =>
        mine((b) => batchProgress(b, event)),
      );
    } catch (err) {
      mine(() => ({ status: 'failed', current: undefined, problems: [`The run failed: ${describeError(err)}`] }));
      return undefined;
    }
    mine(() => ({ status: summary.status, current: undefined, summary, problems: summary.problems }));
    void this.client.api.cacheInfo().then((cache) => this.update({ cache }));
    return summary;
  }

  /** Stop "Run on all images" after the image in progress; nothing is offered for download. */
  cancelBatch(): void {
    const batch = this.state.batch;
    if (batch?.status === 'running') void this.client.api.cancelBatch(batch.id);
  }

  /** Close the result of "Run on all images". */
  dismissBatch(): void {
    if (this.state.batch?.status !== 'running') this.update({ batch: undefined });
  }

  async clearCache(): Promise<void> {
    const cache = await this.client.api.clearCache();
    this.update({ cache });
    this.notify('Cache cleared');
  }

  async setCacheLimit(bytes: number): Promise<void> {
    const cache = await this.client.api.setCacheLimit(bytes);
    this.update({ cache });
    this.autosave();
  }

  /** The reports of the last finished run, for the run panel and tests. */
  get reports(): NodeReport[] {
    return this.state.lastRun?.reports ?? [];
  }

  loadPipelineDoc(pipeline: Pipeline): void {
    this.store.exec(loadPipeline, pipeline);
  }
}

const ok = (r: NodeReport) => r.status === 'done' || r.status === 'cached';

function nodeStateFrom(report: NodeReport, preview: NodeRunState['preview']): NodeRunState {
  return { status: report.status, ms: report.ms, error: report.error, preview: ok(report) ? preview : undefined };
}

/** The batch's progress after `event`: `done` counts the images of the pass it is in. */
function batchProgress(b: BatchState, event: BatchEvent): Partial<BatchState> {
  const done = event.pass === b.pass ? b.done : 0;
  if (event.type === 'item-start') return { pass: event.pass, done, current: { image: event.image, position: event.index + 1 } };
  // a new pass that opens with an image failed in the first: none of it is being run yet
  return { pass: event.pass, done: done + 1, ...(event.pass !== b.pass ? { current: undefined } : {}) };
}

function stripUi(p: Pipeline): Pipeline {
  const { ui: _ui, ...rest } = p;
  return rest as Pipeline;
}
