import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { createLabels, labelsFromRows, type Labels, type Table } from '../../src/core/image';
import { numberColumn, tableRow } from '../../src/core/table';
import { decodeImageFile } from '../../src/io/decode';
import { testContext } from '../../src/testing/context';
import { readNpy } from '../../src/testing/npy';
import { imagePath, referencePath } from '../../src/testing/paths';
import { measureOverlap } from './measure-overlap';

function measure(labels: Labels, truth: Labels, iou_threshold = 0.5): Table {
  return (measureOverlap.run({ labels, truth }, { iou_threshold }, testContext()) as { table: Table }).table;
}

/** The row as a record (plane `row` of a stack). */
function row(table: Table, r = 0): Record<string, number> {
  return Object.fromEntries(table.columns.map((c) => [c.name, c.values[r] as number]));
}

const COLUMNS = [
  'objects', 'true_objects', 'matched_objects', 'object_precision', 'object_recall', 'object_f1', 'object_accuracy',
  'mean_matched_iou', 'true_positive_pixels', 'false_positive_pixels', 'false_negative_pixels', 'true_negative_pixels',
  'pixel_precision', 'pixel_recall', 'pixel_f1', 'pixel_jaccard', 'adapted_rand_error', 'adapted_rand_precision', 'adapted_rand_recall', 'vi_splits', 'vi_merges',
];

