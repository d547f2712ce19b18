// The listed images and which of them a run reads: the one selected, or in stack/channels mode the
// checked subset (files/stack-choice.ts), and the files paired with the selected one by the Pair
// files rules (files/pairing.ts). Every change is autosaved and re-runs the graph.
import { canonicalJSON } from '../../core/hash';
import { MAX_SOURCES } from '../../runtime/idb-cache';
import type { EngineClient } from '../../runtime/client';
import type { SourceInfo, StackInput } from '../engine/protocol';
import { pairByName, restorePairRules, runImageOf, withPairRules, type PairedImage, type Pairing, type PairRule } from '../files/pairing';
import { listedNames } from '../files/listed-names';
import { includeInStack, restoreLeftOut, stackMembers, stackOf, tooFewForStack } from '../files/stack-choice';
import type { Autosave } from './autosave';
import type { SessionPatch, SessionState, SessionStateStore } from './state';

/** A file to add: its bytes (a bundled sample) or the File itself; the folder it came from. */
export interface AddedFile {
  name: string;
  /** A picked or dropped File is handed to the worker as it is: read there, never held (protocol.ts). */
  bytes: Uint8Array | Blob;
  folder?: string;
}

/** What the images need from the session around them. */
export interface ImagesHost {
  readonly state: SessionStateStore;
  readonly client: EngineClient;
  notify(text: string): void;
  autosave(): void;
  /** Run the graph again: after `delay` ms, or after the usual debounce. */
  scheduleRun(delay?: number): void;
}

export class Images {
  private pairingMemo?: { sources: SourceInfo[]; rules: PairRule[]; pairing: Pairing<SourceInfo> };
  private namesMemo?: { sources: SourceInfo[]; names: Map<string, string> };

  constructor(private readonly host: ImagesHost) {}

  private get state(): SessionState {
    return this.host.state.getSnapshot();
  }

  private update(patch: SessionPatch): void {
    this.host.state.update(patch);
  }

  /** List the autosaved images the cache still holds, with the saved selection, stack choice and pair rules. */
  async restore(saved: Partial<Autosave> | undefined): Promise<void> {
    const sources: SourceInfo[] = [];
    for (const s of saved?.sources ?? []) if (await this.host.client.api.hasSource(s.hash)) sources.push(s);
    // the browser keeps the most recently added images only (runtime/idb-cache.ts): say which are gone
    const gone = (saved?.sources ?? []).filter((s) => !sources.includes(s));
    if (gone.length && this.state.cache?.persistent) {
      const names = gone.slice(0, 3).map((s) => s.name).join(', ');
      this.host.notify(
        `${gone.length} of the ${saved!.sources!.length} listed images ${gone.length === 1 ? 'was' : 'were'} not kept by the browser (${names}${gone.length > 3 ? ', …' : ''}): add ${gone.length === 1 ? 'it' : 'them'} again. It keeps the ${MAX_SOURCES} most recently added.`,
      );
    }
    this.update({ sources, sourceHash: sources.find((s) => s.hash === saved?.sourceHash)?.hash ?? sources[0]?.hash, stack: saved?.stack === true && sources.length > 1, join: saved?.join === 'channels' ? 'channels' : 'planes', stackLeftOut: restoreLeftOut(saved?.stackLeftOut, sources), pairRules: restorePairRules(saved?.pairRules) });
  }

  /** Add images (files dropped or picked); the first becomes the one previewed; each is in the stack. */
  async addFiles(files: AddedFile[], run = true): Promise<void> {
    const added: SourceInfo[] = [];
    for (const [i, f] of files.entries()) {
      // one file at a time, read in the worker; the database keeps only the last MAX_SOURCES for a
      // reload, so the ones before are not written to it
      const info = await this.host.client.addSource(f.name, f.bytes, { keep: i >= files.length - MAX_SOURCES, folder: f.folder });
      added.push(info);
    }
    if (added.length === 0) return;
    this.update((s) => ({
      sources: [...s.sources.filter((x) => !added.some((a) => a.hash === x.hash)), ...added],
      sourceHash: added[0].hash,
      stackLeftOut: s.stackLeftOut.filter((h) => !added.some((a) => a.hash === h)),
    }));
    this.pinRunImage();
    this.host.autosave();
    if (run) this.host.scheduleRun(0);
  }

