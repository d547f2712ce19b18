import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, createLabels, type Labels, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { requireNumberColumn } from '../../src/core/table';
import { objectAreas } from '../../src/imaging/filter-objects';

/** The default upper bound: larger than any object in an image cellgraph can hold in memory. */
export const NO_MAX_AREA = 1e9;

/** Keeps the labels for which `keep` holds, renumbered 1..n in their previous order. */
function keepObjects(labels: Labels, keep: (label: number) => boolean): Labels {
  let max = 0;
  for (let i = 0; i < labels.data.length; i++) if (labels.data[i] > max) max = labels.data[i];
  const present = new Uint8Array(max + 1);
  for (let i = 0; i < labels.data.length; i++) present[labels.data[i]] = 1;
  const remap = new Uint32Array(max + 1);
  let count = 0;
  for (let l = 1; l <= max; l++) if (present[l] && keep(l)) remap[l] = ++count;
  const data = new Uint32Array(labels.data.length);
  for (let i = 0; i < data.length; i++) data[i] = remap[labels.data[i]];
  const { width, height, planes } = labels;
  return createLabels({ width, height, planes }, data, count, copyMeta(labels.meta));
}

/** Labels with a pixel in the first or last row or column of any plane. */
function touchingBorder(labels: Labels): Set<number> {
  const { width, height, planes, data } = labels;
  const out = new Set<number>();
  for (let p = 0; p < planes; p++) {
    const base = p * width * height;
    for (let x = 0; x < width; x++) out.add(data[base + x]).add(data[base + (height - 1) * width + x]);
    for (let y = 0; y < height; y++) out.add(data[base + y * width]).add(data[base + y * width + width - 1]);
  }
  out.delete(0);
  return out;
}

/** label → value of `name` in a measurement table with a 'label' column. */
function measurementOf(table: Table, name: string): Map<number, number> {
  const labelColumn = table.columns.find((c) => c.name === 'label');
  if (!labelColumn || labelColumn.type !== 'number') {
    throw new UserError("filter-objects: the measurements table has no 'label' column (connect measure-objects' table)");
  }
  const values = requireNumberColumn(table, name, "filter-objects: param 'measurement'");
  const out = new Map<number, number>();
  labelColumn.values.forEach((l, i) => out.set(l, values[i]));
  return out;
}

export const filterObjects = defineNode({
  type: 'filter-objects',
  version: 1,
  category: 'Segment',
  label: 'Filter objects',
  aliases: ['FilterObjects', 'Analyze Particles (size, exclude on edges)'],
  description: [
    'Removes objects and numbers the remaining ones 1, 2, 3, … in their previous order; removed objects ' +
      'become background. An object is kept when it passes every test that is set (CellProfiler FilterObjects):',
    '- area: min_area <= area <= max_area, its area being its number of pixels (in a stack: over all ' +
      'planes). Removes debris, noise (too small) and clumps or background (too large).',
    '- measurement: with a measurements table connected (from measure-objects on these same labels, or ' +
      'any table with a label column) and Measurement set to one of its number columns, min_value <= ' +
      'value <= max_value (a bound left empty is no bound). An object missing from the table, or whose ' +
      'value is empty (NaN), is removed.',
    '- border: with Remove objects touching the border, an object with any pixel in the first or last ' +
      'row or column of the image is removed whole (as CellProfiler\'s "discard objects touching the ' +
      'border"; unlike skimage clear_border, which removes only the touching piece of a split label).',
  ].join('\n'),
  inputs: {
    labels: port.labels(),
    measurements: port.table({ label: 'Measurements', optional: true, description: 'One row per object, with a label column.' }),
  },
  outputs: { labels: port.labels() },
  params: z.object({
    min_area: z
      .number()
      .int()
      .min(0)
      .default(0)
      .meta({ label: 'Minimum area', unit: 'px', description: 'Objects with fewer pixels are removed.' }),
    max_area: z
      .number()
      .int()
      .min(0)
      .default(NO_MAX_AREA)
      .meta({
        label: 'Maximum area',
        unit: 'px',
        description: `Objects with more pixels are removed; the default (${NO_MAX_AREA}) keeps every large object.`,
      }),
    measurement: z
      .string()
      .default('')
      .meta({ label: 'Measurement', description: 'A number column of the measurements table to filter on (empty: none), e.g. solidity or mean_intensity.', columnsFrom: ['measurements'] }),
    min_value: z
      .number()
      .optional()
      .meta({ label: 'Minimum value', description: 'Objects whose measurement is lower are removed (empty: no lower bound).' }),
    max_value: z
      .number()
      .optional()
      .meta({ label: 'Maximum value', description: 'Objects whose measurement is higher are removed (empty: no upper bound).' }),
    remove_border: z
      .boolean()
      .default(false)
      .meta({ label: 'Remove objects touching the border', description: 'Objects with a pixel on the image edge are removed.' }),
  }),
  run: ({ labels, measurements }, params) => {
    const { min_area, max_area, measurement = '', min_value, max_value, remove_border = false } = params;
    if (min_area > max_area) {
      throw new UserError(`min_area (${min_area}) must not be larger than max_area (${max_area})`);
    }
    if (min_value !== undefined && max_value !== undefined && min_value > max_value) {
      throw new UserError(`filter-objects: min_value (${min_value}) must not be larger than max_value (${max_value})`);
    }
    const areas = objectAreas(labels);
    let values: Map<number, number> | undefined;
    if (measurement !== '') {
      const table = measurements as Table | undefined;
      if (!table) throw new UserError(`filter-objects: Measurement is '${measurement}' but no measurements table is connected`);
      values = measurementOf(table, measurement);
    }
    const border = remove_border ? touchingBorder(labels) : undefined;
    return {
      labels: keepObjects(labels, (l) => {
        if (areas[l] < min_area || areas[l] > max_area) return false;
        if (border?.has(l)) return false;
        if (values) {
          const v = values.get(l);
          if (v === undefined || Number.isNaN(v)) return false;
          if (min_value !== undefined && v < min_value) return false;
          if (max_value !== undefined && v > max_value) return false;
        }
        return true;
      }),
    };
  },
});
