import { z } from 'zod';
import { requireSameSize } from '../../src/core/errors';
import { copyMeta, type ImageMeta, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, stackPlaneTables } from '../../src/core/table';
import { labelsPlane } from '../../src/imaging/planes';
import {
  adaptedRandError,
  contingencyTable,
  matchObjectPairs,
  objectCount,
  pixelCounts,
  variationOfInformation,
} from '../../src/imaging/segmentation-score';

const NODE = 'measure-overlap';

/** a / b, or NaN (an empty cell) when there is nothing to divide by. */
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/** The one-row table of a 2-D segmentation against its 2-D truth. */
export function overlapTable(segmentation: ArrayLike<number>, truth: ArrayLike<number>, minIoU: number, meta?: ImageMeta): Table {
  const c = contingencyTable(segmentation, truth);
  const { truePositive: tp, falsePositive: fp, falseNegative: fn, trueNegative: tn } = pixelCounts(c);
  const pairs = matchObjectPairs(c, minIoU);
  const matched = pairs.length;
  const objects = objectCount(c.predictedLabels);
  const trueObjects = objectCount(c.truthLabels);
  const rand = adaptedRandError(c);
  const vi = variationOfInformation(c);
  const columns: [string, number, string?][] = [
    ['objects', objects],
    ['true_objects', trueObjects],
    ['matched_objects', matched],
    ['object_precision', ratio(matched, objects)],
    ['object_recall', ratio(matched, trueObjects)],
    ['object_f1', ratio(2 * matched, objects + trueObjects)],
    ['object_accuracy', ratio(matched, objects + trueObjects - matched)],
    ['mean_matched_iou', ratio(pairs.reduce((s, p) => s + p.iou, 0), matched)],
    ['true_positive_pixels', tp, 'px'],
    ['false_positive_pixels', fp, 'px'],
    ['false_negative_pixels', fn, 'px'],
    ['true_negative_pixels', tn, 'px'],
    ['pixel_precision', ratio(tp, tp + fp)],
    ['pixel_recall', ratio(tp, tp + fn)],
    ['pixel_f1', ratio(2 * tp, 2 * tp + fp + fn)],
    ['pixel_jaccard', ratio(tp, tp + fp + fn)],
    ['adapted_rand_error', rand.error],
    ['adapted_rand_precision', rand.precision],
    ['adapted_rand_recall', rand.recall],
    ['vi_splits', vi.splits, 'bits'],
    ['vi_merges', vi.merges, 'bits'],
  ];
  return createTable(
    columns.map(([name, value, unit]) => (unit ? { name, values: [value], unit } : { name, values: [value] })),
    meta,
  );
}

export const measureOverlap = defineNode({
  type: NODE,
  version: 1,
  category: 'Measure',
  label: 'Measure overlap',
  aliases: ['MeasureImageOverlap', 'MeasureObjectOverlap'],
  description: [
    'How well a segmentation agrees with a ground truth (e.g. hand-annotated nuclei), in one table row: ' +
      'CellProfiler\'s MeasureImageOverlap for the pixels, the object matching of the DSB2018 and StarDist ' +
      'benchmarks for the objects, and scikit-image\'s adapted Rand error and variation of information. Both ' +
      'inputs are objects; a mask (e.g. a binary ground truth) goes through Label objects first — the pixel ' +
      'columns do not depend on how it is labelled. Columns, the objects\' first:',
    '- Objects: objects, true_objects (the labels present); a segmented object and a true object may pair when ' +
      'their IoU (pixels in both / pixels in either) is at least the IoU threshold. Each object pairs at most ' +
      'once; matched_objects is the largest possible number of pairs (among equally many, the pairs with the ' +
      'largest total IoU), as StarDist\'s matching(): above 0.5 each object has at most one candidate, below it ' +
      'the pairs are chosen by the Hungarian method. object_precision = matched / objects, object_recall = ' +
      'matched / true_objects, object_f1 = 2·matched / (objects + true_objects), object_accuracy = matched / ' +
      '(objects + true_objects − matched) (StarDist\'s accuracy; the DSB2018 score is its mean over thresholds ' +
      '0.5, 0.55, … 0.95, with IoU strictly above each), mean_matched_iou: the mean IoU of the pairs.',
    '- Pixels, foreground = label > 0 in each image: true_positive_pixels (foreground in both), ' +
      'false_positive_pixels (segmentation only), false_negative_pixels (truth only), true_negative_pixels ' +
      '(neither); pixel_precision = TP / (TP + FP), pixel_recall = TP / (TP + FN) (CellProfiler\'s Precision, ' +
      'Recall = TruePosRate; its FalsePosRate is FP / (FP + TN), FalseNegRate 1 − recall), pixel_f1 = ' +
      '2·TP / (2·TP + FP + FN), the Dice coefficient (CellProfiler\'s F_factor), pixel_jaccard = TP / (TP + FP + ' +
      'FN), the intersection over union (IoU) of the two foregrounds.',
    '- adapted_rand_error, adapted_rand_precision, adapted_rand_recall: skimage.metrics.adapted_rand_error(truth, ' +
      'segmentation) of scikit-image 0.19, over the pixels of the true objects (segmentation background there ' +
      'is one more region): with n_ij the pixels of true object i in segmented region j, a_i, b_j their sums, ' +
      'precision = Σ n_ij(n_ij − 1) / Σ a_i(a_i − 1), recall = Σ n_ij(n_ij − 1) / Σ b_j(b_j − 1), error = ' +
      '1 − 2·P·R / (P + R). As in scikit-image (its issue #6485), this precision drops when true objects are ' +
      'split and this recall when they are merged.',
    '- vi_splits, vi_merges: skimage.metrics.variation_of_information(truth, segmentation), in bits, the ' +
      'background one more region in each: H(segmentation | truth), over-segmentation, and H(truth | ' +
      'segmentation), under-segmentation; 0 when there is none.',
    'Empty cells: a ratio with nothing to count is empty (NaN), as in MeasureObjectOverlap: precision when ' +
      'nothing is segmented, recall when the truth is empty, F1 and Jaccard when both are, mean IoU without ' +
      'pairs. (StarDist reports 0 there, MeasureImageOverlap 1.) Summarize skips them. A stack is scored ' +
      'plane by plane, with a `plane` column (0-based); an object spanning planes counts in each.',
  ].join('\n'),
  inputs: {
    labels: port.labels({ label: 'Segmentation', description: 'The objects to score.' }),
    truth: port.labels({ label: 'Ground truth', description: 'The reference objects, e.g. annotated by hand; same size.' }),
  },
  outputs: { table: port.table() },
  params: z.object({
    iou_threshold: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.5)
      .meta({
        label: 'IoU threshold',
        description: 'Smallest intersection over union of a matched pair (StarDist and DSB2018: 0.5).',
      }),
  }),
  run: ({ labels, truth }, { iou_threshold }) => {
    requireSameSize(NODE, ['the segmentation', labels], ['the ground truth', truth]);
    const meta = copyMeta(labels.meta);
    if (labels.planes === 1) return { table: overlapTable(labels.data, truth.data, iou_threshold, meta) };
    const tables = Array.from({ length: labels.planes }, (_, p) =>
      overlapTable(labelsPlane(labels, p).data, labelsPlane(truth, p).data, iou_threshold),
    );
    return { table: stackPlaneTables(tables, meta) };
  },
});
