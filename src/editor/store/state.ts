// The editor's document state: the pipeline exactly as a file holds it, plus what is selected.
// React Flow's nodes and edges are derived from it; there is no second copy of the graph.
import { PIPELINE_FORMAT, PIPELINE_VERSION, type Pipeline } from '../../core/pipeline';
import type { Registry } from '../../core/node';

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface EditorState {
  pipeline: Pipeline;
  selection: Selection;
}

export interface CommandContext {
  registry: Registry;
}

/** A command that cannot be applied says why; the state is left as it was. */
export interface Refusal {
  refused: string;
}

export type CommandResult = EditorState | Refusal;

export const isRefusal = (r: CommandResult): r is Refusal => 'refused' in r;

export const emptySelection: Selection = { nodes: [], edges: [] };

export function emptyPipeline(name = 'Untitled pipeline'): Pipeline {
  return { format: PIPELINE_FORMAT, version: PIPELINE_VERSION, name, description: '', nodes: [], edges: [] };
}

export function initialState(pipeline: Pipeline = emptyPipeline()): EditorState {
  return { pipeline, selection: emptySelection };
}
