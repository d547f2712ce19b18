// Reading a pipeline file the user opened, dropped, pasted as a link or picked from Examples:
// every problem is reported, and the caller changes nothing unless the file is good.
import type { Registry } from '../../core/node';
import { formatProblem, type Pipeline } from '../../core/pipeline';
import { loadPipelineText } from '../../core/validate';

export type OpenResult = { ok: true; pipeline: Pipeline } | { ok: false; problems: string[] };

export function readPipelineText(text: string, registry: Registry): OpenResult {
  const result = loadPipelineText(text, registry);
  if (!result.ok) return { ok: false, problems: result.problems.map(formatProblem) };
  // keep the params as written (defaults stay implicit), but with the node versions resolved
  return { ok: true, pipeline: result.checked.pipeline };
}

/** The text Save writes: the pipeline document, two-space indented, newline at the end. */
export function pipelineFileText(pipeline: Pipeline): string {
  const { ui, ...rest } = pipeline;
  return `${JSON.stringify(ui && Object.keys(ui).length ? pipeline : rest, null, 2)}\n`;
}

export function pipelineFileName(pipeline: Pipeline): string {
  const stem = pipeline.name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${stem || 'pipeline'}.json`;
}
