import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { bestPlane, focusScores } from '../../src/imaging/focus-score';
import { selectPlanes } from '../../src/imaging/select-planes';
import { FOCUS_MEASURE_TEXT, focusSigma } from './focus-params';

export const bestFocusPlane = defineNode({
  type: 'best-focus-plane',
  version: 1,
  category: 'Stack',
  label: 'Best focus plane',
  aliases: ['Find focused slices'],
  description:
    'Picks the sharpest plane of a stack: the one with the highest focus score (the mean focus measure ' +
    'over the plane, as Focus score per plane computes it; the first one on ties). ' + FOCUS_MEASURE_TEXT +
    ' Outputs that plane as a 2-D image (every channel; data type and pixel size unchanged) and its 0-based number.',
  inputs: { image: port.image({ label: 'Stack' }) },
  outputs: { image: port.image({ label: 'Best plane' }), plane: port.number({ label: 'Plane number (0-based)' }) },
  params: z.object({ sigma: focusSigma() }),
  run: ({ image }, { sigma }) => {
    const plane = bestPlane(focusScores(image, sigma));
    const best = selectPlanes(image, [plane]);
    if (best.meta.pixelSize) delete best.meta.pixelSize.z;
    return { image: best, plane };
  },
});
