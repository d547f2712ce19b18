// Several dropped images used as one stack: their order (by file name, as `cellgraph run --stack`
// sorts a folder) and a name for the stack, standing for the folder name the runner would use.
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function stackOrder<T extends { name: string }>(files: T[]): T[] {
  return [...files].sort((a, b) => byName(a.name, b.name));
}

/**
 * The files' common start without trailing separators or a dangling plane counter
 * ("cells_z00.tif", "cells_z01.tif" → "cells"), or "stack" when they share none.
 */
export function stackName(names: string[]): string {
  if (names.length === 0) return 'stack';
  const stems = names.map((n) => n.replace(/\.[^.]*$/, ''));
  let prefix = stems[0];
  for (const s of stems) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  if (names.length > 1) prefix = prefix.replace(/\d+$/, '').replace(/(?:[_\-. ]+(?:[zZtT]|plane|frame|slice)?)$/, '');
  prefix = prefix.replace(/[_\-. ]+$/, '');
  return prefix || 'stack';
}
