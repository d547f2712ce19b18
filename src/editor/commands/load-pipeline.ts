// Replace the whole graph with a checked pipeline (Open, Examples, share links, New).
// Undoable, so opening a file by mistake loses nothing.
import type { Pipeline } from '../../core/pipeline';
import { layoutMissingPositions } from '../graph/layout';
import type { Command } from '../store/editor-store';
import { emptySelection } from '../store/state';

export const loadPipeline: Command<Pipeline> = (_state, pipeline) => ({
  pipeline: layoutMissingPositions(pipeline),
  selection: emptySelection,
});
