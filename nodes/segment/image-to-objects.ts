import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { imageToLabels } from '../../src/imaging/image-to-labels';

export const imageToObjects = defineNode({
  type: 'image-to-objects',
  version: 1,
  category: 'Segment',
  label: 'Image to objects',
  aliases: ['ConvertImageToObjects', 'NamesAndTypes (objects)', 'Label image'],
  description: [
    'Reads a label image made elsewhere as objects: the output of Cellpose, StarDist or ilastik, a hand-drawn ' +
      'ground truth, or objects CellProfiler or cellgraph saved (CellProfiler ConvertImageToObjects). Load it ' +
      'with Load paired image (beside the image it belongs to) or as the image itself, then measure its objects.',
    'Objects from: values (default): each pixel\'s value is its object\'s number, kept as it is (0 is background; ' +
      'numbers may skip, and two separate pieces with one number are one object). regions: every connected region ' +
      'of pixels with the same non-zero value is an object, numbered 1, 2, 3, … in reading order of its first ' +
      'pixel (skimage.measure.label(image, connectivity)). foreground: every connected region of non-zero pixels is ' +
      'one object, so touching objects merge (skimage.measure.label(image > 0, connectivity)); also for a binary ' +
      'mask saved as an image. Connectivity 8 joins pixels touching at a corner, 4 only at an edge.',
    'The image must have one channel and whole numbers from 0 to 4294967295 (any pixel type, also float): any ' +
      'other value is refused with its position. A stack is read plane by plane; regions and foreground number ' +
      'on from one plane to the next (so every object has its own number), values keeps the numbers as they are.',
  ].join('\n'),
  inputs: { image: port.image({ label: 'Label image' }) },
  outputs: { labels: port.labels() },
  params: z.object({
    from: z
      .enum(['values', 'regions', 'foreground'])
      .default('values')
      .meta({ label: 'Objects from', description: 'values: pixel value = object number; regions: connected equal values; foreground: connected non-zero pixels.' }),
    connectivity: z
      .union([z.literal(4), z.literal(8)])
      .default(8)
      .meta({ label: 'Connectivity', description: '8: edge and corner neighbours join; 4: edge neighbours only.', shownWhen: { from: ['regions', 'foreground'] } }),
  }),
  run: ({ image }, { from, connectivity }) => ({ labels: imageToLabels(image, from, connectivity, 'image-to-objects') }),
});
