import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, createLabels, type Image, type Labels, type Mask } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { imgAsFloat64 } from '../../src/imaging/dtype-range';
import { expandLabels } from '../../src/imaging/expand-labels';
import { propagateLabels } from '../../src/imaging/propagate';
import { sobelMagnitude } from '../../src/imaging/sobel';
import { watershed } from '../../src/imaging/watershed';

export type SecondaryMethod = 'propagation' | 'watershed-gradient' | 'watershed-image' | 'distance';

/** Cells grown from `seeds` (2-D) over `values` (img_as_float), within `allowed` (mask ∪ seeds). */
export function growCells(
  seeds: Uint32Array, values: Float64Array, allowed: Uint8Array | undefined, width: number, height: number,
  method: SecondaryMethod, lambda: number, distance: number,
): Uint32Array {
  // the seeds always belong to their cells, even where the mask is off (as CellProfiler)
  let mask: Uint8Array | undefined;
  if (allowed) {
    mask = new Uint8Array(allowed.length);
    for (let i = 0; i < mask.length; i++) mask[i] = allowed[i] || seeds[i] ? 1 : 0;
  }
  switch (method) {
    case 'propagation':
      return propagateLabels(seeds, values, mask, width, height, lambda);
    case 'watershed-gradient':
      return watershed(sobelMagnitude(values, width, height), seeds, width, height, { mask, connectivity: 2 });
    case 'watershed-image': {
      const negated = new Float64Array(values.length);
      for (let i = 0; i < negated.length; i++) negated[i] = -values[i];
      return watershed(negated, seeds, width, height, { mask, connectivity: 2 });
    }
    case 'distance': {
      const grown = expandLabels(seeds, width, height, distance);
      if (mask) for (let i = 0; i < grown.length; i++) if (!mask[i]) grown[i] = 0;
      return grown;
    }
  }
}

function sameSize(a: Labels, b: Image | Mask): boolean {
  return a.width === b.width && a.height === b.height && a.planes === b.planes;
}

export const secondaryObjects = defineNode({
  type: 'secondary-objects',
  version: 1,
  category: 'Segment',
  label: 'Grow cells from nuclei',
  aliases: ['IdentifySecondaryObjects'],
  description: [
    'Finds the cell around each nucleus (CellProfiler IdentifySecondaryObjects): every nucleus is a seed, ' +
      'grown over the cell image within the cell mask (typically a threshold of the cell channel). Each ' +
      'cell keeps its nucleus\'s label number, so nucleus 7 lies in cell 7; the nuclei always belong to ' +
      'their cells, even where the mask is off; mask pixels that no seed reaches stay background. ' +
      'Without a mask, cells grow over the whole image. Intensities are first scaled as img_as_float ' +
      '(8/16-bit to 0–1). Methods:',
    '- propagation (default, Jones et al. 2005, CellProfiler\'s default): a pixel joins the seed with the ' +
      'cheapest path, a step between 8-neighbours p → q costing √(D² + λ·|p − q|²), D the sum over the ' +
      '3 × 3 windows around p and q of the absolute intensity differences. Small λ (Regularization) ' +
      'follows intensity edges between touching cells; large λ splits by distance. Defined after ' +
      'CellProfiler\'s description; not compared pixel for pixel with it.',
    '- watershed-gradient: marker watershed (skimage.segmentation.watershed, 8-connected) on the Sobel ' +
      'edge magnitude (skimage.filters.sobel) of the cell image: borders settle on the strongest edges.',
    '- watershed-image: marker watershed on the inverted cell image: borders settle in the darkest valleys.',
    '- distance: every mask pixel within Distance pixels (Euclidean) of a nucleus joins the nearest one ' +
      '(skimage.segmentation.expand_labels, then restricted to the mask; no path through the mask is ' +
      'needed; equidistant pixels go to one nucleus as SciPy\'s feature transform decides). Ignores the image.',
    '2-D; a stack is processed plane by plane.',
  ].join('\n'),
  inputs: {
    nuclei: port.labels({ label: 'Nuclei (seeds)' }),
    image: port.image({ label: 'Cell image', description: 'The channel showing the cells (cytoplasm or membrane stain).' }),
    mask: port.mask({ label: 'Cell mask', optional: true, description: 'Where cells may be (e.g. a threshold of the cell image).' }),
  },
  outputs: { cells: port.labels({ label: 'Cells' }) },
  params: z.object({
    method: z
      .enum(['propagation', 'watershed-gradient', 'watershed-image', 'distance'])
      .default('propagation')
      .meta({ label: 'Method', description: 'How the cells are grown from the nuclei.' }),
    regularization: z
      .number()
      .min(0)
      .default(0.05)
      .meta({
        label: 'Regularization (λ)',
        description: 'Propagation only: weight of distance against intensity differences (CellProfiler default 0.05).',
        shownWhen: { method: ['propagation'] },
      }),
    distance: z
      .number()
      .min(0)
      .default(10)
      .meta({ label: 'Distance', unit: 'px', description: 'Method distance only: how far each nucleus grows.', shownWhen: { method: ['distance'] } }),
  }),
  run: ({ nuclei, image, mask }, { method, regularization, distance }) => {
    const maskIn = mask as Mask | undefined;
    if (image.channels !== 1 || !sameSize(nuclei, image)) {
      throw new UserError(
        `secondary-objects: the cell image (${image.width}×${image.height}, ${image.planes} planes, ${image.channels} channels) ` +
          `must have 1 channel and the nuclei's size (${nuclei.width}×${nuclei.height}, ${nuclei.planes} planes): pick one channel first`,
      );
    }
    if (maskIn && !sameSize(nuclei, maskIn)) {
      throw new UserError(`secondary-objects: the cell mask (${maskIn.width}×${maskIn.height}) must have the nuclei's size (${nuclei.width}×${nuclei.height})`);
    }
    const { width, height, planes } = nuclei;
    const n = width * height;
    const out = new Uint32Array(n * planes);
    const values = imgAsFloat64(image.data, image.dtype);
    for (let p = 0; p < planes; p++) {
      const cells = growCells(
        nuclei.data.subarray(p * n, (p + 1) * n), values.subarray(p * n, (p + 1) * n),
        maskIn?.data.subarray(p * n, (p + 1) * n), width, height, method, regularization, distance,
      );
      out.set(cells, p * n);
    }
    return { cells: createLabels({ width, height, planes }, out, nuclei.count, copyMeta(nuclei.meta)) };
  },
});
