import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { channelMean, focusMap as focusMapKernel } from '../../src/imaging/focus-measure';
import { FOCUS_MEASURE_TEXT, focusSigma } from './focus-params';

export const focusMap = defineNode({
  type: 'focus-map',
  version: 1,
  category: 'Stack',
  label: 'Focus map',
  description:
    'Shows where an image is in focus. ' + FOCUS_MEASURE_TEXT + ' The map is divided by its largest value ' +
    'over all planes, so it runs from 0 to 1 and the planes of a stack stay comparable; an image with no ' +
    'contrast at all gives 0 everywhere. Output: 32-bit float, one channel, the same planes as the input.',
  inputs: { image: port.image() },
  outputs: { image: port.image({ label: 'Focus map' }) },
  params: z.object({ sigma: focusSigma() }),
  run: ({ image }, { sigma }) => ({ image: focusMapKernel(channelMean(image), sigma) }),
});
