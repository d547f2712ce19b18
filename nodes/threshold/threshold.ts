import { z } from 'zod';
import { requireSameSize, UserError } from '../../src/core/errors';
import { copyMeta, createMask } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { AUTO_THRESHOLD_METHODS, applyThreshold, autoThreshold, type AutoThresholdMethod } from '../../src/imaging/threshold';
import { IMAGEJ_METHODS, thresholdImageJ, type ImageJMethod } from '../../src/imaging/threshold/imagej';
import { thresholdMinimum } from '../../src/imaging/threshold/minimum';
import type { PixelArray } from '../../src/core/image';

const METHODS = ['manual', ...AUTO_THRESHOLD_METHODS, 'minimum', ...IMAGEJ_METHODS] as const;
type Method = Exclude<(typeof METHODS)[number], 'manual'>;
/** The editor shows the params of an automatic threshold only with an automatic method. */
const AUTOMATIC = { method: METHODS.filter((m) => m !== 'manual') };

/** Any automatic method: skimage's, skimage's minimum, or one of Fiji's. */
export function computeThreshold(method: Method, values: PixelArray): number {
  if (method === 'minimum') return thresholdMinimum(values);
  if ((IMAGEJ_METHODS as readonly string[]).includes(method)) return thresholdImageJ(method as ImageJMethod, values);
  return autoThreshold(method as AutoThresholdMethod, values);
}

/** The values of the pixels where `region` is not 0, as an array of the image's own type. */
function regionValues(values: PixelArray, region: ArrayLike<number>): PixelArray {
  let n = 0;
  for (let i = 0; i < region.length; i++) if (region[i] !== 0) n++;
  const out = new (values.constructor as new (length: number) => PixelArray)(n);
  for (let i = 0, k = 0; i < region.length; i++) if (region[i] !== 0) out[k++] = values[i];
  return out;
}

/** CellProfiler's order: multiply by the correction factor, then clip to the bounds. */
export function correctThreshold(t: number, correction: number, lower?: number, upper?: number): number {
  let out = t * correction;
  if (lower !== undefined && out < lower) out = lower;
  if (upper !== undefined && out > upper) out = upper;
  return out;
}

