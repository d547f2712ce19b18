import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { clearBorder as removeBorderObjects } from '../../src/imaging/clear-border';
import { mapLabelPlanes } from '../../src/imaging/planes';

export const clearBorder = defineNode({
  type: 'clear-border',
  version: 1,
  category: 'Segment',
  label: 'Clear border objects',
  description:
    'Removes the objects that touch the image edge (they are cut, so their size and shape would be wrong), as ' +
    'skimage.segmentation.clear_border: an object is removed when any of its pixels lies within Buffer pixels of the ' +
    'edge (Buffer 0 = on the outermost rows and columns). Objects are pieces of equal label, 8-connected. The other ' +
    'objects keep their label numbers (so they still match related objects); use Filter objects to renumber. Each ' +
    'plane on its own.',
  inputs: { labels: port.labels() },
  outputs: { labels: port.labels() },
  params: z.object({
    buffer: z.number().int().min(0).max(1000).default(0).meta({ label: 'Buffer', unit: 'px', description: 'Width of the band along the edge that counts as touching.' }),
  }),
  run: ({ labels }, { buffer }) => ({ labels: mapLabelPlanes(labels, (plane, w, h) => removeBorderObjects(plane, w, h, buffer)) }),
});
