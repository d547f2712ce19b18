import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, createLabels } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable } from '../../src/core/table';
import { multiOtsuClasses, thresholdMultiOtsu } from '../../src/imaging/threshold/multi-otsu';

export const multiOtsu = defineNode({
  type: 'multi-otsu',
  version: 1,
  category: 'Threshold',
  label: 'Multi-Otsu threshold',
  aliases: ['Threshold (three classes)', 'Multi Otsu'],
  description: [
    'Splits the intensities into 2 to 5 classes (e.g. background, dim cytoplasm, bright nuclei) with the ' +
      'thresholds that maximise the between-class variance, as skimage.filters.threshold_multiotsu (0.19; 2 classes ' +
      'is Otsu). Same thresholds as skimage: integer images use one histogram bin per value, float images 256 bins ' +
      'between min and max, thresholds are bin centres; integer images spanning more than 256 values (most 16-bit ' +
      'images) are binned into 256 bins like floats, where skimage would try every value (far too slow for 4 or 5 classes).',
    'Output Classes: a label image where each pixel holds its class, 0 (darkest, below the first threshold) to ' +
      'classes − 1; a pixel equal to a threshold goes to the lower class (as the Threshold node\'s value > t). Use ' +
      'Filter or Threshold on it, or measure it. Output Thresholds: a table with one row per threshold, ascending. ' +
      'A stack gets one set of thresholds from all its planes. The image must have one channel. Searching every ' +
      'combination takes about 1 s for 5 classes.',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { classes: port.labels({ label: 'Classes' }), thresholds: port.table({ label: 'Thresholds' }) },
  params: z.object({
    classes: z.number().int().min(2).max(5).default(3).meta({ label: 'Classes', description: 'Number of intensity classes (2–5).' }),
  }),
  run: ({ image }, { classes }) => {
    if (image.channels !== 1) {
      throw new UserError(`multi-otsu needs a single-channel image, got ${image.channels} channels: split or convert to gray first`);
    }
    let thresholds: number[];
    try {
      thresholds = thresholdMultiOtsu(image.data, classes);
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`multi-otsu: ${err.message}`);
      throw err;
    }
    const { width, height, planes } = image;
    const data = multiOtsuClasses(image.data, thresholds);
    return {
      classes: createLabels({ width, height, planes }, data, classes - 1, copyMeta(image.meta)),
      thresholds: createTable(
        [{ name: 'threshold_index', values: thresholds.map((_, i) => i + 1) }, { name: 'threshold', values: thresholds }],
        copyMeta(image.meta),
      ),
    };
  },
});
