// A CSV that cellgraph wrote, read back for tests: one record per row, keyed by the header, cells as
// text (quoted cells as csvLine writes them, through the same parser merge uses).
import { readFileSync } from 'node:fs';
import { parseCsvLine } from '../io/csv';

export function readCsvRecords(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n').map(parseCsvLine);
  return rows.map((cells) => Object.fromEntries(cells.map((v, i) => [header[i], v])));
}
