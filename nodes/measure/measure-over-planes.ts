import { z } from 'zod';
import { copyMeta } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { createTable } from '../../src/core/table';
import { measureLabelsOverPlanes } from '../../src/imaging/plane-series';

export const measureOverPlanes = defineNode({
  type: 'measure-over-planes',
  version: 1,
  category: 'Measure',
  label: 'Measure over planes',
  aliases: ['Plot Z-axis Profile'],
  description: [
    'Follows objects through a time-lapse or z-series: objects segmented once, on one plane or on a ' +
      'projection (2-D labels), are measured in every plane of the stack. The result is a long table with ' +
      'one row per object and plane, objects in ascending label order and, within each, planes in order ' +
      '(0-based), so each object\'s series is one block of rows, ready to plot or pivot.',
    '',
    '- label, plane: the object and the 0-based plane (time point or z-slice).',
    '- area: the object\'s number of pixels (the same in every plane).',
    '- mean_intensity, min_intensity, max_intensity, integrated_intensity: of that plane over the ' +
      'object\'s pixels; sums in 64-bit float, mean = sum / area (raw sample values, not rescaled).',
    '',
    'Labels with no pixels are left out. The stack must have 1 channel and the labels\' width and height.',
  ].join('\n'),
  inputs: {
    labels: port.labels({ label: 'Objects (2-D)' }),
    image: port.image({ label: 'Stack' }),
  },
  outputs: { table: port.table() },
  params: z.object({}),
  run: ({ labels, image }) => {
    if (labels.planes !== 1) {
      throw new UserError(`measure-over-planes needs 2-D labels (got ${labels.planes} planes): segment one plane or a projection`);
    }
    if (image.channels !== 1 || image.width !== labels.width || image.height !== labels.height) {
      throw new UserError(
        `measure-over-planes: the stack (${image.width}×${image.height}, ${image.channels} channels) must have 1 channel ` +
          `and the labels' size (${labels.width}×${labels.height})`,
      );
    }
    const s = measureLabelsOverPlanes(labels, image);
    const table = createTable(
      [
        { name: 'label', values: s.label },
        { name: 'plane', values: s.plane },
        { name: 'area', values: s.area, unit: 'px²' },
        { name: 'mean_intensity', values: s.mean },
        { name: 'min_intensity', values: s.min },
        { name: 'max_intensity', values: s.max },
        { name: 'integrated_intensity', values: s.sum },
      ],
      copyMeta(image.meta),
    );
    return { table };
  },
});
