// A table as the CSV `cellgraph run` writes for one image: an `image` column holding the input
// file name, then the table's columns; non-finite numbers are empty cells.
import type { Table } from '../../core/image';
import { csvLine } from '../../io/csv';

export function tableToCsv(table: Table, imageName: string): string {
  let text = csvLine(['image', ...table.columns.map((c) => c.name)]);
  for (let r = 0; r < table.rows; r++) {
    text += csvLine([
      imageName,
      ...table.columns.map((c) => {
        const v = c.values[r];
        return typeof v === 'number' && !Number.isFinite(v) ? null : v;
      }),
    ]);
  }
  return text;
}
