import { z } from 'zod';
import { requireSameSize, UserError } from '../../src/core/errors';
import { copyMeta, type ImageMeta, type Image, type Labels, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, stackPlaneTables, type ColumnInput } from '../../src/core/table';
import { imagePlane, labelsPlane } from '../../src/imaging/planes';
import { radialDistribution } from '../../src/imaging/radial-distribution';

export const measureRadialDistribution = defineNode({
  type: 'measure-radial-distribution',
  version: 1,
  category: 'Measure',
  label: 'Measure radial distribution',
  aliases: ['MeasureObjectIntensityDistribution', 'MeasureRadialDistribution'],
  description: [
    'How each object\'s intensity is spread from its centre to its edge, in Rings concentric rings ' +
      '(CellProfiler MeasureObjectIntensityDistribution, centre "these objects"): e.g. a protein at the nuclear ' +
      'rim, or gathered around the nucleus of a cell. One row per label, ascending.',
    'Rings: for each pixel, d_edge = its Euclidean distance to the nearest pixel outside the object (other ' +
      'objects count as outside, beyond the image edge does not, as scipy.ndimage.distance_transform_edt ' +
      'and CellProfiler); the centre is the object\'s pixel farthest from its edge (the first in raster order ' +
      'on a tie); d_centre = the shortest path from the centre through the object, in steps of 1 px (edge ' +
      'neighbours) and √2 px (corner neighbours). Ring = floor(Rings × d_centre / (d_centre + d_edge)): ring ' +
      '1 is innermost, ring Rings outermost.',
    'Columns, for k of N rings: frac_at_d_kofN (FracAtD): the fraction of the object\'s total intensity in ' +
      'ring k; mean_frac_kofN (MeanFrac): that fraction divided by the fraction of the object\'s pixels in ' +
      'ring k (1 everywhere for an evenly bright object, above 1 where it is brighter); radial_cv_kofN ' +
      '(RadialCV): the coefficient of variation (population std / mean) of the ring\'s mean intensity in 8 ' +
      'wedges around the centre (split by up/down, left/right and steep/shallow), 0 when it is the same all ' +
      'round. A ring without pixels (tiny objects) gives empty mean_frac and radial_cv.',
    'The image must have one channel and the labels\' size. A stack is measured plane by plane, with a ' +
      '`plane` column (0-based) after `label`.',
  ].join('\n'),
  inputs: { labels: port.labels({ label: 'Objects' }), image: port.image({ label: 'Intensity image' }) },
  outputs: { table: port.table() },
  params: z.object({
    rings: z.number().int().min(2).max(20).default(4).meta({ label: 'Rings', description: 'How many rings from the centre to the edge.' }),
  }),
  run: ({ labels, image }, { rings }) => {
    if (image.channels !== 1) {
      throw new UserError(`measure-radial-distribution needs a single-channel image, got ${image.channels} channels: pick one with split-channels`);
    }
    requireSameSize('measure-radial-distribution', ['the objects', labels], ['the image', image]);
    if (labels.planes === 1) return { table: ringsTable(labels, image, rings, copyMeta(labels.meta)) };
    const tables = Array.from({ length: labels.planes }, (_, p) => ringsTable(labelsPlane(labels, p), imagePlane(image, p), rings));
    return { table: stackPlaneTables(tables, copyMeta(labels.meta)) };
  },
});

/** The rings of the objects of one 2-D plane. */
function ringsTable(labels: Labels, image: Image, rings: number, meta?: ImageMeta): Table {
  const rows = radialDistribution(labels.data, image.data, labels.width, labels.height, rings);
  const columns: ColumnInput[] = [{ name: 'label', values: rows.map((r) => r.label) }];
  for (const [name, key] of [['frac_at_d', 'fracAtD'], ['mean_frac', 'meanFrac'], ['radial_cv', 'radialCV']] as const) {
    for (let k = 0; k < rings; k++) columns.push({ name: `${name}_${k + 1}of${rings}`, values: rows.map((r) => r[key][k]) });
  }
  return createTable(columns, meta);
}
