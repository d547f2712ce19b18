import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { cropImage } from '../../src/imaging/crop';

const pixels = (label: string, description: string, min: number) =>
  z.number().int().min(min).max(1_000_000).meta({ label, unit: 'px', description });

export const crop = defineNode({
  type: 'crop',
  version: 1,
  category: 'Preprocess',
  label: 'Crop',
  aliases: ['Crop'],
  description:
    'Keeps a rectangle of the image: X, Y are its top-left pixel (0-based, x to the right, y down) and Width × ' +
    'Height its size in pixels; every plane and channel is cropped alike and the pixel type and pixel size are kept. ' +
    'The rectangle must lie inside the image.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    x: pixels('X', 'Left column of the rectangle (0 = the first column).', 0).default(0),
    y: pixels('Y', 'Top row of the rectangle (0 = the first row).', 0).default(0),
    width: pixels('Width', 'Width of the rectangle.', 1).default(256),
    height: pixels('Height', 'Height of the rectangle.', 1).default(256),
  }),
  run: ({ image }, rect) => ({ image: cropImage(image, rect) }),
});
