import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, slice2d } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable } from '../../src/core/table';
import { imgAsFloat64 } from '../../src/imaging/dtype-range';
import { imageQuality } from '../../src/imaging/image-quality';

export const measureImageQuality = defineNode({
  type: 'measure-image-quality',
  version: 1,
  category: 'Measure',
  label: 'Measure image quality',
  aliases: ['MeasureImageQuality'],
  description: [
    'Flags blurry or saturated images (CellProfiler MeasureImageQuality). One row per plane (plane, from 0):',
    '- focus_score: variance of the Laplacian of the image (skimage.filters.laplace, 3 × 3: ' +
      '4·centre − the 4 edge neighbours, image edge reflected), on values scaled as img_as_float ' +
      '(8-bit and 16-bit to 0–1, float unchanged). Higher is sharper; compare images of the same kind.',
    '- local_focus_min, local_focus_mean, local_focus_max: the same variance in each full square tile of ' +
      'Tile size pixels (tiles start at the top-left corner; leftover edge pixels are not tiled): a low ' +
      'minimum beside a high maximum means part of the field is out of focus. Empty when the image is ' +
      'smaller than one tile.',
    '- percent_maximal, percent_minimal: percentage of pixels at the image\'s highest (lowest) value ' +
      '(PercentMaximal / PercentMinimal): a large percent_maximal means saturated pixels.',
    'The image must have one channel.',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { table: port.table() },
  params: z.object({
    tile: z.number().int().min(2).max(4096).default(64).meta({ label: 'Tile size', unit: 'px', description: 'Side of the square tiles for the local focus scores.' }),
  }),
  run: ({ image }, { tile }) => {
    if (image.channels !== 1) {
      throw new UserError(`measure-image-quality needs a single-channel image, got ${image.channels} channels: split the channels first`);
    }
    const rows = Array.from({ length: image.planes }, (_, p) =>
      imageQuality(imgAsFloat64(slice2d(image, p), image.dtype), image.width, image.height, tile),
    );
    return {
      table: createTable(
        [
          { name: 'plane', values: rows.map((_, p) => p) },
          { name: 'focus_score', values: rows.map((r) => r.focusScore) },
          { name: 'local_focus_min', values: rows.map((r) => r.localFocusMin) },
          { name: 'local_focus_mean', values: rows.map((r) => r.localFocusMean) },
          { name: 'local_focus_max', values: rows.map((r) => r.localFocusMax) },
          { name: 'percent_maximal', values: rows.map((r) => r.percentMaximal), unit: '%' },
          { name: 'percent_minimal', values: rows.map((r) => r.percentMinimal), unit: '%' },
        ],
        copyMeta(image.meta),
      ),
    };
  },
});
