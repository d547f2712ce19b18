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

/** Names for one classification: `defaults` when the text is empty, else one per class, letters, digits and _, no repeats. */
function parseNames(text: string, defaults: string[], label: string, [one, many]: [string, string], order: string): string[] {
  if (text.trim() === '') return defaults;
  const names = text.split(',').map((s) => s.trim());
  const n = defaults.length;
  if (names.length !== n) {
    throw new UserError(`${NODE}: ${label} gives ${names.length} name${names.length === 1 ? '' : 's'} for ${n} ${n === 1 ? one : many} (${order})`);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (!NAME_PATTERN.test(name)) throw new UserError(`${NODE}: ${label}: '${name}' may hold only letters, digits and _`);
    if (seen.has(name)) throw new UserError(`${NODE}: ${label}: '${name}' is given twice`);
    seen.add(name);
  }
  return names;
}

export type ThresholdKind = 'mean' | 'median' | 'value';

/**
 * The threshold of one measurement for each image (each plane 0 … rows − 1 of a stack): the number
 * given, or the mean (sum / count) or median (the middle value; the mean of the two middle ones for
 * an even count) of that plane's values that are not NaN, as CellProfiler; NaN for a plane without any.
 */
export function pairThresholds(values: Float64Array, planes: Int32Array | undefined, rows: number, kind: ThresholdKind, value: number): Float64Array {
  if (kind === 'value') return new Float64Array(rows).fill(value);
  const perPlane: number[][] = Array.from({ length: rows }, () => []);
  values.forEach((v, i) => {
    if (!Number.isNaN(v)) perPlane[planes ? planes[i] : 0].push(v);
  });
  return Float64Array.from(perPlane, (vs) => {
    if (vs.length === 0) return NaN;
    if (kind === 'mean') return vs.reduce((sum, v) => sum + v, 0) / vs.length;
    const sorted = Float64Array.from(vs).sort();
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  });
}

/**
 * The class of an object in pair mode, 0 low_low, 1 low_high, 2 high_low, 3 high_high (first word:
 * measurement 1), or -1 when either value is NaN. High is value >= threshold (CellProfiler's rule).
 */
export function pairClassOf(v1: number, t1: number, v2: number, t2: number): number {
  if (Number.isNaN(v1) || Number.isNaN(v2)) return -1;
  return (v1 >= t1 ? 2 : 0) + (v2 >= t2 ? 1 : 0);
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

/** Rows of the counts table: one per image, or one per plane 0 … last plane with an object for a stack. */
const countRows = (planes: Int32Array | undefined) => (planes ? planes.reduce((m, p) => Math.max(m, p + 1), 0) : 1);

/** One row per image (per plane, for a stack): count, per bin count, unclassified, per bin fraction, then `extra`. */
function countsTable(bins: Int32Array, planes: Int32Array | undefined, names: string[], prefix: string, source: Table, extra: ColumnInput[] = []): Table {
  const rows = countRows(planes);
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
    ...extra,
  ];
  return createTable(columns, copyMeta(source.meta));
}

const SINGLE = { mode: ['single'] };
const PAIR = { mode: ['pair'] };
const thresholdKind = (n: 1 | 2) =>
  z
    .enum(['mean', 'median', 'value'])
    .default('mean')
    .meta({
      label: `Threshold ${n}`,
      description: `Separates low from high on Column${n === 1 ? '' : ' 2'}: the mean or median of its values over the image's objects (per plane for a stack), or a number (Threshold ${n} value).`,
      shownWhen: PAIR,
    });
const thresholdValue = (n: 1 | 2) =>
  z
    .number()
    .default(0.5)
    .meta({ label: `Threshold ${n} value`, description: 'In the column\'s unit; a value >= this is high.', shownWhen: { mode: ['pair'], [`threshold_${n}`]: ['value'] } });