describe('measure-overlap', () => {
  it('a perfect match, whatever the numbers of the objects', () => {
    const t = measure(labelsFromRows([[0, 4, 4], [9, 0, 0]]), labelsFromRows([[0, 1, 1], [2, 0, 0]]));
    expect(t.columns.map((c) => c.name)).toEqual(COLUMNS);
    expect(tableRow(t, 0)).toEqual([2, 2, 2, 1, 1, 1, 1, 1, 3, 0, 0, 3, 1, 1, 1, 1, 0, 1, 1, 0, 0]);
    expect(t.columns.find((c) => c.name === 'true_positive_pixels')).toMatchObject({ unit: 'px' });
    expect(t.columns.find((c) => c.name === 'vi_splits')).toMatchObject({ unit: 'bits' });
  });

  it('one object split in two halves: pixels perfect, one pair at IoU 0.5', () => {
    const r = row(measure(labelsFromRows([[1, 1, 2, 2], [0, 0, 0, 0]]), labelsFromRows([[1, 1, 1, 1], [0, 0, 0, 0]])));
    expect(r).toMatchObject({ pixel_f1: 1, pixel_jaccard: 1, objects: 2, true_objects: 1, matched_objects: 1 });
    expect(r).toMatchObject({ object_precision: 0.5, object_recall: 1, object_f1: 2 / 3, object_accuracy: 0.5, mean_matched_iou: 0.5 });
    // truth's pairs 4·3 = 12, kept together 2·1 + 2·1 = 4: precision 1/3 (skimage's precision drops with splits)
    expect(r).toMatchObject({ adapted_rand_error: 0.5, adapted_rand_precision: 1 / 3, adapted_rand_recall: 1 });
    expect(r).toMatchObject({ vi_splits: 0.5, vi_merges: 0 });
  });

  it('two objects merged into one (with a pixel of background between them)', () => {
    const merged = labelsFromRows([[3, 3, 3, 3, 3]]);
    const truth = labelsFromRows([[1, 1, 0, 2, 2]]);
    const r = row(measure(merged, truth));
    expect(r).toMatchObject({ true_positive_pixels: 4, false_positive_pixels: 1, false_negative_pixels: 0, true_negative_pixels: 0 });
    expect(r).toMatchObject({ pixel_precision: 0.8, pixel_recall: 1, pixel_f1: 8 / 9, pixel_jaccard: 0.8 });
    // IoU 2/5 with each: no pair at 0.5, one at 0.3
    expect(r).toMatchObject({ objects: 1, true_objects: 2, matched_objects: 0, object_precision: 0, object_f1: 0 });
    expect(r.mean_matched_iou).toBeNaN();
    expect(row(measure(merged, truth, 0.3))).toMatchObject({ matched_objects: 1, object_recall: 0.5, mean_matched_iou: 0.4 });
    expect(r).toMatchObject({ adapted_rand_error: 0.5, adapted_rand_precision: 1, adapted_rand_recall: 1 / 3, vi_splits: 0 });
    expect(r.vi_merges).toBeCloseTo(-(2 * 0.4 * Math.log2(0.4) + 0.2 * Math.log2(0.2)), 15);
  });

  it('an object shifted by one pixel: IoU 4/8, matched at 0.5 (IoU ≥ threshold), not at 0.6', () => {
    const shifted = labelsFromRows([[0, 1, 1, 1], [0, 1, 1, 1]]);
    const truth = labelsFromRows([[1, 1, 1, 0], [1, 1, 1, 0]]);
    const r = row(measure(shifted, truth));
    expect(r).toMatchObject({ true_positive_pixels: 4, false_positive_pixels: 2, false_negative_pixels: 2, true_negative_pixels: 0 });
    expect(r).toMatchObject({ pixel_precision: 2 / 3, pixel_recall: 2 / 3, pixel_f1: 2 / 3, pixel_jaccard: 0.5 });
    expect(r).toMatchObject({ matched_objects: 1, object_f1: 1, mean_matched_iou: 0.5 });
    expect(row(measure(shifted, truth, 0.6))).toMatchObject({ matched_objects: 0, object_f1: 0, object_accuracy: 0 });
  });

  it('empty cells where there is nothing to count: an empty segmentation, an empty truth, both', () => {
    const objects = labelsFromRows([[1, 1], [0, 2]]);
    const empty = labelsFromRows([[0, 0], [0, 0]]);
    const noSegmentation = row(measure(empty, objects));
    expect(noSegmentation).toMatchObject({ false_negative_pixels: 3, pixel_recall: 0, pixel_f1: 0, pixel_jaccard: 0 });
    expect(noSegmentation).toMatchObject({ objects: 0, true_objects: 2, matched_objects: 0, object_recall: 0, object_f1: 0 });
    for (const k of ['pixel_precision', 'object_precision', 'mean_matched_iou']) expect(noSegmentation[k], k).toBeNaN();
    const noTruth = row(measure(objects, empty));
    expect(noTruth).toMatchObject({ false_positive_pixels: 3, pixel_precision: 0, object_precision: 0, object_f1: 0 });
    // the adapted Rand error counts only the truth's objects' pixels: none
    for (const k of ['pixel_recall', 'object_recall', 'adapted_rand_error', 'adapted_rand_precision', 'adapted_rand_recall']) {
      expect(noTruth[k], k).toBeNaN();
    }
    const neither = row(measure(empty, empty));
    expect(neither).toMatchObject({ true_negative_pixels: 4, objects: 0, true_objects: 0, vi_splits: 0, vi_merges: 0 });
    for (const k of ['pixel_precision', 'pixel_recall', 'pixel_f1', 'pixel_jaccard', 'object_f1', 'object_accuracy']) expect(neither[k], k).toBeNaN();
  });

  it('scores a stack plane by plane, with a plane column first', () => {
    const stack = (a: number[], b: number[]) => createLabels({ width: 4, height: 1, planes: 2 }, Uint32Array.from([...a, ...b]));
    const t = measure(stack([1, 1, 0, 0], [0, 0, 3, 3]), stack([1, 1, 0, 0], [0, 2, 2, 0]));
    expect(t.columns[0].name).toBe('plane');
    expect(Array.from(numberColumn(t, 'plane'))).toEqual([0, 1]);
    expect(Array.from(numberColumn(t, 'pixel_jaccard'))).toEqual([1, 1 / 3]);
    expect(Array.from(numberColumn(t, 'matched_objects'))).toEqual([1, 0]);
  });

  it('refuses images of different sizes in one line', () => {
    const run = () => measure(labelsFromRows([[1, 0]]), labelsFromRows([[1, 0, 1]]));
    expect(run).toThrow(UserError);
    expect(run).toThrow('measure-overlap: the segmentation (2×1, 1 planes) and the ground truth (3×1, 1 planes) must have the same size');
  });

  // The plain Otsu segmentation (gaussian 1, 8-connected) of DSB2018 256 gets pixel F1 0.861 and, at IoU 0.5,
  // 40 of its 49 objects matched to the 65 nuclei (object F1 0.702); of DSB2018 512, 0.842 and 55 of 88 for
  // 125 (0.516): it merges touching nuclei (adapted Rand recall 0.33 and 0.14).
  describe('as scripts/reference/overlap.py (numpy, scipy linear_sum_assignment, skimage.metrics 0.19)', () => {
    interface Case {
      name: string;
      truth?: string;
      pixels: Record<'true_positive' | 'false_positive' | 'false_negative' | 'true_negative', number>;
      objects: { threshold: number; objects: number; true_objects: number; matched: number; mean_matched_iou: number | null }[];
      adapted_rand: { error: number; precision: number; recall: number };
      vi: { splits: number; merges: number };
    }
    const ref = JSON.parse(readFileSync(referencePath('measure', 'overlap.json'), 'utf8')) as { cases: Case[] };
    const npyLabels = (file: string) => {
      const a = readNpy(referencePath('measure', file));
      return createLabels({ width: a.shape[1], height: a.shape[0] }, Uint32Array.from(a.data as Uint8Array));
    };
    const close = (got: number, want: number, what: string) => expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-12);

    for (const c of ref.cases) {
      it(`${c.name}: pixels, objects at IoU 0.1 … 0.9, adapted Rand error, VI`, () => {
        const segmentation = npyLabels(`overlap_${c.name}_segmentation.npy`);
        const truth = c.truth
          ? (() => {
              const image = decodeImageFile(readFileSync(imagePath(c.truth)), c.truth, { maxPixels: 2 ** 26 });
              return createLabels(image, Uint32Array.from(image.data));
            })()
          : npyLabels(`overlap_${c.name}_truth.npy`);
        for (const o of c.objects) {
          const r = row(measure(segmentation, truth, o.threshold));
          expect(r).toMatchObject({
            true_positive_pixels: c.pixels.true_positive,
            false_positive_pixels: c.pixels.false_positive,
            false_negative_pixels: c.pixels.false_negative,
            true_negative_pixels: c.pixels.true_negative,
            objects: o.objects,
            true_objects: o.true_objects,
            matched_objects: o.matched,
          });
          if (o.mean_matched_iou === null) expect(r.mean_matched_iou).toBeNaN();
          else close(r.mean_matched_iou, o.mean_matched_iou, `${c.name} mean IoU at ${o.threshold}`);
          close(r.adapted_rand_error, c.adapted_rand.error, 'adapted_rand_error');
          close(r.adapted_rand_precision, c.adapted_rand.precision, 'adapted_rand_precision');
          close(r.adapted_rand_recall, c.adapted_rand.recall, 'adapted_rand_recall');
          close(r.vi_splits, c.vi.splits, 'vi_splits');
          close(r.vi_merges, c.vi.merges, 'vi_merges');
        }
      });
    }

  });
});
