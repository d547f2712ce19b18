import { z } from 'zod';
import { requireSameSize, UserError } from '../../src/core/errors';
import { copyMeta, slice2d, type Image, type Labels } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, stackPlaneTables, type ColumnInput } from '../../src/core/table';
import { cellProfilerPixels, granularity, type GranularityOptions, type GranularitySpectra } from '../../src/imaging/granularity';

const NODE = 'measure-granularity';

export const measureGranularity = defineNode({
  type: NODE,
  version: 1,
  category: 'Measure',
  label: 'Measure granularity',
  aliases: ['MeasureGranularity', 'Granularity', 'Granulometry'],
  description: [
    'The granular spectrum (CellProfiler MeasureGranularity, a standard Cell Painting feature): how much of ' +
      'the image\'s signal goes at each step of openings with a growing structuring element — the size ' +
      'distribution of its bright texture. Columns granularity_1 … granularity_N, in percent.',
    'As CellProfiler 4.2, step for step: the image is taken as CellProfiler loads it (float32; uint8 ÷ 255, ' +
      'uint16 ÷ 65535). 1. Subsampled by Subsample size s (when below 1): ceil(s·H) × ceil(s·W) pixels, pixel ' +
      '(i, j) bilinear at (i/s, j/s) in the input (scipy.ndimage.map_coordinates, order 1), so s = 0.25 keeps ' +
      'every 4th pixel; a point beyond the last row or column is 0 and left out of every mean. 2. Background: ' +
      'subsampled again by Background sample size b, opened (grey erosion then dilation with a flat disk of ' +
      'radius Element size; pixels left out set to 0 first; beyond the image edge ignored), stretched back ' +
      'bilinearly (row i taken at i·(b·s·H − 1)/(s·H − 1): first and last rows aligned when these sizes are whole) and subtracted, ' +
      'negatives set to 0 — a white top-hat. 3. Spectrum: step k erodes the previous step\'s erosion once ' +
      'more with the 3 × 3 cross (so by a diamond of radius k) and rebuilds what survives by greyscale ' +
      'reconstruction (4-connected, under the corrected image): an opening by reconstruction, which removes ' +
      'whole grains, not their edges. granularity_k = 100 × (mean before step k − mean after) / mean of the ' +
      'corrected image; a grain of radius r (in subsampled pixels) goes at step r + 1. As in CellProfiler the ' +
      'first mean is a float32 mean and the others float64, so granularity_1 may read ~10⁻⁵ % when step 1 removes nothing.',
    'Objects (optional labels, the image\'s size): the same steps restricted to each object, in the table ' +
      'objects (one row per label, ascending): every reconstruction is stretched back to full size ' +
      '(bilinear) and averaged over the object\'s pixels. As in CellProfiler, the first step starts from the ' +
      'object\'s mean of the input before background removal, so granularity_1 of an object also counts its ' +
      'background; the objects\' spectra do not add up to the image\'s.',
    'A stack is measured plane by plane (2-D; CellProfiler\'s 3-D mode uses balls), with a `plane` column ' +
      '(0-based). The image must have one channel. Without labels, objects is an empty table.',
  ].join('\n'),
  inputs: {
    image: port.image(),
    labels: port.labels({ label: 'Objects', optional: true, description: 'Optional: also measure each object\'s spectrum.' }),
  },
  outputs: {
    table: port.table({ label: 'Image granularity', description: 'One row per image (per plane for a stack).' }),
    objects: port.table({ label: 'Object granularity', description: 'One row per object (empty without labels).' }),
  },
  params: z.object({
    subsample_size: z.number().positive().max(1).default(0.25).meta({
      label: 'Subsample size',
      description: 'CellProfiler "Subsampling factor for granularity measurements": the image is shrunk by this factor first (1: not at all).',
    }),
    image_sample_size: z.number().positive().max(1).default(0.25).meta({
      label: 'Background sample size',
      description: 'CellProfiler "Subsampling factor for background reduction": the subsampled image is shrunk again by this factor to find its background.',
    }),
    element_size: z.number().int().min(1).max(100).default(10).meta({
      label: 'Element size',
      unit: 'px',
      description: 'CellProfiler "Radius of structuring element": radius of the background opening\'s disk, in pixels of the background image.',
    }),
    granular_spectrum_length: z.number().int().min(1).max(100).default(16).meta({
      label: 'Spectrum length',
      description: 'CellProfiler "Range of the granular spectrum": how many steps (columns).',
    }),
  }),
  run: ({ image, labels }, params) => {
    if (image.channels !== 1) {
      throw new UserError(`${NODE} needs a single-channel image, got ${image.channels} channels: pick one with split-channels`);
    }
    if (labels) requireSameSize(NODE, ['the image', image], ['the objects', labels]);
    const options: GranularityOptions = {
      subsampleSize: params.subsample_size,
      imageSampleSize: params.image_sample_size,
      elementSize: params.element_size,
      spectrumLength: params.granular_spectrum_length,
    };
    const rows = Math.ceil(image.height * Math.min(1, options.subsampleSize));
    const cols = Math.ceil(image.width * Math.min(1, options.subsampleSize));
    if (image.width < 2 || image.height < 2 || rows < 2 || cols < 2) {
      throw new UserError(`${NODE}: the image (${image.width}×${image.height}) subsampled by ${options.subsampleSize} is ${cols}×${rows} px; it must be at least 2×2`);
    }
    const spectra = Array.from({ length: image.planes }, (_, p) => planeSpectra(image, labels, p, options));
    const n = options.spectrumLength;
    const imageColumns = spectra.map((s) => gsColumns(n, (k) => [s.image[k]]));
    const objectColumns = spectra.map((s): ColumnInput[] => {
      const o = s.objects ?? { labels: new Uint32Array(0), spectra: Array.from({ length: n }, () => new Float64Array(0)) };
      return [{ name: 'label', values: Float64Array.from(o.labels) }, ...gsColumns(n, (k) => o.spectra[k])];
    });
    if (image.planes === 1) {
      return { table: createTable(imageColumns[0], copyMeta(image.meta)), objects: createTable(objectColumns[0], copyMeta(image.meta)) };
    }
    return {
      table: stackPlaneTables(imageColumns.map((c) => createTable(c)), copyMeta(image.meta)),
      objects: stackPlaneTables(objectColumns.map((c) => createTable(c)), copyMeta(image.meta)),
    };
  },
});

function planeSpectra(image: Image, labels: Labels | undefined, plane: number, options: GranularityOptions): GranularitySpectra {
  const { width, height } = image;
  const pixels = cellProfilerPixels(slice2d(image, plane, 0), image.dtype);
  const n = width * height;
  return granularity(pixels, width, height, options, labels?.data.subarray(plane * n, (plane + 1) * n));
}

function gsColumns(n: number, values: (k: number) => ArrayLike<number>): ColumnInput[] {
  return Array.from({ length: n }, (_, k) => ({ name: `granularity_${k + 1}`, values: Float64Array.from(values(k)), unit: '%' }));
}
