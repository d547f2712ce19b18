// Reading a pipeline file the user opened, dropped, pasted as a link or picked from Examples:
// every problem is reported, and the caller changes nothing unless the file is good.
import type { Registry } from '../../core/node';
import { formatProblem, pipelineSchema, type Pipeline } from '../../core/pipeline';
import { loadPipelineText } from '../../core/validate';

export type OpenResult = { ok: true; pipeline: Pipeline } | { ok: false; problems: string[] };

export function readPipelineText(text: string, registry: Registry): OpenResult {
  const result = loadPipelineText(text, registry);
  if (!result.ok) return { ok: false, problems: result.problems.map(formatProblem) };
  // node versions resolved and every param written out (defaults included), as a node added from
  // the palette has them: the saved file says exactly what ran
  return { ok: true, pipeline: result.checked.pipeline };
}

/** The text Save writes: the pipeline document, two-space indented, newline at the end. */
export function pipelineFileText(pipeline: Pipeline): string {
  // keys in the schema's order (opening adds a node's resolved version after the fields the file
  // had), so Save, Open, Save writes the same bytes
  const { ui, ...rest } = pipelineSchema.parse(pipeline);
  return `${JSON.stringify(ui && Object.keys(ui).length ? { ...rest, ui } : rest, null, 2)}\n`;
}

export function pipelineFileName(pipeline: Pipeline): string {
  const stem = pipeline.name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${stem || 'pipeline'}.json`;
}
