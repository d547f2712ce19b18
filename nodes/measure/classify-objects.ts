import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, type Column, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, requireNumberColumn, type ColumnInput } from '../../src/core/table';

const NODE = 'classify-objects';
const NAME_PATTERN = /^[A-Za-z0-9_]+$/;
const NUMBER_PATTERN = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** The bins of one classification: ascending finite edges, and whether the two open-ended bins exist. */
export interface Bins {
  edges: number[];
  below: boolean;
  above: boolean;
}

/** Number of bins: one between each pair of edges, plus the open-ended ones asked for. */
export const binCount = (b: Bins) => Math.max(0, b.edges.length - 1) + (b.below ? 1 : 0) + (b.above ? 1 : 0);

/**
 * The bin (0-based, lowest first) of a value, or -1 for none. Between edges e[k] < v <= e[k+1]
 * (CellProfiler's comparison); the bin below holds v <= e[0], the bin above v > e[last]; NaN has none.
 */
export function binOf(value: number, b: Bins): number {
  if (Number.isNaN(value)) return -1;
  const { edges } = b;
  // edges below the value (binary search: the first edge >= value)
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return b.below ? 0 : -1;
  if (lo === edges.length) return b.above ? binCount(b) - 1 : -1;
  return lo - 1 + (b.below ? 1 : 0);
}

function parseEdges(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length === 1 && parts[0] === '') {
    throw new UserError(`${NODE}: Edges is empty: give ascending numbers separated by commas, e.g. 100, 300`);
  }
  const edges = parts.map((s) => {
    if (!NUMBER_PATTERN.test(s)) throw new UserError(`${NODE}: Edges: '${s}' is not a number (give ascending numbers separated by commas, e.g. 100, 300)`);
    return Number(s);
  });
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) {
      throw new UserError(`${NODE}: Edges must be in ascending order, each larger than the one before, but ${parts[i]} follows ${parts[i - 1]}`);
    }
  }
  return edges;
}

/** Edges of `count` bins of equal width from lower to upper (CellProfiler: arange(n + 1) · (hi − lo) / n + lo). */
export function evenEdges(count: number, lower: number, upper: number): number[] {
  if (!(lower < upper)) throw new UserError(`${NODE}: Lower limit (${lower}) must be below Upper limit (${upper})`);
  return Array.from({ length: count + 1 }, (_, i) => (i * (upper - lower)) / count + lower);
}

function parseNames(text: string, bins: number): string[] {
  if (text.trim() === '') return Array.from({ length: bins }, (_, i) => `bin_${i + 1}`);
  const names = text.split(',').map((s) => s.trim());
  if (names.length !== bins) {
    throw new UserError(`${NODE}: Bin names gives ${names.length} name${names.length === 1 ? '' : 's'} for ${bins} bin${bins === 1 ? '' : 's'} (one name per bin, lowest first)`);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (!NAME_PATTERN.test(name)) throw new UserError(`${NODE}: Bin names: '${name}' may hold only letters, digits and _`);
    if (seen.has(name)) throw new UserError(`${NODE}: Bin names: '${name}' is given twice`);
    seen.add(name);
  }
  return names;
}

/** Each row's plane (0 for a table without a plane column), checked to be a plane number. */
function planesOf(table: Table): Int32Array | undefined {
  const c = table.columns.find((col) => col.name === 'plane');
  if (!c) return undefined;
  if (c.type !== 'number') throw new UserError(`${NODE}: the table's 'plane' column holds text, not plane numbers`);
  return Int32Array.from(c.values, (p, row) => {
    if (!(Number.isInteger(p) && p >= 0)) throw new UserError(`${NODE}: the table's 'plane' column has ${p} in row ${row + 1}, not a plane number (0, 1, 2, …)`);
    return p;
  });
}

/** One row per image (per plane 0 … last plane with an object, for a stack): count, per bin count, unclassified, per bin fraction. */
function countsTable(bins: Int32Array, planes: Int32Array | undefined, names: string[], prefix: string, source: Table): Table {
  const rows = planes ? planes.reduce((m, p) => Math.max(m, p + 1), 0) : 1;
  const total = new Float64Array(rows);
  const perBin = names.map(() => new Float64Array(rows));
  bins.forEach((bin, i) => {
    const r = planes ? planes[i] : 0;
    total[r]++;
    if (bin >= 0) perBin[bin][r]++;
  });
  const unclassified = total.map((t, r) => perBin.reduce((left, n) => left - n[r], t));
  // no objects: no fraction (empty), as summarize's mean of an empty column
  const fraction = (n: Float64Array) => n.map((k, r) => (total[r] > 0 ? k / total[r] : NaN));
  const columns: ColumnInput[] = [
    ...(planes ? [{ name: 'plane', values: Float64Array.from({ length: rows }, (_, p) => p) }] : []),
    { name: 'count', values: total },
    ...names.map((name, k) => ({ name: `${prefix}_${name}_count`, values: perBin[k] })),
    { name: 'unclassified_count', values: unclassified },
    ...names.map((name, k) => ({ name: `${prefix}_${name}_fraction`, values: fraction(perBin[k]) })),
  ];
  return createTable(columns, copyMeta(source.meta));
}

