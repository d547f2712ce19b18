// New node ids: short, readable, valid in `--set NODE.PARAM=…` and CSV headers, unique in the pipeline.
import { NODE_ID_PATTERN } from '../../core/pipeline';

/** A base id from a node type, e.g. 'gaussian-blur' → 'gaussian-blur', then 'gaussian-blur-2'. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let stem = base.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!NODE_ID_PATTERN.test(stem)) stem = `n_${stem}`;
  if (!used.has(stem)) return stem;
  stem = stem.replace(/-\d+$/, '');
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i++) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}
