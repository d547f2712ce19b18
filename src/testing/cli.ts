// The built `cellgraph` command (bin/cellgraph.mjs, which `npm test` builds first) run as a user runs
// it, in a child process, for the tests of the runner and of the example pipelines.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export const CELLGRAPH_BIN = join(REPO_ROOT, 'bin', 'cellgraph.mjs');

/** Exit code and output of `cellgraph ARGS...` run in `cwd` (two minutes at most). */
export function cellgraph(args: string[], cwd = REPO_ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CELLGRAPH_BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
