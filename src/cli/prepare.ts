// Reads a pipeline file's text and applies `--set NODE.PARAM=VALUE` overrides before checking it.
import type { BatchContext } from '../core/executor';
import { canonicalPipeline } from '../io/embedded-provenance';
import type { Registry } from '../core/node';
import { formatProblem, migrateDocument, parseJSONText, isRecord } from '../core/pipeline';
import { checkPipeline, type CheckedPipeline } from '../core/validate';

export interface RunSettings {
  pipelineText: string;
  sets: string[];
  outDir: string;
  maxPixels: number;
  cacheDir?: string;
  recordsDir?: string;
  /** --debug: records of images that failed on an unexpected error carry its stack. */
  debug?: boolean;
  /** Second pass of a pipeline with batch nodes: their outputs over the whole batch. */
  batch?: BatchContext;
}

export type Prepared = { ok: true; checked: CheckedPipeline } | { ok: false; problems: string[] };

export function preparePipeline(text: string, sets: string[], registry: Registry): Prepared {
  const parsed = parseJSONText(text);
  if (parsed.value === undefined || parsed.problems.length) return { ok: false, problems: parsed.problems.map(formatProblem) };
  const migrated = migrateDocument(parsed.value);
  if (migrated.problems.length) return { ok: false, problems: migrated.problems.map(formatProblem) };
  const doc = migrated.doc as Record<string, unknown>;
  const problems: string[] = [];
  for (const set of sets) {
    const m = /^([^.=]+)\.([^=]+)=(.*)$/s.exec(set);
    if (!m) {
      problems.push(`--set ${set}: expected NODE.PARAM=VALUE`);
      continue;
    }
    const [, nodeId, param, rawValue] = m;
    const node = Array.isArray(doc.nodes) ? doc.nodes.find((n) => isRecord(n) && n.id === nodeId) : undefined;
    if (!isRecord(node)) {
      problems.push(`--set ${set}: no node '${nodeId}' in the pipeline`);
      continue;
    }
    if (param === '__proto__') {
      problems.push(`--set ${set}: '__proto__' is not a param`);
      continue;
    }
    node.params = { ...(isRecord(node.params) ? node.params : {}), [param]: parseValue(rawValue) };
  }
  if (problems.length) return { ok: false, problems };
  const checked = checkPipeline(doc, registry);
  return checked.ok ? { ok: true, checked: checked.checked } : { ok: false, problems: checked.problems.map(formatProblem) };
}

/** The checked pipeline as exported files embed it (see io/embedded-provenance.ts). */
export function embeddablePipeline(checked: CheckedPipeline): unknown {
  return canonicalPipeline(checked.pipeline);
}

/** `3` → 3, `true` → true, `otsu` → "otsu", `"3"` → "3". */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
