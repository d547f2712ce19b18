import { z } from 'zod';
import { copyMeta, type ImageMeta, type Labels, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, stackPlaneTables } from '../../src/core/table';
import { objectNeighbors } from '../../src/imaging/neighbors';
import { labelsPlane } from '../../src/imaging/planes';
import { objectPixels } from '../../src/imaging/regionprops/object-pixels';

export const measureNeighbors = defineNode({
  type: 'measure-neighbors',
  version: 1,
  category: 'Measure',
  label: 'Measure neighbours',
  aliases: ['MeasureObjectNeighbors'],
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
    'A stack is measured plane by plane (neighbours only within a plane), with a `plane` column (0-based) after `label`.',
  ].join('\n'),
  inputs: { labels: port.labels() },
  outputs: { table: port.table() },
  params: z.object({
    distance: z.number().min(0).max(1000).default(1.5).meta({ label: 'Distance', unit: 'px', description: 'Objects closer than this (pixel to pixel) are neighbours.' }),
  }),
  run: ({ labels }, { distance }) => {
    if (labels.planes === 1) return { table: neighborsTable(labels, distance, copyMeta(labels.meta)) };
    const tables = Array.from({ length: labels.planes }, (_, p) => neighborsTable(labelsPlane(labels, p), distance));
    return { table: stackPlaneTables(tables, copyMeta(labels.meta)) };
  },
});

/** Neighbours of the objects of one 2-D plane. */
function neighborsTable(labels: Labels, distance: number, meta?: ImageMeta): Table {
  const objects = objectPixels(labels.data);
  const n = objectNeighbors(labels.data, labels.width, labels.height, objects, distance);
  return createTable(
    [
      { name: 'label', values: Float64Array.from(objects.present) },
      { name: 'neighbors', values: n.count },
      { name: 'percent_touching', values: n.percentTouching, unit: '%' },
      { name: 'first_closest_label', values: n.firstClosestLabel },
      { name: 'first_closest_distance', values: n.firstClosestDistance, unit: 'px' },
      { name: 'second_closest_distance', values: n.secondClosestDistance, unit: 'px' },
    ],
    meta,
  );
}
