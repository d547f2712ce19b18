import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, createLabels, slice2d } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { AUTO_MIN_DISTANCE_FRACTION, declump } from '../../src/imaging/declump';
import { gaussian } from '../../src/imaging/gaussian';

export const watershedDeclump = defineNode({
  type: 'watershed-declump',
  version: 1,
  category: 'Segment',
  label: 'Split touching objects (watershed)',
  aliases: ['IdentifyPrimaryObjects (declump)', 'Watershed', 'Find Maxima'],
  description: [
    'Labels the objects of a mask and splits touching ones (e.g. clumped nuclei) by a marker-controlled ' +
      'watershed, as scikit-image\'s declumping recipe: markers from skimage.feature.peak_local_max (or ' +
      'skimage.morphology.h_maxima), then skimage.segmentation.watershed restricted to the mask. The ' +
      'kernels reproduce scikit-image 0.19 pixel for pixel.',
    '- Method "shape" (CellProfiler\'s declump by shape): the surface is the Euclidean distance of each ' +
      'mask pixel to the background (scipy distance_transform_edt; the image edge is not background). ' +
      'Each round object has one maximum at its centre; two touching round objects have two, with a ' +
      'neck between them.',
    '- Method "intensity" (declump by intensity): the surface is the intensity image, Gaussian-smoothed ' +
      'with Smoothing sigma; bright objects separated by darker lines. Needs the intensity input.',
    '- Method "combined": the product of the two, distance × smoothed intensity: highest at the centre ' +
      'of thick, bright parts, so touching nuclei are split both at necks and along darker lines. Needs ' +
      'the intensity input (raw values; their scale does not matter).',
    'Markers: the local maxima of the surface within each connected object of the mask, searched in a ' +
      'square (or disk) of radius min_distance, kept from the highest down and at least min_distance apart ' +
      '(Chebyshev distance); min_distance 0 picks it automatically as a fraction of the typical object ' +
      'radius (the median over the mask\'s objects of their largest distance to the background): ' +
      `${AUTO_MIN_DISTANCE_FRACTION.shape} for shape and intensity, ${AUTO_MIN_DISTANCE_FRACTION.combined} for combined, so the same ` +
      'settings suit small and large nuclei. With h > 0 ' +
      'the markers are instead the h-maxima: plateaus standing at least h above every path to a higher ' +
      'maximum (h in px for shape, intensity units for intensity, their product for combined).',
    'Flooding: each marker grows over the negated surface (from the centre of an object outwards, or ' +
      'from bright to dim); pixels are taken in increasing order, ties by arrival order. Objects never ' +
      'grow outside the mask. A connected piece of the mask that got no marker is kept as one object.',
    'Connectivity 8 (default): objects are the 8-connected components of the mask and the flooding ' +
      'steps to the 8 neighbours; 4: edge neighbours only. Output: labels 1..n, in the order of their ' +
      'markers (raster order of the marker, top row first), then markerless pieces. 2-D; a stack is ' +
      'split plane by plane with numbering continued.',
  ].join('\n'),
  inputs: {
    mask: port.mask(),
    image: port.image({ label: 'Intensity image', optional: true, description: 'Needed by method "intensity".' }),
  },
  outputs: { labels: port.labels() },
  params: z.object({
    method: z
      .enum(['shape', 'intensity', 'combined'])
      .default('shape')
      .meta({ label: 'Method', description: 'shape: split at necks (distance transform); intensity: along dark lines; combined: both (distance × intensity).' }),
    min_distance: z
      .number()
      .int()
      .min(0)
      .max(500)
      .default(0)
      .meta({ label: 'Minimum distance', unit: 'px', description: 'Smallest distance between two object centres; 0 = automatic (a fraction of the typical object radius).' }),
    footprint: z
      .enum(['square', 'disk'])
      .default('square')
      .meta({ label: 'Footprint', description: 'Neighbourhood (radius min_distance) in which a marker must be the maximum.' }),
    h: z
      .number()
      .min(0)
      .default(0)
      .meta({ label: 'h-maxima height', description: '0: spaced local maxima. > 0: markers are maxima at least h high (px for shape, intensity for intensity).' }),
    sigma: z
      .number()
      .min(0)
      .max(100)
      .default(2)
      .meta({
        label: 'Smoothing sigma',
        unit: 'px',
        description: 'Gaussian blur of the intensity image (methods intensity and combined); 0 = none.',
        shownWhen: { method: ['intensity', 'combined'] },
      }),
    connectivity: z
      .union([z.literal(4), z.literal(8)])
      .default(8)
      .meta({ label: 'Connectivity', description: '8: diagonal neighbours join; 4: edge neighbours only.' }),
  }),
  run: ({ mask, image }, params) => {
    const { width, height, planes } = mask;
    let intensity = image;
    if (params.method !== 'shape') {
      if (!image) throw new UserError(`watershed-declump: method "${params.method}" needs an intensity image connected`);
      if (image.channels !== 1 || image.width !== width || image.height !== height || image.planes !== planes) {
        throw new UserError(
          `watershed-declump: the intensity image (${image.width}×${image.height}, ${image.planes} planes, ${image.channels} channels) ` +
            `must have 1 channel and the mask's size (${width}×${height}, ${planes} planes)`,
        );
      }
      if (params.sigma > 0) intensity = gaussian(image, params.sigma);
    }
    const n = width * height;
    const out = new Uint32Array(n * planes);
    let total = 0;
    for (let p = 0; p < planes; p++) {
      const plane = mask.data.subarray(p * n, (p + 1) * n);
      const result = declump(plane, width, height, {
        method: params.method, minDistance: params.min_distance, footprint: params.footprint, h: params.h,
        connectivity: params.connectivity,
      }, params.method !== 'shape' && intensity ? slice2d(intensity, p) : undefined);
      for (let i = 0; i < n; i++) if (result.labels[i]) out[p * n + i] = result.labels[i] + total;
      total += result.count;
    }
    return { labels: createLabels({ width, height, planes }, out, total, copyMeta(mask.meta)) };
  },
});
