import { UserError } from './errors';
import { emptyMeta, type Column, type ImageMeta, type Table } from './image';

export type ColumnInput =
  | { name: string; values: number[] | Float64Array; unit?: string }
  | { name: string; values: string[] };

/** Build a table; every column must have the same length. */
export function createTable(columns: ColumnInput[], meta: ImageMeta = emptyMeta()): Table {
  const rows = columns[0]?.values.length ?? 0;
  const out: Column[] = columns.map((c) => {
    if (c.values.length !== rows) {
      throw new Error(`column '${c.name}' has ${c.values.length} rows, expected ${rows}`);
    }
    if (Array.isArray(c.values) && c.values.length > 0 && typeof c.values[0] === 'string') {
      return { name: c.name, type: 'string', values: c.values as string[] };
    }
    const unit = 'unit' in c ? c.unit : undefined;
    const values = c.values instanceof Float64Array ? c.values : Float64Array.from(c.values as number[]);
    return unit ? { name: c.name, type: 'number', values, unit } : { name: c.name, type: 'number', values };
  });
  const names = new Set<string>();
  for (const c of out) {
    if (names.has(c.name)) throw new Error(`duplicate column '${c.name}'`);
    names.add(c.name);
  }
  return { kind: 'table', rows, columns: out, meta };
}

export function column(table: Table, name: string): Column {
  const c = table.columns.find((col) => col.name === name);
  if (!c) throw new Error(`table has no column '${name}' (columns: ${table.columns.map((x) => x.name).join(', ')})`);
  return c;
}

/**
 * The values of the number column `name` a user chose, or one UserError line naming `who` (the node
 * and param) and the table's number columns: "<who>: 'x' is not a column of <of> (number columns: …)",
 * or "… holds text, not numbers (…)".
 */
export function requireNumberColumn(table: Table, name: string, who: string, of = 'the table'): Float64Array {
  const c = table.columns.find((col) => col.name === name);
  if (c?.type === 'number') return c.values;
  const numeric = table.columns.filter((col) => col.type === 'number').map((col) => col.name);
  throw new UserError(`${who}: '${name}' ${c ? 'holds text, not numbers' : `is not a column of ${of}`} (number columns: ${numeric.join(', ')})`);
}

export function numberColumn(table: Table, name: string): Float64Array {
  const c = column(table, name);
  if (c.type !== 'number') throw new Error(`column '${name}' is not numeric`);
  return c.values;
}

/** Cell values of one row, in column order (NaN stays NaN). */
export function tableRow(table: Table, row: number): (number | string)[] {
  return table.columns.map((c) => c.values[row]);
}

/**
 * One table of the per-plane tables of a stack: their rows in plane order, with a `plane` column
 * (0-based) after `label` (or first). All tables must have the same columns.
 */
export function stackPlaneTables(tables: Table[], meta: ImageMeta): Table {
  const first = tables[0];
  const columns: ColumnInput[] = [];
  for (const [i, c] of first.columns.entries()) {
    for (const t of tables) {
      if (t.columns[i]?.name !== c.name) throw new Error(`plane tables differ: column ${i} is '${t.columns[i]?.name}', expected '${c.name}'`);
    }
    if (c.type === 'string') columns.push({ name: c.name, values: tables.flatMap((t) => t.columns[i].values as string[]) });
    else {
      const values = new Float64Array(tables.reduce((n, t) => n + t.rows, 0));
      let at = 0;
      for (const t of tables) {
        values.set(t.columns[i].values as Float64Array, at);
        at += t.rows;
      }
      columns.push(c.unit ? { name: c.name, values, unit: c.unit } : { name: c.name, values });
    }
  }
  const plane = Float64Array.from(tables.flatMap((t, p) => Array<number>(t.rows).fill(p)));
  columns.splice(first.columns[0]?.name === 'label' ? 1 : 0, 0, { name: 'plane', values: plane });
  return createTable(columns, meta);
}

/** Each row's key for matching rows across tables: its label, and its plane when `withPlane`. */
function rowKeys(table: Table, withPlane: boolean): string[] | undefined {
  const label = table.columns.find((c) => c.name === 'label');
  if (!label) return undefined;
  const plane = withPlane ? table.columns.find((c) => c.name === 'plane') : undefined;
  return Array.from({ length: table.rows }, (_, i) => (plane ? `${label.values[i]}@${plane.values[i]}` : `${label.values[i]}`));
}

/**
 * For each row of `a`, the row of `b` for the same object, or -1: rows match by label, and by plane
 * when both tables have a plane column (a stack). Two per-image tables (no label, one row each) match
 * each other. One UserError line, naming `who` and `bName`, when `b` has an object twice or the tables
 * cannot be matched.
 */
export function matchRowsByLabel(a: Table, b: Table, who: string, bName: string): Int32Array {
  const withPlane = a.columns.some((c) => c.name === 'plane') && b.columns.some((c) => c.name === 'plane');
  const ka = rowKeys(a, withPlane);
  const kb = rowKeys(b, withPlane);
  if (!ka || !kb) {
    if (!ka && !kb && a.rows === 1 && b.rows === 1) return Int32Array.of(0);
    throw new UserError(`${who}: to combine two tables both need a 'label' column (object tables), or both must have one row (per-image tables)`);
  }
  const rowOf = new Map<string, number>();
  kb.forEach((k, i) => {
    if (rowOf.has(k)) throw new UserError(`${who}: ${bName} has two rows for object ${k.replace('@', ' in plane ')}`);
    rowOf.set(k, i);
  });
  return Int32Array.from(ka, (k) => rowOf.get(k) ?? -1);
}
