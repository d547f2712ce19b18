// Set the pipeline's name (shown in the title bar and used for the saved file's name).
import type { Command } from '../store/editor-store';

export const renamePipeline: Command<string> = (state, name) =>
  name === state.pipeline.name ? state : { ...state, pipeline: { ...state.pipeline, name } };
