import { z } from 'zod';
import { copyMeta } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable } from '../../src/core/table';
import { bestPlane, focusScores } from '../../src/imaging/focus-score';
import { FOCUS_MEASURE_TEXT, focusSigma } from './focus-params';

export const focusScore = defineNode({
  type: 'focus-score',
  version: 1,
  category: 'Stack',
  label: 'Focus score per plane',
  aliases: ['MeasureImageQuality (focus)'],
  description:
    'Scores how sharp each plane of a stack is: one row per plane with its 0-based number (plane), the ' +
    'mean of the focus measure over the plane (focus_score, in intensity units; higher is sharper) and ' +
    'that score divided by the best plane\'s (focus_score_relative, 1 for the sharpest plane). ' +
    FOCUS_MEASURE_TEXT,
  inputs: { image: port.image() },
  outputs: { table: port.table() },
  params: z.object({ sigma: focusSigma() }),
  run: ({ image }, { sigma }) => {
    const scores = focusScores(image, sigma);
    const best = scores[bestPlane(scores)];
    const table = createTable(
      [
        { name: 'plane', values: Float64Array.from(scores, (_, p) => p) },
        { name: 'focus_score', values: scores },
        { name: 'focus_score_relative', values: Float64Array.from(scores, (s) => (best > 0 ? s / best : NaN)) },
      ],
      copyMeta(image.meta),
    );
    return { table };
  },
});
