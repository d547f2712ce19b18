import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { subsample as subsampleKernel } from '../../src/imaging/subsample';

const stride = (label: string, description: string) =>
  z.number().int().min(1).max(1000).default(1).meta({ label, unit: 'samples', description });

export const subsample = defineNode({
  type: 'subsample',
  version: 1,
  category: 'Stack',
  label: 'Subsample',
  aliases: ['Reduce'],
  description:
    'Keeps every k-th pixel along x and y and every k-th plane (z-slice or time point), with no ' +
    'averaging: the first column, row and plane are always kept (numpy a[::planes, ::y, ::x]). The output ' +
    'has ceil(size / stride) samples along each axis, the same data type, and a pixel size (and plane ' +
    'spacing) multiplied by the stride. To average instead of skipping, use Bin.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    x: stride('Stride x', 'Keep one column in this many.'),
    y: stride('Stride y', 'Keep one row in this many.'),
    planes: stride('Stride planes', 'Keep one plane in this many.'),
  }),
  run: ({ image }, { x, y, planes }) => ({ image: subsampleKernel(image, { x, y, planes }) }),
});
