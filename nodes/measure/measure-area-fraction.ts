import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, type Mask } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable } from '../../src/core/table';
import { pixelSizeInMicrons } from '../../src/imaging/image-stats';

export interface AreaCount {
  /** Pixels set in the mask (and inside the region, when there is one). */
  positive: number;
  /** Pixels considered: the whole mask, or the region's pixels. */
  total: number;
}

/** Counts the set pixels of `mask` among all pixels, or among the pixels set in `region`. */
export function countArea(mask: Uint8Array, region?: Uint8Array): AreaCount {
  let positive = 0;
  let total = mask.length;
  if (region) {
    total = 0;
    for (let i = 0; i < mask.length; i++) {
      if (region[i]) {
        total++;
        if (mask[i]) positive++;
      }
    }
  } else {
    for (let i = 0; i < mask.length; i++) if (mask[i]) positive++;
  }
  return { positive, total };
}

function checkSameShape(mask: Mask, region: Mask): void {
  if (region.width !== mask.width || region.height !== mask.height || region.planes !== mask.planes) {
    throw new UserError(
      `measure-area-fraction: the region (${region.width}×${region.height}, ${region.planes} planes) must have the ` +
        `mask's size (${mask.width}×${mask.height}, ${mask.planes} planes)`,
    );
  }
}

export const measureAreaFraction = defineNode({
  type: 'measure-area-fraction',
  version: 1,
  category: 'Measure',
  label: 'Measure area fraction',
  aliases: ['MeasureImageAreaOccupied', '%Area'],
  description: [
    'How much of the image a mask covers, in one table row (e.g. the DAB-positive area of a stained section, ' +
      'ImageJ\'s "%Area", CellProfiler\'s MeasureImageAreaOccupied):',
    '- positive_pixels: pixels set in the mask; total_pixels: all pixels of the image (every plane of a stack ' +
      'counted together), or only the pixels of the Region mask when one is connected (e.g. the tissue, so that ' +
      'empty glass does not count).',
    '- area_fraction = positive_pixels / total_pixels, from 0 to 1 (× 100 for a percentage); empty when the ' +
      'region is empty. Mask pixels outside the region are not counted.',
    '- positive_area, total_area: the same counts × the pixel area, in µm², when the image has a pixel size in ' +
      'a length unit; empty otherwise.',
  ].join('\n'),
  inputs: {
    mask: port.mask({ label: 'Mask', description: 'The pixels to count, e.g. a thresholded stain.' }),
    region: port.mask({
      label: 'Region',
      optional: true,
      description: 'Count only within this mask (same size); when unconnected, the whole image.',
    }),
  },
  outputs: { table: port.table() },
  params: z.object({}),
  run: ({ mask, region }) => {
    if (region) checkSameShape(mask, region);
    const { positive, total } = countArea(mask.data, region?.data);
    const size = pixelSizeInMicrons(mask.meta.pixelSize);
    const pixelArea = size ? size.x * size.y : NaN;
    const table = createTable(
      [
        { name: 'positive_pixels', values: [positive], unit: 'px' },
        { name: 'total_pixels', values: [total], unit: 'px' },
        { name: 'area_fraction', values: [total > 0 ? positive / total : NaN] },
        { name: 'positive_area', values: [positive * pixelArea], unit: 'µm²' },
        { name: 'total_area', values: [total * pixelArea], unit: 'µm²' },
      ],
      copyMeta(mask.meta),
    );
    return { table };
  },
});
