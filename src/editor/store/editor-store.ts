// The editor object: holds the document state, applies commands, records undo steps, and tells
// subscribers (React, autosave, the live runner) when anything changed. No React, no DOM: tests
// drive the editor headless through this object.
import type { Registry } from '../../core/node';
import { History } from './history';
import { initialState, isRefusal, type CommandContext, type CommandResult, type EditorState } from './state';

export type Command<A> = (state: EditorState, args: A, ctx: CommandContext) => CommandResult;

export interface ApplyOptions {
  /** Record an undo step (default true). Selection-only changes pass false. */
  record?: boolean;
  /** Changes with the same key merge into one undo step until `seal()`. */
  coalesce?: string;
}

type Listener = (state: EditorState, previous: EditorState) => void;

export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<Listener>();
  readonly history = new History();
  readonly ctx: CommandContext;

  constructor(registry: Registry, state: EditorState = initialState()) {
    this.ctx = { registry };
    this.state = state;
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Run a command; returns the refusal message when it was refused. */
  exec<A>(command: Command<A>, args: A, options: ApplyOptions = {}): string | undefined {
    const result = command(this.state, args, this.ctx);
    if (isRefusal(result)) return result.refused;
    this.set(result, options);
    return undefined;
  }

  set(next: EditorState, { record = true, coalesce }: ApplyOptions = {}): void {
    if (next === this.state) return;
    const previous = this.state;
    if (record && next.pipeline !== previous.pipeline) this.history.record(previous, coalesce);
    else if (record && !coalesce) this.history.seal();
    this.state = next;
    this.emit(previous);
  }

  seal(): void {
    this.history.seal();
  }

  undo = (): void => {
    const prev = this.history.undo(this.state);
    if (prev) this.replace(prev);
  };

  redo = (): void => {
    const next = this.history.redo(this.state);
    if (next) this.replace(next);
  };

  private replace(next: EditorState): void {
    const previous = this.state;
    this.state = next;
    this.emit(previous);
  }

  private emit(previous: EditorState): void {
    for (const l of this.listeners) l(this.state, previous);
  }
}
