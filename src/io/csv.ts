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
