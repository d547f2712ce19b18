import { z } from 'zod';
import { copyMeta } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { createTable, type ColumnInput } from '../../src/core/table';
import { pixelSeries as pixelSeriesKernel } from '../../src/imaging/plane-series';

/** Largest table (rows × plane columns) made, about 160 MB of float64: beyond it, ask for a mask. */
export const MAX_SERIES_CELLS = 20_000_000;

export const pixelSeries = defineNode({
  type: 'pixel-series',
  version: 1,
  category: 'Measure',
  label: 'Pixel series',
  aliases: ['Plot Z-axis Profile'],
  description:
    'The value of each pixel across the planes of a stack (a time-lapse or a z-series), as a wide table: ' +
    'one row per pixel (x = column, y = row, from 0 at the top-left; row-major order) and one column per ' +
    'plane, plane_0, plane_1, … (0-based). Connect a mask to keep only its pixels (e.g. a cell or a ' +
    'region of interest). Normalisation: raw keeps the values; dff gives ΔF/F0 = (F − F0) / F0, with F0 the ' +
    'mean of the baseline planes (first to last, inclusive), empty where F0 is 0; zscore gives ' +
    '(F − mean) / std over all planes, with the population standard deviation (ddof = 0), empty where the ' +
    `series is constant. Arithmetic in 64-bit float. The stack must have 1 channel; tables above ` +
    `${MAX_SERIES_CELLS.toLocaleString('en')} cells are refused (use a mask or Bin first).`,
  inputs: {
    image: port.image({ label: 'Stack' }),
    mask: port.mask({ label: 'Region', optional: true, description: 'Only the pixels inside this 2-D mask.' }),
  },
  outputs: { table: port.table() },
  params: z.object({
    normalise: z
      .enum(['raw', 'dff', 'zscore'])
      .default('raw')
      .meta({
        label: 'Normalisation',
        description: 'raw: values as stored. dff: (F − F0) / F0 over the baseline planes. zscore: (F − mean) / std over all planes.',
      }),
    baseline_start: z.number().int().min(0).default(0).meta({ label: 'Baseline from plane', description: 'First plane of the F0 baseline (0-based), for dff.', shownWhen: { normalise: ['dff'] } }),
    baseline_end: z.number().int().min(0).default(0).meta({ label: 'Baseline to plane', description: 'Last plane of the F0 baseline (0-based, inclusive), for dff.', shownWhen: { normalise: ['dff'] } }),
  }),
  run: ({ image, mask }, { normalise, baseline_start: first, baseline_end: last }) => {
    if (image.channels !== 1) throw new UserError(`pixel-series needs a 1-channel stack (got ${image.channels} channels)`);
    if (mask && (mask.planes !== 1 || mask.width !== image.width || mask.height !== image.height)) {
      throw new UserError(`pixel-series: the mask (${mask.width}×${mask.height}, ${mask.planes} planes) must be 2-D and the stack's size (${image.width}×${image.height})`);
    }
    if (normalise === 'dff') {
      if (last >= image.planes) {
        throw new UserError(`pixel-series: param 'baseline_end' (${last}) is past the last plane (${image.planes - 1})`);
      }
      if (first > last) throw new UserError(`pixel-series: param 'baseline_start' (${first}) is after 'baseline_end' (${last})`);
    }
    let rows = image.width * image.height;
    if (mask) rows = mask.data.reduce((sum, v) => sum + (v ? 1 : 0), 0);
    if (rows * image.planes > MAX_SERIES_CELLS) {
      throw new UserError(`pixel-series: ${rows} pixels × ${image.planes} planes is more than ${MAX_SERIES_CELLS} cells; connect a mask or bin the stack first`);
    }
    const s = pixelSeriesKernel(image, mask, normalise, [first, last]);
    const columns: ColumnInput[] = [
      { name: 'x', values: s.x, unit: 'px' },
      { name: 'y', values: s.y, unit: 'px' },
      ...s.values.map((values, p) => ({ name: `plane_${p}`, values })),
    ];
    return { table: createTable(columns, copyMeta(image.meta)) };
  },
});
