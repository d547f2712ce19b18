import { z } from 'zod';
import { createMask } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { channelMean, focusMap } from '../../src/imaging/focus-measure';
import { FOCUS_MEASURE_TEXT, focusSigma } from './focus-params';

export const inFocusMask = defineNode({
  type: 'in-focus-mask',
  version: 1,
  category: 'Stack',
  label: 'In-focus mask',
  description:
    'Marks the pixels that are in focus: those where the focus map (as the Focus map node makes it: the ' +
    'focus measure divided by its largest value over all planes) is strictly above the threshold. ' +
    FOCUS_MEASURE_TEXT + ' One mask plane per input plane.',
  inputs: { image: port.image() },
  outputs: { mask: port.mask() },
  params: z.object({
    sigma: focusSigma(),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .meta({ label: 'Threshold', description: 'Focus-map value (0–1, 1 = the sharpest pixel) a pixel must exceed.' }),
  }),
  run: ({ image }, { sigma, threshold }) => {
    const map = focusMap(channelMean(image), sigma);
    const data = new Uint8Array(map.data.length);
    for (let i = 0; i < data.length; i++) data[i] = map.data[i] > threshold ? 1 : 0;
    return { mask: createMask(map, data, map.meta) };
  },
});
