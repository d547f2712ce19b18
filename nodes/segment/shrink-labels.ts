import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { mapLabelPlanes } from '../../src/imaging/planes';
import { shrinkLabels as erodeLabels } from '../../src/imaging/shrink-labels';

export const shrinkLabels = defineNode({
  type: 'shrink-labels',
  version: 1,
  category: 'Segment',
  label: 'Shrink labels',
  aliases: ['ExpandOrShrinkObjects'],
  description:
    'Shrinks every object by Distance pixels: an object pixel is kept when its Euclidean distance to the nearest ' +
    'pixel outside the object (background or another object) is greater than Distance; the image edge does not ' +
    'count as outside, so objects cut by the edge do not shrink from it. Equivalent to, per label L, ' +
    'scipy.ndimage.distance_transform_edt(labels == L) > Distance (with the edge padded as L). Objects thinner than ' +
    '2 × Distance disappear. Labels keep their numbers, so shrunken objects still match the objects they came from ' +
    '(a vanished object leaves its number unused; use Filter objects to renumber). Each plane on its own.',
  inputs: { labels: port.labels() },
  outputs: { labels: port.labels() },
  params: z.object({
    distance: z.number().min(0).max(1000).default(2).meta({ label: 'Distance', unit: 'px', description: 'How far object outlines move inward.' }),
  }),
  run: ({ labels }, { distance }) => ({ labels: mapLabelPlanes(labels, (plane, w, h) => erodeLabels(plane, w, h, distance)) }),
});
