// What "Run on all images" runs on: every image one at a time (not some image's pair), in list order,
// each with its paired files (role → hash) as a single-image run sends them, and named as listed
// (listed-names.ts: folder/name where two listed files share a name). In stack or channels mode
// the listed files are one image, so there is no batch.
import type { BatchItem } from '../engine/protocol';
import type { Pairing } from './pairing';

export function batchItems(pairing: Pairing<{ name: string; hash: string }>, stack: boolean, names?: Map<string, string>): BatchItem[] {
  if (stack) return [];
  return pairing.images.map(({ file, paired }) => {
    const roles = Object.entries(paired);
    const name = names?.get(file.hash) ?? file.name;
    return { name, sourceHash: file.hash, ...(roles.length ? { paired: Object.fromEntries(roles.map(([role, f]) => [role, f.hash])) } : {}) };
  });
}
