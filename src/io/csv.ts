// CSV as spreadsheets and pandas read it: comma separated, RFC 4180 quoting, numbers in the
// shortest form that reads back exactly, NaN/missing as an empty cell, one line per row.

export type Cell = number | string | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  // rows stay one line each: a newline inside a value (a file name, an error) becomes a space
  const text = value.replace(/\r\n|\r|\n/g, ' ');
  return /[",]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** The cells of one line as csvLine writes it (RFC 4180 quotes; no line breaks inside cells). */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
