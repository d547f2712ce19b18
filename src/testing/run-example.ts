// An example pipeline (pipelines/<name>.json), optionally with nodes and edges added, run in-process
// on one image of test-data/images: shared by the tests of the examples and of nodes used after them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, type RunResult } from '../core/executor';
import { hashBytes } from '../core/hash';
import type { Registry } from '../core/node';
import { loadPipelineText } from '../core/validate';
import { imagePath, REPO_ROOT } from './paths';

export interface Additions {
  nodes?: { id: string; type: string; params?: Record<string, unknown> }[];
  edges?: { from: { node: string; port: string }; to: { node: string; port: string } }[];
}

/**
 * Runs the example `name` with `add`ed nodes and edges on test-data image `image`, or on the file at
 * `path` (an invalid pipeline throws).
 */
export async function runExample(registry: Registry, name: string, image: string, add: Additions = {}, path = imagePath(image)): Promise<RunResult> {
  const pipeline = JSON.parse(readFileSync(join(REPO_ROOT, 'pipelines', `${name}.json`), 'utf8'));
  pipeline.nodes.push(...(add.nodes ?? []));
  pipeline.edges.push(...(add.edges ?? []));
  const loaded = loadPipelineText(JSON.stringify(pipeline), registry);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const bytes = readFileSync(path);
  return runPipeline(loaded.checked, { registry, source: { name: image, bytes, hash: hashBytes(bytes) } });
}