export const threshold = defineNode({
  type: 'threshold',
  version: 1,
  category: 'Threshold',
  label: 'Threshold',
  aliases: ['Threshold', 'IdentifyPrimaryObjects', 'Auto Threshold', 'Convert to Mask'],
  description: [
    'Turns a grey image into a mask of objects. With objects "bright", foreground is every pixel with ' +
      'value > threshold; with "dark", every pixel with value <= threshold. The threshold is also output ' +
      'as a number, in the image\'s intensity units.',
    'Methods (scikit-image 0.19 skimage.filters.threshold_*, default parameters, same values):',
    '- otsu: maximises the between-class variance of the histogram (Otsu 1979).',
    '- li: minimum cross-entropy, iterated from the image mean (Li & Tam 1998).',
    '- triangle: the point farthest from the line from the histogram peak to the end of its longer tail (Zack 1977).',
    '- yen: maximum entropic correlation (Yen 1995).',
    '- isodata: the lowest t midway between the means below and above it (Ridler & Calvard 1978).',
    '- mean: the mean intensity.',
    '- minimum: the lowest point between the two peaks of the histogram smoothed until it has two (threshold_minimum).',
    'Fiji\'s Auto Threshold methods that scikit-image lacks, as ImageJ\'s AutoThresholder defines them, on ImageJ\'s ' +
      '256-bin histogram (uint8: one bin per value 0–255; other types: 256 equal bins from min to max, the threshold ' +
      'being the upper edge of the chosen bin):',
    '- imagej-default: ImageJ\'s "Default" (IJ_IsoData: iterative intermeans ignoring the extreme bins 0 and 255, ' +
      'with a dominant peak capped at 1.5 × the next bin);',
    '- huang: minimum fuzzy entropy (Huang & Wang 1995); intermodes: midway between the two peaks of the histogram ' +
      'smoothed until bimodal (Prewitt & Mendelsohn 1966); max-entropy: Kapur, Sahoo & Wong 1985; min-error: ' +
      'Kittler & Illingworth 1986, iterated from the mean; moments: Tsai 1985; percentile: half of the pixels below ' +
      '(Doyle 1962); renyi-entropy: Kapur et al. / Sahoo 1997; shanbhag: Shanbhag 1994.',
    'Fiji\'s Otsu, Li, Triangle, Yen, IsoData and Mean exist here as scikit-image computes them (values can differ ' +
      'from Fiji\'s by a grey level or so).',
    '- manual: the number given in Value.',
    'Histograms: an integer image has one bin per intensity from its minimum to its maximum; a float ' +
      'image has 256 equal bins between its minimum and maximum, and the threshold is a bin centre. ' +
      'A stack (z or time) gets one threshold computed from all its planes together, applied to every plane. ' +
      'The image must have one channel. A constant image gets its own value as threshold (so "bright" finds nothing).',
    'Region (optional, a mask or objects): the threshold is computed from the pixels inside it only (as ' +
      'skimage.filters.threshold_otsu(image[region]); CellProfiler\'s thresholding within a mask), e.g. the tissue ' +
      'of a section so that empty glass does not pull the threshold down, and pixels outside it are never ' +
      'foreground. It must have the image\'s width, height and planes.',
    'As in CellProfiler, an automatic threshold is then multiplied by the Correction factor (above 1 is stricter ' +
      'for bright objects, below 1 more lenient) and clipped to Lower bound..Upper bound when they are set; the ' +
      'output number is the corrected threshold. Neither applies to manual.',
  ].join('\n'),
  inputs: {
    image: port.image(),
    region: port.raster({ label: 'Region', optional: true, description: 'Optional mask or objects: threshold only the pixels inside it.' }),
  },
  outputs: { mask: port.mask(), threshold: port.number({ label: 'Threshold' }) },
  params: z.object({
    method: z
      .enum(METHODS)
      .default('otsu')
      .meta({ label: 'Method', description: 'How the threshold is chosen; manual uses Value.' }),
    objects: z
      .enum(['bright', 'dark'])
      .default('bright')
      .meta({ label: 'Objects', description: 'bright: foreground is value > threshold; dark: value <= threshold.' }),
    value: z
      .number()
      .default(0)
      .meta({ label: 'Value', description: 'The threshold when Method is manual, in the image\'s intensity units.', shownWhen: { method: ['manual'] } }),
    correction: z
      .number()
      .positive()
      .max(100)
      .default(1)
      .meta({ label: 'Correction factor', description: 'Multiplies an automatic threshold (CellProfiler\'s threshold correction factor).', shownWhen: AUTOMATIC }),
    lowerBound: z
      .number()
      .optional()
      .meta({ label: 'Lower bound', description: 'An automatic threshold below this is raised to it; empty = no bound.', shownWhen: AUTOMATIC }),
    upperBound: z
      .number()
      .optional()
      .meta({ label: 'Upper bound', description: 'An automatic threshold above this is lowered to it; empty = no bound.', shownWhen: AUTOMATIC }),
  }),
  run: ({ image, region }, { method, objects, value, correction, lowerBound, upperBound }) => {
    if (image.channels !== 1) {
      throw new UserError(
        `threshold needs a single-channel image, got ${image.channels} channels: convert to gray or pick one channel first`,
      );
    }
    if (lowerBound !== undefined && upperBound !== undefined && lowerBound > upperBound) {
      throw new UserError(`threshold: Lower bound (${lowerBound}) is above Upper bound (${upperBound})`);
    }
    if (region) requireSameSize('threshold', ['the image', image], ['the region', region]);
    const inside = region ? regionValues(image.data, region.data) : image.data;
    if (inside.length === 0 && method !== 'manual') throw new UserError(`threshold (${method}): the region is empty: there are no pixels to compute a threshold from`);
    let auto = 0;
    if (method !== 'manual') {
      try {
        auto = computeThreshold(method, inside);
      } catch (err) {
        if (err instanceof UserError) throw new UserError(`threshold (${method}): ${err.message}`);
        throw err;
      }
    }
    const t = method === 'manual' ? value : correctThreshold(auto, correction, lowerBound, upperBound);
    const { width, height, planes } = image;
    const fg = applyThreshold(image.data, t, objects);
    if (region) for (let i = 0; i < fg.length; i++) if (region.data[i] === 0) fg[i] = 0;
    const mask = createMask({ width, height, planes }, fg, copyMeta(image.meta));
    return { mask, threshold: t };
  },
});
