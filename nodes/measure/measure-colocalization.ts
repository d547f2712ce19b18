import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, type Image, type ImageMeta, type Labels, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, stackPlaneTables } from '../../src/core/table';
import { colocalization } from '../../src/imaging/colocalization';
import { imagePlane, labelsPlane } from '../../src/imaging/planes';
import { objectPixels } from '../../src/imaging/regionprops/object-pixels';

function describeImage(i: Image): string {
  return `${i.width}×${i.height}, ${i.planes} plane${i.planes === 1 ? '' : 's'}, ${i.channels} channel${i.channels === 1 ? '' : 's'}`;
}

export const measureColocalization = defineNode({
  type: 'measure-colocalization',
  version: 1,
  category: 'Measure',
  label: 'Measure colocalization',
  aliases: ['MeasureColocalization', 'Coloc 2', 'JACoP'],
  description: [
    'How much two channels overlap (CellProfiler MeasureColocalization), in every object, or over the ' +
      'whole image when no labels are connected (one row, label 0). Columns:',
    '- pearson: Pearson\'s correlation coefficient of the two intensities over the pixels (scipy.stats.' +
      'pearsonr): 1 when one is proportional to the other, 0 unrelated, −1 opposite (Correlation_Correlation). ' +
      'Empty when a channel is constant there.',
    '- manders_m1, manders_m2 (Correlation_Manders): with thresholds t1 = Threshold % of the maximum of ' +
      'channel 1 over the pixels, and t2 likewise, M1 = Σ I1 over pixels above both thresholds / Σ I1 ' +
      'over pixels above t1: the fraction of channel 1 found where channel 2 is; M2 the other way round ' +
      '(CellProfiler\'s formula; empty when nothing is above the threshold).',
    'Both images: 1 channel, the same size (raw values; scaling does not change these numbers). A stack is ' +
      'measured plane by plane, with a `plane` column (0-based) after `label`.',
  ].join('\n'),
  inputs: {
    image: port.image({ label: 'Channel 1' }),
    image2: port.image({ label: 'Channel 2' }),
    labels: port.labels({ label: 'Objects', optional: true, description: 'Without objects, the whole image is measured.' }),
  },
  outputs: { table: port.table() },
  params: z.object({
    threshold_percent: z
      .number()
      .min(0)
      .max(100)
      .default(15)
      .meta({ label: 'Threshold', unit: '%', description: 'Manders thresholds, as a percentage of each channel\'s maximum (CellProfiler default 15).' }),
  }),
  run: ({ image, image2, labels }, { threshold_percent }) => {
    for (const img of [image, image2]) {
      if (img.channels !== 1 || img.planes !== image.planes || img.width !== image.width || img.height !== image.height) {
        throw new UserError(
          `measure-colocalization: both images must be 1-channel images of one size (got ${describeImage(image)} and ${describeImage(image2)})`,
        );
      }
    }
    const objects = labels as Labels | undefined;
    if (objects && (objects.width !== image.width || objects.height !== image.height || objects.planes !== image.planes)) {
      throw new UserError(
        `measure-colocalization: the objects (${objects.width}×${objects.height}, ${objects.planes} planes) must have the images' size (${describeImage(image)})`,
      );
    }
    const meta = copyMeta((objects ?? image).meta);
    const fraction = threshold_percent / 100;
    if (image.planes === 1) return { table: colocalizationTable(image, image2, objects, fraction, meta) };
    const tables = Array.from({ length: image.planes }, (_, p) =>
      colocalizationTable(imagePlane(image, p), imagePlane(image2, p), objects && labelsPlane(objects, p), fraction),
    );
    return { table: stackPlaneTables(tables, meta) };
  },
});

/** One row per object of a 2-D plane (or label 0 for the whole plane without objects). */
function colocalizationTable(image: Image, image2: Image, objects: Labels | undefined, fraction: number, meta?: ImageMeta): Table {
  const n = image.width * image.height;
  const groups = objects
    ? (() => {
        const g = objectPixels(objects.data);
        return Array.from(g.present, (label, k) => ({ label, pixels: g.pixels.subarray(g.start[k], g.start[k + 1]) }));
      })()
    : [{ label: 0, pixels: Int32Array.from({ length: n }, (_, i) => i) }];
  const rows = groups.map((g) => colocalization(image.data, image2.data, g.pixels, fraction));
  return createTable(
    [
      { name: 'label', values: groups.map((g) => g.label) },
      { name: 'pearson', values: rows.map((r) => r.pearson) },
      { name: 'manders_m1', values: rows.map((r) => r.m1) },
      { name: 'manders_m2', values: rows.map((r) => r.m2) },
    ],
    meta,
  );
}

