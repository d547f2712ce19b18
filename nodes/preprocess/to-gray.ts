import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { GRAY_WEIGHTS, toGray as weightedGray } from '../../src/imaging/to-gray';

const weight = (label: string, value: number) =>
  z.number().min(-10).max(10).default(value).meta({ label, description: `Weight of the ${label.toLowerCase()} channel (1st, 2nd, 3rd).` });

export const toGray = defineNode({
  type: 'to-gray',
  version: 1,
  category: 'Preprocess',
  label: 'To gray',
  aliases: ['ColorToGray (combine)', 'RGB to 8-bit'],
  description:
    'Turns an RGB (3-channel) or RGBA image into one grey channel: Red weight × R + Green weight × G + Blue weight × B, ' +
    'computed in 64-bit float and stored as 32-bit float, in the input\'s intensity units (uint8 gives 0–255: no ' +
    'rescaling to 0–1, unlike skimage.color.rgb2gray, which otherwise gives the same values ÷ 255). Default weights are ' +
    'skimage\'s (ITU-R BT.709 luma: 0.2125, 0.7154, 0.0721); 1/3 each averages the channels; 1, 0, 0 picks red. ' +
    'A 4th (alpha) channel is ignored; a grey image passes through unchanged. Every plane is converted.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    red: weight('Red', GRAY_WEIGHTS[0]),
    green: weight('Green', GRAY_WEIGHTS[1]),
    blue: weight('Blue', GRAY_WEIGHTS[2]),
  }),
  run: ({ image }, { red, green, blue }) => ({ image: weightedGray(image, [red, green, blue]) }),
});