  selectSource(hash: string): void {
    if (hash === this.state.sourceHash) return;
    this.update({ sourceHash: hash });
    this.host.autosave();
    this.host.scheduleRun(0);
  }

  /** Take an image off the list (its bytes stay in the cache until cleared). */
  removeSource(hash: string): void {
    const sources = this.state.sources.filter((s) => s.hash !== hash);
    const sourceHash = sources.some((s) => s.hash === this.state.sourceHash) ? this.state.sourceHash : sources[0]?.hash;
    this.update({ sources, sourceHash, stack: this.state.stack && sources.length > 1, stackLeftOut: this.state.stackLeftOut.filter((h) => h !== hash) });
    this.host.autosave();
    this.host.scheduleRun(0);
  }

  /**
   * Use every image as one image (ordered by file name): its planes (a stack), or with join 'channels'
   * its channels; or go back to one image at a time.
   */
  setStack(on: boolean, join: 'planes' | 'channels' = 'planes'): void {
    if (on === this.state.stack && (!on || join === this.state.join)) return;
    this.update({ stack: on, ...(on ? { join } : {}) });
    this.host.autosave();
    this.host.scheduleRun(0);
  }

  /** Check (use) or uncheck one listed image for the stack. */
  includeInStack(hash: string, included: boolean): void {
    const stackLeftOut = includeInStack(this.state.stackLeftOut, hash, included);
    if (stackLeftOut.length === this.state.stackLeftOut.length) return;
    this.update({ stackLeftOut });
    this.host.autosave();
    this.host.scheduleRun();
  }

  /** Check or uncheck every listed image for the stack. */
  includeAllInStack(included: boolean): void {
    this.update((s) => ({ stackLeftOut: included ? [] : s.sources.map((x) => x.hash) }));
    this.host.autosave();
    this.host.scheduleRun();
  }

  /** The stack the run reads when stack mode is on: the checked images in file-name order (at least 2). */
  get stackInput(): StackInput | undefined {
    if (!this.state.stack) return undefined;
    const stack = stackOf(this.state.sources, this.state.stackLeftOut);
    return stack && (this.state.join === 'channels' ? { ...stack, join: 'channels' } : stack);
  }

  /** In stack mode with fewer than 2 images checked, why nothing runs. */
  get stackProblem(): string | undefined {
    if (!this.state.stack || this.stackInput) return undefined;
    return tooFewForStack(this.state.join, stackMembers(this.state.sources, this.state.stackLeftOut).length);
  }

  /** Set the Pair files rules (as typed; those with a problem are kept but not applied). */
  setPairRules(pairRules: PairRule[]): void {
    // the image shown stays chosen when the rules change (not the pair that was chosen with it)
    this.pinRunImage();
    this.update({ pairRules });
    this.pinRunImage();
    this.host.autosave();
    this.host.scheduleRun();
  }

  /** Apply these rules (an example's), replacing rules of the same role; says so when that changes the rules. */
  usePairRules(rules: PairRule[]): void {
    const next = withPairRules(this.state.pairRules, rules);
    if (canonicalJSON(next) === canonicalJSON(this.state.pairRules)) return;
    this.setPairRules(next);
    this.host.notify(`Pair files: ${rules.map((r) => `${r.role} = ${r.template}`).join(', ')} (the example reads ${rules.length > 1 ? 'these files' : 'this file'})`);
  }

  /** Hash → the name each listed file goes by (files/listed-names.ts). */
  get names(): Map<string, string> {
    const { sources } = this.state;
    if (this.namesMemo?.sources !== sources) this.namesMemo = { sources, names: listedNames(sources) };
    return this.namesMemo.names;
  }

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

  /** The selected image's paired files (role → hash) for the run; none in stack mode. */
  get runPairs(): Record<string, string> | undefined {
    const image = this.state.stack ? undefined : this.runImage;
    if (!image || Object.keys(image.paired).length === 0) return undefined;
    return Object.fromEntries(Object.entries(image.paired).map(([role, f]) => [role, f.hash]));
  }

  /** Choose the image the run reads when the chosen file is a pair (a mask dropped before its image). */
  private pinRunImage(): void {
    const hash = this.runImage?.file.hash;
    if (hash !== undefined && hash !== this.state.sourceHash) this.update({ sourceHash: hash });
  }
}
