// An image with the files that belong with it, by role (`cellgraph run --pair truth={stem}_mask.tif`,
// or paired in the editor): its ground-truth labels, a label image another tool made, a second
// acquisition. The pair is one batch item whose hash covers every file, so a changed mask re-runs.
import { hashString } from '../core/hash';
import type { SourceFile } from '../core/node';

export interface PairedFile {
  name: string;
  bytes: Uint8Array;
  hash: string;
}

/** A role names what the file is to the pipeline (load-paired-image's Role): letters, digits, _ and -. */
export const ROLE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** One pairing rule (`--pair ROLE=TEMPLATE`, or a line of the editor's Pair files): TEMPLATE names the file from the image's. */
export interface PairRule {
  role: string;
  template: string;
}

/**
 * The file name a pair template makes from an image's file name: {stem} is the name without its
 * extension, {ext} the extension with its dot (as node:path's extname: `.tif` of `a.ome.tif`, none of
 * `.hidden`). `{stem}_mask.tif` makes `a_mask.tif` of `a.tif`. Shared by the runner and the editor.
 */
export function pairedFileName(imageName: string, template: string): string {
  const dot = imageName.lastIndexOf('.');
  const ext = dot <= 0 || imageName === '..' ? '' : imageName.slice(dot);
  return template.replaceAll('{stem}', imageName.slice(0, imageName.length - ext.length)).replaceAll('{ext}', ext);
}

/** `source` with `paired` files; its hash covers them (in role order), `fileHash` keeps its own. */
export function pairedSource(source: SourceFile, paired: Record<string, PairedFile>): SourceFile {
  const roles = Object.keys(paired).sort();
  if (roles.length === 0) return source;
  const hash = hashString(`paired\n${source.hash}\n${roles.map((r) => `${r}\n${paired[r].hash}`).join('\n')}`);
  return { ...source, hash, fileHash: source.fileHash ?? source.hash, paired };
}
