// The page's controller between the editor store and the engine in the worker, and the one object
// the components call. It composes the parts, each in its own file: the state snapshot React reads
// (state.ts), the notices (notices.ts), the images and which of them a run reads (images.ts), the
// live single-image run (single-run.ts) and "Run on all images" (batch-run.ts); it keeps here the
// start-up, the documents opened, the viewer, the cache and autosave. No React.
import type { Registry } from '../../core/node';
import type { EngineClient } from '../../runtime/client';
import { loadPipeline } from '../commands/load-pipeline';
import { parseFragment } from '../commands/paste';
import type { BatchItem, BatchSummary, RunSummary, SourceInfo, StackInput } from '../engine/protocol';
import { DEFAULT_EXAMPLE, examples } from '../files/examples';
import { folderNotice, type FolderImages } from '../files/folders';
import { readPipelineText } from '../files/open-pipeline';
import type { PairedImage, Pairing, PairRule } from '../files/pairing';
import { decodeShareFragment } from '../files/share-link';
import type { EditorStore } from '../store/editor-store';
import { readAutosave, writeAutosave } from './autosave';
import { BatchRunner } from './batch-run';
import { Images, type AddedFile } from './images';
import { Notices } from './notices';
import { addSample } from './open-documents';
import { SingleRunner } from './single-run';
import { SessionStateStore, type Notice, type SessionState } from './state';

export class Session {
  private readonly state = new SessionStateStore();
  private readonly notices = new Notices(this.state);
  private readonly images: Images;
  private readonly single: SingleRunner;
  private readonly batch: BatchRunner;
  /** Every finished run's summary, oldest first (tests read these through window.__cellgraph). */
  readonly runs: RunSummary[];
  debounceMs = 250;

  constructor(readonly store: EditorStore, readonly client: EngineClient, readonly registry: Registry) {
    const { state } = this;
    this.images = new Images({ state, client, notify: (text) => this.notify(text), autosave: () => this.autosave(), scheduleRun: (delay) => this.scheduleRun(delay) });
    this.single = new SingleRunner({ store, client, registry, state, images: this.images, notify: (text, kind) => this.notify(text, kind) });
    this.batch = new BatchRunner({ store, client, state, images: this.images });
    this.runs = this.single.runs;
  }

  getSnapshot = (): SessionState => this.state.getSnapshot();

  subscribe = (listener: () => void): (() => void) => this.state.subscribe(listener);

  notify(text: string, kind: Notice['kind'] = 'info'): void {
    this.notices.notify(text, kind);
  }

