import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { OUTPUT_NAME } from './export-table';

export const saveImage = defineNode({
  type: 'save-image',
  version: 1,
  category: 'Export',
  label: 'Save image',
  aliases: ['SaveImages', 'Save As'],
  description:
    'Writes an image, mask or label image to a file. Running a batch (`cellgraph run … --out DIR`), each ' +
    'input gives DIR/<name>/<input file name without extension>.<tif|png>. TIFF keeps every value and type ' +
    '(8/16/32-bit integers, float), all planes and channels, and the pixel size, so Fiji and tifffile read ' +
    'back exactly what was saved; masks are written as 8-bit 0/255, labels as 16-bit (32-bit when there are ' +
    '65536 or more objects). PNG holds 8- or 16-bit integer images only (no float, one plane): use it for ' +
    'viewing, TIFF for analysis.',
  inputs: { image: port.raster({ label: 'Image, mask or labels' }) },
  outputs: { image: port.raster() },
  params: z.object({
    name: OUTPUT_NAME.default('images').meta({ label: 'Folder name', description: 'Files go into <out>/<name>/.' }),
    format: z.enum(['tiff', 'png']).default('tiff').meta({ label: 'Format' }),
  }),
  sink: 'image',
  run: ({ image }) => ({ image }),
});
