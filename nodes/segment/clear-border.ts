import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { clearBorder as removeBorderObjects } from '../../src/imaging/clear-border';
import { filterObjectsByArea } from '../../src/imaging/filter-objects';
import { mapLabelPlanes } from '../../src/imaging/planes';

export const clearBorder = defineNode({
  type: 'clear-border',
  version: 1,
  category: 'Segment',
  label: 'Clear border objects',
  aliases: ['FilterObjects (border)', 'Exclude on edges'],
  description:
    'Removes the objects that touch the image edge (they are cut, so their size and shape would be wrong), as ' +
    'skimage.segmentation.clear_border: an object is removed when any of its pixels lies within Buffer pixels of the ' +
    'edge (Buffer 0 = on the outermost rows and columns). Objects are pieces of equal label, 8-connected. The ' +
    'remaining objects are numbered 1, 2, 3, … in their previous order (as Filter objects does), so the count is ' +
    'right. Each plane on its own.',
  inputs: { labels: port.labels() },
  outputs: { labels: port.labels() },
  params: z.object({
    buffer: z.number().int().min(0).max(1000).default(0).meta({ label: 'Buffer', unit: 'px', description: 'Width of the band along the edge that counts as touching.' }),
  }),
  run: ({ labels }, { buffer }) => {
    const cleared = mapLabelPlanes(labels, (plane, w, h) => removeBorderObjects(plane, w, h, buffer));
    return { labels: filterObjectsByArea(cleared, 0, Number.MAX_SAFE_INTEGER) };
  },
});
