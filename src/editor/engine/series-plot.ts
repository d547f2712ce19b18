// Tables that hold a series over planes (time points, z-slices), drawn as a small line plot in the
// node's preview. Recognised by their columns, whichever node made them:
// - long: a `plane` column and a `label` column whose objects recur across planes
//   (measure-over-planes): one line per object;
// - wide: columns plane_0, plane_1, … (pixel-series): the mean over rows, and the first rows;
// - a `plane` column alone (focus-score): its first other number column.
import type { Column, Table } from '../../core/image';

export interface PlotSeries {
  name: string;
  /** One value per x (NaN: no point). */
  y: number[];
}

export interface SeriesPlot {
  xLabel: string;
  yLabel: string;
  x: number[];
  series: PlotSeries[];
  /** Lines left out to keep the plot readable. */
  omitted: number;
}

/** Most lines drawn; the rest are counted in `omitted`. */
export const MAX_LINES = 12;

const numberColumn = (t: Table, name: string) => t.columns.find((c): c is Extract<Column, { type: 'number' }> => c.name === name && c.type === 'number');

export function seriesPlot(table: Table): SeriesPlot | undefined {
  const plane = numberColumn(table, 'plane');
  const label = numberColumn(table, 'label');
  if (plane && label) return longSeries(table, plane.values, label.values);
  const wide = table.columns.filter((c) => c.type === 'number' && /^plane_\d+$/.test(c.name));
  if (wide.length > 1) return wideSeries(table, wide as Extract<Column, { type: 'number' }>[]);
  if (plane && table.rows > 1) return columnSeries(table, plane.values);
  return undefined;
}

/** The column to plot from a long table: mean intensity when there is one, else the first other number column. */
function valueColumn(table: Table, skip: string[]) {
  const numbers = table.columns.filter((c): c is Extract<Column, { type: 'number' }> => c.type === 'number' && !skip.includes(c.name));
  return numbers.find((c) => c.name === 'mean_intensity') ?? numbers[0];
}

function longSeries(table: Table, plane: Float64Array, label: Float64Array): SeriesPlot | undefined {
  const value = valueColumn(table, ['plane', 'label', 'area']);
  if (!value) return undefined;
  let planes = 0;
  for (let i = 0; i < table.rows; i++) planes = Math.max(planes, plane[i] + 1);
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < table.rows; i++) {
    let ys = byLabel.get(label[i]);
    if (!ys) {
      if (byLabel.size >= MAX_LINES) continue;
      ys = new Array<number>(planes).fill(NaN);
      byLabel.set(label[i], ys);
    }
    ys[plane[i]] = value.values[i];
  }
  const labels = new Set(label);
  // objects measured in one plane each (measure-objects on a stack numbers them apart) are no series
  if (labels.size === table.rows) return undefined;
  return {
    xLabel: 'plane',
    yLabel: value.name,
    x: Array.from({ length: planes }, (_, p) => p),
    series: [...byLabel].map(([l, y]) => ({ name: `object ${l}`, y })),
    omitted: labels.size - byLabel.size,
  };
}

function wideSeries(table: Table, columns: Extract<Column, { type: 'number' }>[]): SeriesPlot {
  const ordered = [...columns].sort((a, b) => Number(a.name.slice(6)) - Number(b.name.slice(6)));
  const mean = ordered.map((c) => {
    let sum = 0;
    let n = 0;
    for (const v of c.values) if (v === v) (sum += v), n++;
    return n ? sum / n : NaN;
  });
  const shown = Math.min(table.rows, MAX_LINES - 1);
  const x = numberColumn(table, 'x')?.values;
  const y = numberColumn(table, 'y')?.values;
  const rows = Array.from({ length: shown }, (_, r) => ({
    name: x && y ? `pixel (${x[r]}, ${y[r]})` : `row ${r + 1}`,
    y: ordered.map((c) => c.values[r]),
  }));
  return {
    xLabel: 'plane',
    yLabel: 'value',
    x: ordered.map((c) => Number(c.name.slice(6))),
    series: [{ name: `mean of ${table.rows} rows`, y: mean }, ...rows],
    omitted: table.rows - shown,
  };
}

function columnSeries(table: Table, plane: Float64Array): SeriesPlot | undefined {
  const others = table.columns.filter((c): c is Extract<Column, { type: 'number' }> => c.type === 'number' && c.name !== 'plane');
  if (others.length === 0) return undefined;
  // one column only: the others (e.g. a relative score) have other scales
  const [first] = others;
  return { xLabel: 'plane', yLabel: first.name, x: Array.from(plane), series: [{ name: first.name, y: Array.from(first.values) }], omitted: 0 };
}
