import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { binBlocks, binnedLength } from '../../src/imaging/bin-blocks';

const factor = (label: string, description: string) =>
  z.number().int().min(1).max(1000).default(2).meta({ label, unit: 'samples', description });

export const bin = defineNode({
  type: 'bin',
  version: 1,
  category: 'Stack',
  label: 'Bin',
  aliases: ['Bin'],
  description:
    'Shrinks an image by averaging blocks: each output pixel is the mean of a block of x × y pixels over ' +
    '`planes` planes, per channel (a block of 1 plane bins each plane on its own). Sums are taken in 64-bit ' +
    'float and the output is 32-bit float, in the input\'s intensity units. When a size is not a multiple ' +
    'of the block, edges "drop" leaves out the partial block at the end (right column, bottom row, last ' +
    'planes), as ImageJ\'s Bin does; "partial" keeps it and averages only the pixels it holds (unlike ' +
    'skimage\'s downscale_local_mean, which pads with zeros). The pixel size and plane spacing are ' +
    'multiplied by the block size.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    x: factor('Block x', 'Block width in pixels.'),
    y: factor('Block y', 'Block height in pixels.'),
    planes: factor('Block planes', 'Planes averaged together (1: each plane binned on its own).').default(1),
    edges: z
      .enum(['drop', 'partial'])
      .default('drop')
      .meta({
        label: 'Partial blocks',
        description: 'drop: leave out incomplete blocks at the end of an axis. partial: average the pixels they hold.',
      }),
  }),
  run: ({ image }, { x, y, planes, edges }) => {
    for (const [name, size, f] of [['x', image.width, x], ['y', image.height, y], ['planes', image.planes, planes]] as const) {
      if (binnedLength(size, f, edges) < 1) {
        throw new UserError(`bin: param '${name}' (${f}) is larger than the image (${size} along ${name}) with edges "drop"`);
      }
    }
    return { image: binBlocks(image, { x, y, planes }, edges) };
  },
});
