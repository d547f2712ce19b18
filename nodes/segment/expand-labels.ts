import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { expandLabels as growLabels } from '../../src/imaging/expand-labels';
import { mapLabelPlanes } from '../../src/imaging/planes';

export const expandLabels = defineNode({
  type: 'expand-labels',
  version: 1,
  category: 'Segment',
  label: 'Expand labels',
  aliases: ['ExpandOrShrinkObjects', 'Voronoi'],
  description:
    'Grows every object outward by Distance pixels without overlapping its neighbours: each background pixel ' +
    'within Distance (Euclidean, ≤) of an object takes the label of the nearest object pixel; where two objects ' +
    'compete the nearer wins (ties as SciPy\'s exact feature transform breaks them). Same result as ' +
    'skimage.segmentation.expand_labels. Useful to approximate cells around nuclei or a ring for measuring near an ' +
    'object. Labels keep their numbers; each plane on its own.',
  inputs: { labels: port.labels() },
  outputs: { labels: port.labels() },
  params: z.object({
    distance: z.number().min(0).max(1000).default(5).meta({ label: 'Distance', unit: 'px', description: 'How far objects grow.' }),
  }),
  run: ({ labels }, { distance }) => ({ labels: mapLabelPlanes(labels, (plane, w, h) => growLabels(plane, w, h, distance)) }),
});