  /** Open the cache, restore the graph (share link, autosave, or the default example) and its images, run. */
  async start(location: { hash: string } = window.location): Promise<void> {
    const saved = readAutosave();
    const cache = await this.client.api.init({ maxBytes: saved?.cacheLimit });
    this.state.update({ cache });
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

    await this.images.restore(saved);
    if (this.getSnapshot().sources.length === 0) await addSample(this);

    this.store.subscribe((next, previous) => {
      this.autosave();
      if (next.pipeline !== previous.pipeline) this.scheduleRun();
    });
    this.autosave();
    this.state.update({ ready: true });
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
      this.state.update({ openProblems: { title: 'Shared link', problems: ['the link is damaged (cannot decompress it)'] } });
    }
    if (typeof window !== 'undefined' && location === window.location) history.replaceState(null, '', window.location.pathname + window.location.search);
    return opened;
  }

  autosave(): void {
    const s = this.getSnapshot();
    writeAutosave({
      pipeline: this.store.getState().pipeline,
      sources: s.sources,
      sourceHash: s.sourceHash,
      stack: s.stack,
      join: s.join,
      stackLeftOut: s.stackLeftOut,
      pairRules: s.pairRules,
      cacheLimit: s.cache?.maxBytes,
    });
  }

  /** Open pipeline text; on any problem, show them all and leave the graph as it is. */
  openText(text: string, title: string, options: { record?: boolean } = {}): boolean {
    const result = readPipelineText(text, this.registry);
    if (!result.ok) {
      this.state.update({ openProblems: { title, problems: result.problems } });
      return false;
    }
    this.store.exec(loadPipeline, result.pipeline, options);
    // another document's nodes may reuse these ids: each opens on plane 0
    this.state.update((st) => ({ openProblems: undefined, opened: st.opened + 1, planes: {} }));
    return true;
  }

  dismissProblems(): void {
    this.state.update({ openProblems: undefined });
  }

  openViewer(nodeId: string, port: string): void {
    this.state.update({ viewer: { nodeId, port } });
  }

  setPlane(nodeId: string, port: string, plane: number): void {
    this.state.update((s) => ({ planes: { ...s.planes, [`${nodeId}.${port}`]: plane } }));
  }

  closeViewer(): void {
    this.state.update({ viewer: undefined });
  }

  async clearCache(): Promise<void> {
    const cache = await this.client.api.clearCache();
    this.state.update({ cache });
    this.notify('Cache cleared');
  }

  async setCacheLimit(bytes: number): Promise<void> {
    const cache = await this.client.api.setCacheLimit(bytes);
    this.state.update({ cache });
    this.autosave();
  }

  // The images (images.ts).

  addFiles(files: AddedFile[], run = true): Promise<void> {
    return this.images.addFiles(files, run);
  }
  /** Add the images of folders (dropped or chosen) and say how many, from where, and what was not opened. */
  async addFolders(found: FolderImages[]): Promise<void> {
    const files = found.flatMap((f) => f.files.map((file) => ({ name: file.name, bytes: file, folder: f.folders[0] })));
    try {
      await this.images.addFiles(files);
    } catch (err) {
      this.notify(`Could not read the images of ${found.flatMap((f) => f.folders).join(', ')}: ${err instanceof Error ? err.message : String(err)}`, 'error');
      return;
    }
    const notice = folderNotice(found);
    this.notify(notice.text, notice.kind);
  }
  selectSource(hash: string): void {
    this.images.selectSource(hash);
  }
  removeSource(hash: string): void {
    this.images.removeSource(hash);
  }
  setStack(on: boolean, join: 'planes' | 'channels' = 'planes'): void {
    this.images.setStack(on, join);
  }
  includeInStack(hash: string, included: boolean): void {
    this.images.includeInStack(hash, included);
  }
  includeAllInStack(included: boolean): void {
    this.images.includeAllInStack(included);
  }
  get stackInput(): StackInput | undefined {
    return this.images.stackInput;
  }
  get stackProblem(): string | undefined {
    return this.images.stackProblem;
  }
  setPairRules(pairRules: PairRule[]): void {
    this.images.setPairRules(pairRules);
  }
  usePairRules(rules: PairRule[]): void {
    this.images.usePairRules(rules);
  }
  get pairing(): Pairing<SourceInfo> {
    return this.images.pairing;
  }
  get runImage(): PairedImage<SourceInfo> | undefined {
    return this.images.runImage;
  }
  get runPairs(): Record<string, string> | undefined {
    return this.images.runPairs;
  }

  // The single-image run (single-run.ts).

  scheduleRun(delay = this.debounceMs): void {
    this.single.schedule(delay);
  }
  runNow(): Promise<RunSummary | undefined> {
    return this.single.runNow();
  }
  cancel(): void {
    this.single.cancel();
  }
  /** Count async work (file reads) so `idle` stays false until its run is scheduled. */
  track<T>(work: Promise<T>): Promise<T> {
    return this.single.track(work);
  }

  /** Nothing running, scheduled or being read: what the page shows is the result of the graph. */
  get idle(): boolean {
    const s = this.getSnapshot();
    return s.ready && !s.running && s.batch?.status !== 'running' && !this.single.pending;
  }

  // "Run on all images" (batch-run.ts).

  /** Hash → the name each listed file goes by: folder/name where two share a name (files/listed-names.ts). */
  get names(): Map<string, string> {
    return this.images.names;
  }
  get batchItems(): BatchItem[] {
    return this.batch.items;
  }
  get batchOutdated(): boolean {
    return this.batch.outdated;
  }
  runAll(): Promise<BatchSummary | undefined> {
    return this.batch.run();
  }
  cancelBatch(): void {
    this.batch.cancel();
  }
  dismissBatch(): void {
    this.batch.dismiss();
  }
}
