// The graph is saved to localStorage on every change, so a reload, a crash or a bad file never
// loses it. Only the document and the names/hashes of the images: pixels live in IndexedDB.
import type { Pipeline } from '../../core/pipeline';
import type { SourceInfo } from '../engine/protocol';
import type { PairRule } from '../files/pairing';

const KEY = 'cellgraph.autosave.v1';

export interface Autosave {
  pipeline: Pipeline;
  sources: SourceInfo[];
  sourceHash?: string;
  stack?: boolean;
  /** With stack: how the files join, as planes (default) or as channels. */
  join?: 'planes' | 'channels';
  /**
   * Hashes of the listed images unchecked for the stack. The ones left out, not the ones in: an
   * image added later is in, and an autosave without the list (older ones) means every image.
   */
  stackLeftOut?: string[];
  /** Pair files rules as typed (role, template); an autosave without them (older ones) means no rules. */
  pairRules?: PairRule[];
  cacheLimit?: number;
}

export function readAutosave(storage: Storage | undefined = globalThis.localStorage): Partial<Autosave> | undefined {
  try {
    const text = storage?.getItem(KEY);
    return text ? (JSON.parse(text) as Partial<Autosave>) : undefined;
  } catch {
    return undefined;
  }
}

export function writeAutosave(save: Autosave, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(save));
  } catch {
    // storage full or disabled: the editor keeps working, just without autosave
  }
}
