import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable } from '../../src/core/table';
import { objectNeighbors } from '../../src/imaging/neighbors';
import { objectPixels } from '../../src/imaging/regionprops/object-pixels';

export const measureNeighbors = defineNode({
  type: 'measure-neighbors',
  version: 1,
  category: 'Measure',
  label: 'Measure neighbours',
  description: [
    'How crowded each object is (CellProfiler MeasureObjectNeighbors, "within a specified distance"). ' +
      'One row per label, ascending:',
    '- neighbors (Neighbors_NumberOfNeighbors): how many other objects have a pixel within Distance ' +
      'pixels (Euclidean, between pixel centres, ≤) of one of its pixels; with Distance 1, objects ' +
      'sharing an edge; with 1.5, also a corner.',
    '- percent_touching (Neighbors_PercentTouching): percentage of its edge pixels (pixels with an edge ' +
      'neighbour outside the object or the image) that have another object within Distance.',
    '- first_closest_label, first_closest_distance, second_closest_distance (Neighbors_FirstClosest' +
      'ObjectNumber, _FirstClosestDistance, _SecondClosestDistance): the nearest other objects by ' +
      'distance between centroids, in px (centroids as measure-objects); empty when there is no other object.',
    '2-D labels only.',
  ].join('\n'),
  inputs: { labels: port.labels() },
  outputs: { table: port.table() },
  params: z.object({
    distance: z.number().min(0).max(1000).default(1.5).meta({ label: 'Distance', unit: 'px', description: 'Objects closer than this (pixel to pixel) are neighbours.' }),
  }),
  run: ({ labels }, { distance }) => {
    if (labels.planes !== 1) throw new UserError(`measure-neighbors works on 2-D labels (got ${labels.planes} planes)`);
    const objects = objectPixels(labels.data);
    const n = objectNeighbors(labels.data, labels.width, labels.height, objects, distance);
    return {
      table: createTable(
        [
          { name: 'label', values: Float64Array.from(objects.present) },
          { name: 'neighbors', values: n.count },
          { name: 'percent_touching', values: n.percentTouching, unit: '%' },
          { name: 'first_closest_label', values: n.firstClosestLabel },
          { name: 'first_closest_distance', values: n.firstClosestDistance, unit: 'px' },
          { name: 'second_closest_distance', values: n.secondClosestDistance, unit: 'px' },
        ],
        copyMeta(labels.meta),
      ),
    };
  },
});
