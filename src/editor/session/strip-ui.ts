// The pipeline as the engine gets it: without the editor's layout (ui), which nothing computes from.
import type { Pipeline } from '../../core/pipeline';

export function stripUi(p: Pipeline): Pipeline {
  const { ui: _ui, ...rest } = p;
  return rest as Pipeline;
}
