import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { labelComponents } from '../../src/imaging/label';

export const labelObjects = defineNode({
  type: 'label',
  version: 1,
  category: 'Segment',
  label: 'Label objects',
  aliases: ['IdentifyPrimaryObjects', 'Analyze Particles', 'Connected components'],
  description:
    'Gives each connected group of foreground pixels its own number (1, 2, 3, …; background is 0). ' +
    'With connectivity 8, pixels touching by an edge or a corner belong to the same object; with 4, only ' +
    'pixels sharing an edge do (so two pixels touching diagonally are two objects). Objects are numbered ' +
    'in reading order of their first pixel (top row first, left to right), as skimage.measure.label. ' +
    'In a stack each plane is labelled on its own (objects do not join across z or time) and numbering ' +
    'continues from one plane to the next, so every object has a different number.',
  inputs: { mask: port.mask() },
  outputs: { labels: port.labels() },
  params: z.object({
    connectivity: z
      .union([z.literal(4), z.literal(8)])
      .default(8)
      .meta({ label: 'Connectivity', description: '8: edge and corner neighbours join; 4: edge neighbours only.' }),
  }),
  run: ({ mask }, { connectivity }) => ({ labels: labelComponents(mask, connectivity) }),
});
