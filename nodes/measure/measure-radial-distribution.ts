import { z } from 'zod';
import { requireSameSize, UserError } from '../../src/core/errors';
import { copyMeta, type ImageMeta, type Image, type Labels, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, stackPlaneTables, type ColumnInput } from '../../src/core/table';
import { imagePlane, labelsPlane } from '../../src/imaging/planes';
import { radialDistribution, type RadialCentres } from '../../src/imaging/radial-distribution';

export const measureRadialDistribution = defineNode({
  type: 'measure-radial-distribution',
  version: 1,
  category: 'Measure',
  label: 'Measure radial distribution',
  aliases: ['MeasureObjectIntensityDistribution', 'MeasureRadialDistribution'],
  description: [
    'How each object\'s intensity is spread from its centre to its edge, in Rings concentric rings ' +
      '(CellProfiler MeasureObjectIntensityDistribution): e.g. a protein at the nuclear rim, or in each cell ' +
      'nuclear vs perinuclear vs peripheral, measured from its nucleus. One row per label, ascending.',
    'Rings: for each pixel, d_edge = its Euclidean distance to the nearest pixel outside the object (other ' +
      'objects count as outside, beyond the image edge does not, as scipy.ndimage.distance_transform_edt ' +
      'and CellProfiler); d_centre = the shortest path from the centre through the object, in steps of 1 px ' +
      '(edge neighbours) and √2 px (corner neighbours). Ring = floor(Rings × d_centre / (d_centre + d_edge)): ' +
      'ring 1 is innermost, ring Rings outermost.',
    'The centre. Without Centre objects (CellProfiler "These objects"): the object\'s pixel farthest from its ' +
      'edge (the first in raster order on a tie). With Centre objects, e.g. the nuclei when measuring cells ' +
      '(CellProfiler "Centers of other objects" and "Edges of other objects"), Measure from:',
    '- centre-points: each centre object\'s centroid (the mean row and column of its pixels, rounded half up) ' +
      'is a centre (d_centre 0) of the object that point lies in.',
    '- edges: every pixel of a centre object inside the object is at d_centre 0, so ring 1 starts at the ' +
      'nucleus\'s edge; those pixels are left out of every column (the fractions are of the rest of the object).',
    'Several centre objects in one object: each pixel is measured from the nearest (along its path through the ' +
      'object; the lower label on a tie). Pixels no such path reaches (an object holding no centre, or a piece ' +
      'of it cut off from them) are measured as CellProfiler does: in a straight line from the centroid of the ' +
      'centre object nearest the object\'s own centroid (the lower label on a tie), usually a neighbour\'s ' +
      'nucleus, so they fall in the outer rings; with no centre object in the plane at all they are left out ' +
      'and the row is empty. CellProfiler propagates through all the objects at once, so next to a touching ' +
      'neighbour\'s nucleus its paths may start there; here they start only at the object\'s own centres and ' +
      'never leave it. To set aside cells without a nucleus or with several, count them with relate-objects.',
    'Columns, for k of N rings: frac_at_d_kofN (FracAtD): the fraction of the object\'s total intensity in ' +
      'ring k; mean_frac_kofN (MeanFrac): that fraction divided by the fraction of the object\'s pixels in ' +
      'ring k (1 everywhere for an evenly bright object, above 1 where it is brighter); radial_cv_kofN ' +
      '(RadialCV): the coefficient of variation (population std / mean) of the ring\'s mean intensity in 8 ' +
      'wedges around the centre (with centre objects, the centroid of the one the pixel is measured from; split ' +
      'by up/down, left/right and steep/shallow), 0 when it is the same all round. A ring without pixels (tiny objects) gives empty mean_frac and radial_cv.',
    'The image must have one channel, and the image and the centre objects the labels\' size. A stack is ' +
      'measured plane by plane (centres from the same plane), with a `plane` column (0-based) after `label`.',
  ].join('\n'),
  inputs: {
    labels: port.labels({ label: 'Objects' }),
    image: port.image({ label: 'Intensity image' }),
    centers: port.labels({
      label: 'Centre objects',
      optional: true,
      description: 'Optional, e.g. the nuclei when measuring cells: measure from them instead of each object\'s own centre.',
    }),
  },
  outputs: { table: port.table() },
  params: z.object({
    rings: z.number().int().min(2).max(20).default(4).meta({ label: 'Rings', description: 'How many rings from the centre to the edge.' }),
    from: z
      .enum(['centre-points', 'edges'])
      .default('centre-points')
      .meta({
        label: 'Measure from',
        description: 'With centre objects only: from each one\'s centroid, or from its whole region (whose pixels are then left out).',
      }),
  }),
  run: ({ labels, image, centers }, { rings, from }) => {
    if (image.channels !== 1) {
      throw new UserError(`measure-radial-distribution needs a single-channel image, got ${image.channels} channels: pick one with split-channels`);
    }
    requireSameSize('measure-radial-distribution', ['the objects', labels], ['the image', image]);
    if (centers) requireSameSize('measure-radial-distribution', ['the objects', labels], ['the centre objects', centers]);
    const centresOf = (c: Labels): RadialCentres => ({ labels: c.data, from: from === 'edges' ? 'edges' : 'points' });
    if (labels.planes === 1) return { table: ringsTable(labels, image, rings, centers && centresOf(centers), copyMeta(labels.meta)) };
    const tables = Array.from({ length: labels.planes }, (_, p) =>
      ringsTable(labelsPlane(labels, p), imagePlane(image, p), rings, centers && centresOf(labelsPlane(centers, p))),
    );
    return { table: stackPlaneTables(tables, copyMeta(labels.meta)) };
  },
});

/** The rings of the objects of one 2-D plane. */
function ringsTable(labels: Labels, image: Image, rings: number, centres: RadialCentres | undefined, meta?: ImageMeta): Table {
  const rows = radialDistribution(labels.data, image.data, labels.width, labels.height, rings, centres);
  const columns: ColumnInput[] = [{ name: 'label', values: rows.map((r) => r.label) }];
  for (const [name, key] of [['frac_at_d', 'fracAtD'], ['mean_frac', 'meanFrac'], ['radial_cv', 'radialCV']] as const) {
    for (let k = 0; k < rings; k++) columns.push({ name: `${name}_${k + 1}of${rings}`, values: rows.map((r) => r[key][k]) });
  }
  return createTable(columns, meta);
}
