import { z } from 'zod';
import { requireSameSize, UserError } from '../../src/core/errors';
import { copyMeta, createLabels } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { findMaxima as findMaximaKernel } from '../../src/imaging/find-maxima';

const PROMINENCE = { method: ['prominence'] };
const DISTANCE = { method: ['distance'] };

export const findMaxima = defineNode({
  type: 'find-maxima',
  version: 1,
  category: 'Segment',
  label: 'Find maxima',
  aliases: ['Find Maxima', 'FindMaxima', 'peak_local_max', 'h_maxima', 'Spot counting'],
  description: [
    'Finds the bright spots of an image as points: each maximum becomes an object of one pixel, so the count ' +
      'of spots, foci or cells comes without segmenting them (Fiji\'s Process › Find Maxima with output "Single ' +
      'Points"). To count spots per nucleus, relate these objects (children) to the nuclei (parents); to see ' +
      'them larger, expand-labels; to measure them, measure-objects.',
    '- prominence (Fiji\'s Prominence): a maximum counts when it stands at least Prominence above the highest ' +
      'pass leading to a higher maximum, so noise bumps on a spot do not count twice. The tops are those of ' +
      'skimage.morphology.h_maxima(image, Prominence) (8-connected; float32 images with h_maxima\'s float32 ' +
      'rounding allowance), and a top of several equal pixels counts once, at its pixel nearest the top\'s ' +
      'centroid (ties: the first in reading order). Fiji keeps a maximum that stands out by more than the ' +
      'prominence; here exactly the prominence is enough (as h_maxima).',
    '- distance: skimage.feature.peak_local_max(image, min_distance=Min distance): a pixel equal to the maximum ' +
      'of the (2·Min distance + 1)-pixel square around it (outside the image counts as 0), the maxima taken from ' +
      'the highest down and one dropped when it lies closer than Min distance (in x or y) to one already kept. ' +
      'For spots of a known size; a flat region has no maximum.',
    'Threshold (optional) keeps only maxima brighter than it (strictly), as peak_local_max\'s threshold_abs; ' +
      'Border drops maxima within that many pixels of the image edge (skimage\'s exclude_border as a number; ' +
      '0 keeps them all). Objects "dark" finds the minima instead (Fiji\'s Light background): the maxima of the ' +
      'negated image, Threshold then keeping those darker than it.',
    'Region (optional; a mask or objects of the image\'s size): only the maxima on its pixels are kept (CellProfiler ' +
      'FindMaxima\'s mask). The maxima are found on the whole image first, so a spot\'s prominence does not change ' +
      'where the region ends.',
    'Points are numbered from the highest maximum down (ties in reading order; with distance, in ' +
      'peak_local_max\'s order). A stack is searched plane by plane, numbering continuing from one plane to the ' +
      'next. The image must have one channel. Values are the image\'s own (no smoothing: blur first for noisy ' +
      'images, or use difference-of-gaussians to pick spots of one size).',
  ].join('\n'),
  inputs: {
    image: port.image(),
    region: port.raster({ label: 'Region', optional: true, description: 'Optional mask or objects: keep only the maxima inside it (e.g. spots within cells).' }),
  },
  outputs: { labels: port.labels({ label: 'Maxima' }) },
  params: z.object({
    method: z
      .enum(['prominence', 'distance'])
      .default('prominence')
      .meta({
        label: 'Method',
        description: 'prominence: maxima that stand out by Prominence (Fiji Find Maxima). distance: maxima at least Min distance apart (skimage peak_local_max).',
      }),
    prominence: z
      .number()
      .positive()
      .max(1e12)
      .default(10)
      .meta({ label: 'Prominence', description: 'How far (in the image\'s values) a maximum must stand above the pass to any higher one.', shownWhen: PROMINENCE }),
    min_distance: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(3)
      .meta({ label: 'Min distance', unit: 'px', description: 'The least distance (in x or y) between two maxima.', shownWhen: DISTANCE }),
    threshold: z
      .number()
      .optional()
      .meta({ label: 'Threshold', description: 'Keep only maxima above this value (below it for dark objects); empty = all.' }),
    border: z
      .number()
      .int()
      .min(0)
      .max(10000)
      .default(0)
      .meta({ label: 'Border', unit: 'px', description: 'Drop maxima within this many pixels of the image edge; 0 keeps all.' }),
    objects: z
      .enum(['bright', 'dark'])
      .default('bright')
      .meta({ label: 'Objects', description: 'bright: spots brighter than around them (fluorescence). dark: darker spots (brightfield, Fiji\'s Light background).' }),
  }),
  run: ({ image, region }, { method, prominence, min_distance, threshold, border, objects }) => {
    if (image.channels !== 1) {
      throw new UserError(`find-maxima needs a single-channel image, got ${image.channels} channels: convert to gray or pick one channel first`);
    }
    if (region) requireSameSize('find-maxima', ['the image', image], ['the region', region]);
    const { width, height, planes } = image;
    const n = width * height;
    const out = new Uint32Array(n * planes);
    const options = { method, prominence, minDistance: min_distance, threshold, border, objects, precision: image.dtype === 'float32' ? ('float32' as const) : ('float64' as const) };
    let next = 1;
    for (let p = 0; p < planes; p++) {
      for (const i of findMaximaKernel(image.data.subarray(p * n, (p + 1) * n), width, height, options)) {
        if (!region || region.data[p * n + i] !== 0) out[p * n + i] = next++;
      }
    }
    return { labels: createLabels({ width, height, planes }, out, next - 1, copyMeta(image.meta)) };
  },
});
