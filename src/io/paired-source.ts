// An image with the files that belong with it, by role (`cellgraph run --pair truth={stem}_mask.tif`,
// or paired in the editor): its ground-truth labels, a label image another tool made, a second
// acquisition. The pair is one batch item whose hash covers every file, so a changed mask re-runs.
import { UserError } from '../core/errors';
import { hashString } from '../core/hash';
import type { SourceFile } from '../core/node';

export interface PairedFile {
  name: string;
  bytes: Uint8Array;
  hash: string;
}

/** A role names what the file is to the pipeline (load-paired-image's Role): letters, digits, _ and -. */
export const ROLE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function checkRole(role: string, what: string): void {
  if (!ROLE_PATTERN.test(role)) throw new UserError(`${what}: '${role}' is not a role name (letters, digits, _ and -, at most 64)`);
}

/** `source` with `paired` files; its hash covers them (in role order), `fileHash` keeps its own. */
export function pairedSource(source: SourceFile, paired: Record<string, PairedFile>): SourceFile {
  const roles = Object.keys(paired).sort();
  if (roles.length === 0) return source;
  const hash = hashString(`paired\n${source.hash}\n${roles.map((r) => `${r}\n${paired[r].hash}`).join('\n')}`);
  return { ...source, hash, fileHash: source.fileHash ?? source.hash, paired };
}