const paramsSchema = z.object({
  mode: z
    .enum(['single', 'pair'])
    .default('single')
    .meta({ label: 'Classify by', description: 'single: bins of one measurement; pair: low or high on each of two measurements, 4 classes.' }),
  column: z
    .string()
    .default('area')
    .meta({ label: 'Column', description: 'The number column to classify by, e.g. area or integrated_intensity (pair: the first measurement).', columnsFrom: ['table'] }),
  bins: z
    .enum(['custom', 'even'])
    .default('custom')
    .meta({ label: 'Bins', description: 'custom: between the Edges given; even: Number of bins of equal width from Lower limit to Upper limit.', shownWhen: SINGLE }),
  edges: z
    .string()
    .default('0, 100, 400')
    .meta({
      label: 'Edges',
      description: 'Ascending numbers separated by commas; a bin holds lower edge < value <= upper edge.',
      shownWhen: { mode: ['single'], bins: ['custom'] },
    }),
  bin_count: z.number().int().min(1).max(1000).default(3).meta({ label: 'Number of bins', shownWhen: { mode: ['single'], bins: ['even'] } }),
  lower: z.number().default(0).meta({ label: 'Lower limit', shownWhen: { mode: ['single'], bins: ['even'] } }),
  upper: z.number().default(1).meta({ label: 'Upper limit', shownWhen: { mode: ['single'], bins: ['even'] } }),
  bin_below: z
    .boolean()
    .default(false)
    .meta({ label: 'Bin below', description: 'A bin for values <= the lowest edge (else they get no class).', shownWhen: SINGLE }),
  bin_above: z
    .boolean()
    .default(false)
    .meta({ label: 'Bin above', description: 'A bin for values > the highest edge (else they get no class).', shownWhen: SINGLE }),
  bin_names: z
    .string()
    .default('')
    .meta({ label: 'Bin names', description: 'Comma-separated, one per bin, lowest first, e.g. G1, S, G2 (empty: bin_1, bin_2, …).', shownWhen: SINGLE }),
  threshold_1: thresholdKind(1),
  value_1: thresholdValue(1),
  column_2: z
    .string()
    .default('mean_intensity')
    .meta({ label: 'Column 2', description: 'The second number column, e.g. mean_intensity.', columnsFrom: ['table'], shownWhen: PAIR }),
  threshold_2: thresholdKind(2),
  value_2: thresholdValue(2),
  class_names: z.string().default('').meta({
    label: 'Class names',
    description: 'Comma-separated, in the order low_low, low_high, high_low, high_high (first word: Column); empty: <column>_low_<column 2>_low, ….',
    shownWhen: PAIR,
  }),
  name: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and _, not starting with a digit')
    .default('class')
    .meta({ label: 'Result name', description: 'Name of the class column; the columns per bin or class are <name>_<class>.' }),
});
type Params = z.output<typeof paramsSchema>;

/** One classification of a table's rows: each row's class (-1 for none), the class names, and extra counts columns. */
interface Classification {
  classOfRow: Int32Array;
  names: string[];
  extra: ColumnInput[];
}

function classifySingle(table: Table, params: Params): Classification {
  const values = requireNumberColumn(table, params.column, `${NODE}: param 'column'`);
  const edges = params.bins === 'even' ? evenEdges(params.bin_count, params.lower, params.upper) : parseEdges(params.edges);
  const bins: Bins = { edges, below: params.bin_below, above: params.bin_above };
  const n = binCount(bins);
  if (n === 0) {
    throw new UserError(`${NODE}: Edges '${params.edges.trim()}' make no bin: give two or more edges, or switch on Bin below or Bin above`);
  }
  const defaults = Array.from({ length: n }, (_, i) => `bin_${i + 1}`);
  const names = parseNames(params.bin_names, defaults, 'Bin names', ['bin', 'bins'], 'one name per bin, lowest first');
  return { classOfRow: Int32Array.from(values, (v) => binOf(v, bins)), names, extra: [] };
}

function classifyPair(table: Table, params: Params, planes: Int32Array | undefined): Classification {
  const v1 = requireNumberColumn(table, params.column, `${NODE}: param 'column'`);
  const v2 = requireNumberColumn(table, params.column_2, `${NODE}: param 'column_2'`);
  const defaults = ['low_low', 'low_high', 'high_low', 'high_high'].map((c) => {
    const [a, b] = c.split('_');
    return `${params.column}_${a}_${params.column_2}_${b}`;
  });
  const names = parseNames(params.class_names, defaults, 'Class names', ['class', 'classes'], 'one per class, in the order low_low, low_high, high_low, high_high');
  const rows = countRows(planes);
  const t1 = pairThresholds(v1, planes, rows, params.threshold_1, params.value_1);
  const t2 = pairThresholds(v2, planes, rows, params.threshold_2, params.value_2);
  const classOfRow = Int32Array.from(v1, (a, i) => {
    const p = planes ? planes[i] : 0;
    return pairClassOf(a, t1[p], v2[i], t2[p]);
  });
  const extra = [
    { name: `${params.name}_threshold_1`, values: t1 },
    { name: `${params.name}_threshold_2`, values: t2 },
  ];
  return { classOfRow, names, extra };
}

