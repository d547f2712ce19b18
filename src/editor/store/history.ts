// Undo/redo over whole document snapshots (pipelines are small JSON, updates are immutable, so a
// snapshot is a pointer). Changes that share a coalesce key in one gesture (a slider drag, typing
// into one field, dragging nodes) merge into one step until the gesture is sealed.
import type { EditorState } from './state';

interface Entry {
  state: EditorState;
  coalesce?: string;
}

export class History {
  private past: Entry[] = [];
  private future: EditorState[] = [];
  private open?: string;

  constructor(private readonly limit = 200) {}

  /** Remember `before` as an undo step for a change to a new state. */
  record(before: EditorState, coalesce?: string): void {
    if (coalesce !== undefined && this.open === coalesce) {
      this.future = [];
      return; // the step already holds the state from before the gesture
    }
    this.past.push({ state: before, coalesce });
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.open = coalesce;
  }

  /** End the current gesture: the next change starts a new step even with the same key. */
  seal(): void {
    this.open = undefined;
  }

  undo(current: EditorState): EditorState | undefined {
    const entry = this.past.pop();
    if (!entry) return undefined;
    this.open = undefined;
    this.future.push(current);
    return entry.state;
  }

  redo(current: EditorState): EditorState | undefined {
    const next = this.future.pop();
    if (!next) return undefined;
    this.open = undefined;
    this.past.push({ state: current });
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.open = undefined;
  }
}
