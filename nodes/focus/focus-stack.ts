import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { focusStack as focusStackKernel } from '../../src/imaging/focus-stack';
import { FOCUS_MEASURE_TEXT, focusSigma } from './focus-params';

export const focusStack = defineNode({
  type: 'focus-stack',
  version: 1,
  category: 'Stack',
  label: 'Focus stack (extended depth of field)',
  aliases: ['Extended Depth of Field', 'Stack Focuser'],
  description:
    'Makes one image in which everything is sharp from a z-stack, taking each pixel from the plane where ' +
    'it is most in focus. ' + FOCUS_MEASURE_TEXT + ' At each pixel the plane with the highest focus measure ' +
    'is chosen (the first one on ties); this choice is then smoothed with a Gaussian of `smoothing` px ' +
    "(mode 'nearest'), giving a fractional plane number that changes gradually, so the composite has no " +
    'seams where the choice jumps between planes. The composite interpolates linearly between the two ' +
    'planes around that number. Outputs: the composite (32-bit float, in the input\'s intensity units, every channel) and ' +
    'the index map: the 0-based plane each pixel was taken from (32-bit float; fractional where smoothed, ' +
    'whole numbers with smoothing 0; multiply by the plane spacing for a height map).',
  inputs: { image: port.image({ label: 'Z-stack' }) },
  outputs: {
    composite: port.image({ label: 'Composite' }),
    index: port.image({ label: 'Index map', description: '0-based plane number of each composite pixel.' }),
  },
  params: z.object({
    sigma: focusSigma(),
    smoothing: z
      .number()
      .min(0)
      .max(100)
      .default(4)
      .meta({
        label: 'Smoothing',
        unit: 'px',
        description: 'Sigma of the Gaussian that smooths the choice of plane; 0 takes each pixel from its sharpest plane as is.',
      }),
  }),
  run: ({ image }, { sigma, smoothing }) => {
    const { composite, depth } = focusStackKernel(image, sigma, smoothing);
    return { composite, index: depth };
  },
});