export const classifyObjects = defineNode({
  type: NODE,
  version: 1,
  category: 'Measure',
  label: 'Classify objects',
  aliases: ['ClassifyObjects'],
  description: [
    'Sorts objects into classes by one measurement or by a pair of measurements (CellProfiler ClassifyObjects): ' +
      'e.g. nuclei into G1 / S / G2 by integrated DNA intensity, cells into small / medium / large by area, or ' +
      'cells into 4 classes as low or high in each of two markers. Connect an object table (measure-objects, ' +
      'calculate-math…) and choose the number column(s) to classify by. Classify by: single (the default) or pair.',
    'Single: bins of Column. Bins: custom takes the Edges (ascending numbers, in the column\'s unit: e.g. µm² for area_um2); even ' +
      'splits Lower limit … Upper limit into Number of bins of equal width. Each bin between two edges holds ' +
      'the values with lower edge < value <= upper edge: a value exactly on an edge belongs to the bin below ' +
      'it, so one equal to the lowest edge is in the bin below if that is on, else in none. This is CellProfiler\'s rule (numpy ' +
      'digitize with right=True), not numpy digitize\'s default or numpy histogram (which include the lower edge). ' +
      'With Bin below, values <= the lowest edge get a bin of their own; with Bin above, values > the highest ' +
      'edge (both off by default, as in CellProfiler). So edges 0, 100, 400 make 2 bins, 4 with both on.',
    'Bin names (comma-separated, lowest bin first; letters, digits and _) default to bin_1, bin_2, … counting ' +
      'the bin below, when on, as bin_1.',
    'Pair: each object is low or high on Column (by Threshold 1) and on Column 2 (by Threshold 2), which makes ' +
      '4 classes: low_low, low_high, high_low, high_high (first word: Column). High means value >= threshold, low ' +
      'value < threshold: a value exactly on the threshold is high. This is CellProfiler\'s rule for a pair, the ' +
      'opposite side from the single bins above, where a value on an edge goes to the bin below. A threshold is ' +
      'a number (Threshold value, in the column\'s unit) or, as in CellProfiler, the mean (sum / count) or ' +
      'median (the mean of the two middle values for an even count) of that column over the image\'s objects ' +
      'with a value (empty values left out), worked out per image, and per plane for a stack (the default is ' +
      'mean, as in CellProfiler). Class names default to CellProfiler\'s: <column>_low_<column 2>_low, ' +
      '<column>_low_<column 2>_high, <column>_high_<column 2>_low, <column>_high_<column 2>_high, e.g. ' +
      'area_high_mean_intensity_low; or give 4 Class names in that order (letters, digits and _).',
    'Output table: the input with a text column <Result name> (default class) holding each object\'s class name, ' +
      'and one column <Result name>_<class> per bin or class, 1 for objects in it and 0 otherwise. An empty value ' +
      '(NaN) in a column classified by (either one, for a pair), or a value outside every bin, gives no class: ' +
      'an empty name and 0 in every class column.',
    'Counts: one row for the image with count (all objects, classified or not), <Result name>_<class>_count ' +
      '(CellProfiler NumObjectsPerBin), unclassified_count, and <Result name>_<class>_fraction = class count / count, ' +
      'a fraction from 0 to 1 (CellProfiler\'s PctObjectsPerBin is 100 × this). As in CellProfiler, objects ' +
      'without a class count in the total, so summarize\'s mean of a class column equals its fraction; an image ' +
      'without objects gives empty fractions. For a pair, <Result name>_threshold_1 and <Result name>_threshold_2 ' +
      'give the thresholds used (a mean or median is empty for an image without values).',
    'A stack (a table with a plane column, as measure-objects writes for one) is counted plane by plane: one ' +
      'row per plane from 0 to the last plane with an object, with a plane column; a plane without objects ' +
      'among them gets count 0. A mean or median threshold is then that plane\'s.',
  ].join('\n'),
  inputs: { table: port.table({ label: 'Object table' }) },
  outputs: {
    table: port.table({ label: 'Classified objects' }),
    counts: port.table({ label: 'Counts per class', description: 'One row per image (per plane for a stack): count and fraction of objects in each bin or class.' }),
  },
  params: paramsSchema,
  run: ({ table }, params) => {
    const { classOfRow, names, extra } = params.mode === 'pair' ? classifyPair(table, params, planesOf(table)) : classifySingle(table, params);
    const added = [params.name, ...names.map((b) => `${params.name}_${b}`)];
    const taken = added.find((c) => table.columns.some((col) => col.name === c));
    if (taken) throw new UserError(`${NODE}: the table already has a column '${taken}': choose another Result name`);

    const classColumn: Column = { name: params.name, type: 'string', values: Array.from(classOfRow, (k) => (k < 0 ? '' : names[k])) };
    const classColumns: Column[] = names.map((b, k) => ({
      name: `${params.name}_${b}`,
      type: 'number',
      values: Float64Array.from(classOfRow, (row) => (row === k ? 1 : 0)),
    }));
    return {
      table: { kind: 'table', rows: table.rows, columns: [...table.columns, classColumn, ...classColumns], meta: copyMeta(table.meta) },
      counts: countsTable(classOfRow, planesOf(table), names, params.name, table, extra),
    };
  },
});