export const classifyObjects = defineNode({
  type: NODE,
  version: 1,
  category: 'Measure',
  label: 'Classify objects',
  aliases: ['ClassifyObjects'],
  description: [
    'Sorts objects into classes by one measurement (CellProfiler ClassifyObjects, single measurement): e.g. ' +
      'nuclei into G1 / S / G2 by integrated DNA intensity, or cells into small / medium / large by area. ' +
      'Connect an object table (measure-objects, calculate-math…) and choose the number column to classify by.',
    'Bins: custom takes the Edges (ascending numbers, in the column\'s unit: e.g. µm² for area_um2); even ' +
      'splits Lower limit … Upper limit into Number of bins of equal width. Each bin between two edges holds ' +
      'the values with lower edge < value <= upper edge: a value exactly on an edge belongs to the bin below ' +
      'it, so one equal to the lowest edge is in the bin below if that is on, else in none. This is CellProfiler\'s rule (numpy ' +
      'digitize with right=True), not numpy digitize\'s default or numpy histogram (which include the lower edge). ' +
      'With Bin below, values <= the lowest edge get a bin of their own; with Bin above, values > the highest ' +
      'edge (both off by default, as in CellProfiler). So edges 0, 100, 400 make 2 bins, 4 with both on.',
    'Bin names (comma-separated, lowest bin first; letters, digits and _) default to bin_1, bin_2, … counting ' +
      'the bin below, when on, as bin_1.',
    'Output table: the input with a text column <Result name> (default class) holding each object\'s bin name, ' +
      'and one column <Result name>_<bin> per bin, 1 for objects in that bin and 0 otherwise. An empty value ' +
      '(NaN), or a value outside every bin, gives no class: an empty name and 0 in every bin column.',
    'Counts: one row for the image with count (all objects, classified or not), <Result name>_<bin>_count ' +
      '(CellProfiler NumObjectsPerBin), unclassified_count, and <Result name>_<bin>_fraction = bin count / count, ' +
      'a fraction from 0 to 1 (CellProfiler\'s PctObjectsPerBin is 100 × this). As in CellProfiler, objects ' +
      'without a class count in the total, so summarize\'s mean of a bin column equals its fraction; an image ' +
      'without objects gives empty fractions.',
    'A stack (a table with a plane column, as measure-objects writes for one) is counted plane by plane: one ' +
      'row per plane from 0 to the last plane with an object, with a plane column; a plane without objects ' +
      'among them gets count 0.',
  ].join('\n'),
  inputs: { table: port.table({ label: 'Object table' }) },
  outputs: {
    table: port.table({ label: 'Classified objects' }),
    counts: port.table({ label: 'Counts per bin', description: 'One row per image (per plane for a stack): count and fraction of objects in each bin.' }),
  },
  params: z.object({
    column: z
      .string()
      .default('area')
      .meta({ label: 'Column', description: 'The number column to classify by, e.g. area or integrated_intensity.', columnsFrom: ['table'] }),
    bins: z
      .enum(['custom', 'even'])
      .default('custom')
      .meta({ label: 'Bins', description: 'custom: between the Edges given; even: Number of bins of equal width from Lower limit to Upper limit.' }),
    edges: z
      .string()
      .default('0, 100, 400')
      .meta({
        label: 'Edges',
        description: 'Ascending numbers separated by commas; a bin holds lower edge < value <= upper edge.',
        shownWhen: { bins: ['custom'] },
      }),
    bin_count: z.number().int().min(1).max(1000).default(3).meta({ label: 'Number of bins', shownWhen: { bins: ['even'] } }),
    lower: z.number().default(0).meta({ label: 'Lower limit', shownWhen: { bins: ['even'] } }),
    upper: z.number().default(1).meta({ label: 'Upper limit', shownWhen: { bins: ['even'] } }),
    bin_below: z
      .boolean()
      .default(false)
      .meta({ label: 'Bin below', description: 'A bin for values <= the lowest edge (else they get no class).' }),
    bin_above: z
      .boolean()
      .default(false)
      .meta({ label: 'Bin above', description: 'A bin for values > the highest edge (else they get no class).' }),
    bin_names: z
      .string()
      .default('')
      .meta({ label: 'Bin names', description: 'Comma-separated, one per bin, lowest first, e.g. G1, S, G2 (empty: bin_1, bin_2, …).' }),
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and _, not starting with a digit')
      .default('class')
      .meta({ label: 'Result name', description: 'Name of the class column; the bin columns are <name>_<bin>.' }),
  }),
  run: ({ table }, params) => {
    const values = requireNumberColumn(table, params.column, `${NODE}: param 'column'`);
    const edges = params.bins === 'even' ? evenEdges(params.bin_count, params.lower, params.upper) : parseEdges(params.edges);
    const bins: Bins = { edges, below: params.bin_below, above: params.bin_above };
    const n = binCount(bins);
    if (n === 0) {
      throw new UserError(`${NODE}: Edges '${params.edges.trim()}' make no bin: give two or more edges, or switch on Bin below or Bin above`);
    }
    const names = parseNames(params.bin_names, n);
    const added = [params.name, ...names.map((b) => `${params.name}_${b}`)];
    const taken = added.find((c) => table.columns.some((col) => col.name === c));
    if (taken) throw new UserError(`${NODE}: the table already has a column '${taken}': choose another Result name`);
    const planes = planesOf(table);

    const binOfRow = Int32Array.from(values, (v) => binOf(v, bins));
    const classColumn: Column = { name: params.name, type: 'string', values: Array.from(binOfRow, (k) => (k < 0 ? '' : names[k])) };
    const binColumns: Column[] = names.map((b, k) => ({
      name: `${params.name}_${b}`,
      type: 'number',
      values: Float64Array.from(binOfRow, (row) => (row === k ? 1 : 0)),
    }));
    return {
      table: { kind: 'table', rows: table.rows, columns: [...table.columns, classColumn, ...binColumns], meta: copyMeta(table.meta) },
      counts: countsTable(binOfRow, planes, names, params.name, table),
    };
  },
});
