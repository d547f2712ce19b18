import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { filterObjectsByArea } from '../../src/imaging/filter-objects';

/** The default upper bound: larger than any object in an image cellgraph can hold in memory. */
export const NO_MAX_AREA = 1e9;

export const filterObjects = defineNode({
  type: 'filter-objects',
  version: 1,
  category: 'Segment',
  label: 'Filter objects by area',
  description:
    'Removes objects that are too small (debris, noise) or too large (clumps, background) and numbers the ' +
    'remaining ones 1, 2, 3, … in their previous order. An object is kept when min_area <= area <= max_area, ' +
    'its area being its number of pixels (in a stack: over all planes). Removed objects become background.',
  inputs: { labels: port.labels() },
  outputs: { labels: port.labels() },
  params: z.object({
    min_area: z
      .number()
      .int()
      .min(0)
      .default(0)
      .meta({ label: 'Minimum area', unit: 'px', description: 'Objects with fewer pixels are removed.' }),
    max_area: z
      .number()
      .int()
      .min(0)
      .default(NO_MAX_AREA)
      .meta({
        label: 'Maximum area',
        unit: 'px',
        description: `Objects with more pixels are removed; the default (${NO_MAX_AREA}) keeps every large object.`,
      }),
  }),
  run: ({ labels }, { min_area, max_area }) => {
    if (min_area > max_area) {
      throw new UserError(`min_area (${min_area}) must not be larger than max_area (${max_area})`);
    }
    return { labels: filterObjectsByArea(labels, min_area, max_area) };
  },
});
