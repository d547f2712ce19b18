import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { convertType as convertPixelType } from '../../src/imaging/convert-type';

export const convertType = defineNode({
  type: 'convert-type',
  version: 1,
  category: 'Preprocess',
  label: 'Convert type',
  aliases: ['Image > Type', '8-bit', '16-bit', '32-bit'],
  description: [
    'Changes the pixel type to uint8, uint16 or 32-bit float, by Mode:',
    '- clip: values kept, rounded half to even (numpy.rint) and clipped to the new type\'s range (300 → 255 in uint8).',
    '- rescale: the image\'s own min..max (per channel, over all planes) stretched onto the new type\'s full range ' +
      '(0–1 for float), as skimage.exposure.rescale_intensity(image, out_range=type).',
    '- scale: skimage\'s img_as_ubyte / img_as_uint / img_as_float32: a full integer range maps onto a full range ' +
      '(uint16 → uint8 keeps the high byte, i.e. ÷ 256 rounded down; uint8 → uint16 × 257; integer → float ÷ the type\'s ' +
      'maximum), float images must lie in 0–1 (−1–1) and are multiplied by the maximum and rounded.',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    to: z.enum(['uint8', 'uint16', 'float32']).default('float32').meta({ label: 'To', description: 'The new pixel type.' }),
    mode: z
      .enum(['clip', 'rescale', 'scale'])
      .default('clip')
      .meta({ label: 'Mode', description: 'Keep values (clip), stretch min..max (rescale), or skimage\'s img_as_* (scale).' }),
  }),
  run: ({ image }, { to, mode }) => ({ image: convertPixelType(image, to, mode) }),
});
