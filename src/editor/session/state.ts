// What the page shows besides the graph, as one immutable snapshot: React reads it through
// useSyncExternalStore (hooks/context.ts), and each part of the session patches it with update().
import type { CacheInfo, RunSummary, SourceInfo } from '../engine/protocol';
import type { PairRule } from '../files/pairing';
import type { BatchState } from './batch-run';
import type { NodeRunState } from './node-state';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
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

export type SessionPatch = Partial<SessionState> | ((s: SessionState) => Partial<SessionState>);

type Listener = () => void;

export class SessionStateStore {
  private state: SessionState = { sources: [], stack: false, join: 'planes', stackLeftOut: [], pairRules: [], nodes: {}, running: false, notices: [], ready: false, opened: 0, planes: {} };
  private readonly listeners = new Set<Listener>();

  getSnapshot = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(patch: SessionPatch): void {
    this.state = { ...this.state, ...(typeof patch === 'function' ? patch(this.state) : patch) };
    this.listeners.forEach((l) => l());
  }
}
