import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../testing/paths';
import {
  adaptedRandError,
  contingencyTable,
  matchObjectPairs,
  matchObjects,
  pixelCounts,
  variationOfInformation,
  type Contingency,
} from './segmentation-score';

const table = (predicted: number[], truth: number[]) => contingencyTable(predicted, truth);

describe('contingencyTable', () => {
  it('counts the pixels of every (segmented, true) pair, background included, labels ascending', () => {
    const c = table([0, 7, 7, 3, 3, 0], [0, 2, 2, 2, 0, 0]);
    expect(c.predictedLabels).toEqual([0, 3, 7]);
    expect(c.truthLabels).toEqual([0, 2]);
    expect(Array.from(c.predictedSizes)).toEqual([2, 2, 2]);
    expect(Array.from(c.truthSizes)).toEqual([3, 3]);
    const cells = Array.from(c.cellPixels, (n, k) => [c.predictedLabels[c.cellPredicted[k]], c.truthLabels[c.cellTruth[k]], n]);
    expect(cells).toEqual([[0, 0, 2], [3, 0, 1], [3, 2, 1], [7, 2, 2]]);
    expect(pixelCounts(c)).toEqual({ truePositive: 3, falsePositive: 1, falseNegative: 0, trueNegative: 2 });
  });
});

describe('matchObjectPairs', () => {
  it('pairs each object at most once when IoU is exactly 0.5 twice (an object made of two true halves)', () => {
    const c = table([1, 1, 1, 1], [1, 1, 2, 2]);
    const pairs = matchObjectPairs(c, 0.5);
    expect(pairs).toHaveLength(1);
    expect(pairs[0].iou).toBe(0.5);
    expect(matchObjectPairs(c, 0.5, false)).toEqual([]); // strictly above 0.5: none
  });

  it('finds the most pairs below 0.5 where taking the best IoU first would not', () => {
    // truth A = 0..5, B = 6..8; segmented Y = 0..1, X = 2..8: IoU(X, A) = 4/9, IoU(X, B) = 3/7, IoU(Y, A) = 1/3
    const c = table([2, 2, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 2, 2, 2]);
    expect(matchObjectPairs(c, 0.3)).toEqual([
      { predicted: 2, truth: 1, iou: 1 / 3 },
      { predicted: 1, truth: 2, iou: 3 / 7 },
    ]);
    // at 0.35 Y cannot pair: one pair, the one with the larger IoU
    expect(matchObjectPairs(c, 0.35)).toEqual([{ predicted: 1, truth: 1, iou: 4 / 9 }]);
  });

  it('is a maximum matching with the largest total IoU among those, on random small images', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 200; trial++) {
      const n = 12;
      const predicted = Array.from({ length: n }, () => Math.floor(random() * 5));
      const truth = Array.from({ length: n }, () => Math.floor(random() * 5));
      const threshold = [0.05, 0.1, 0.2, 0.3][trial % 4];
      const c = table(predicted, truth);
      const pairs = matchObjectPairs(c, threshold);
      const best = bruteForce(c, threshold);
      expect(pairs.length, `trial ${trial}`).toBe(best.count);
      expect(pairs.reduce((s, p) => s + p.iou, 0)).toBeCloseTo(best.total, 12);
      expect(new Set(pairs.map((p) => p.predicted)).size).toBe(pairs.length);
      expect(new Set(pairs.map((p) => p.truth)).size).toBe(pairs.length);
    }
  });
});

/** Every one-to-one set of candidate pairs, the most pairs and then the largest total IoU. */
function bruteForce(c: Contingency, threshold: number): { count: number; total: number } {
  const edges: { p: number; t: number; iou: number }[] = [];
  c.cellPixels.forEach((inter, k) => {
    const p = c.cellPredicted[k];
    const t = c.cellTruth[k];
    if (c.predictedLabels[p] === 0 || c.truthLabels[t] === 0) return;
    const iou = inter / (c.predictedSizes[p] + c.truthSizes[t] - inter);
    if (iou >= threshold) edges.push({ p, t, iou });
  });
  let best = { count: 0, total: 0 };
  const visit = (i: number, usedP: Set<number>, usedT: Set<number>, count: number, total: number) => {
    if (count > best.count || (count === best.count && total > best.total + 1e-15)) best = { count, total };
    for (let k = i; k < edges.length; k++) {
      const e = edges[k];
      if (usedP.has(e.p) || usedT.has(e.t)) continue;
      visit(k + 1, new Set(usedP).add(e.p), new Set(usedT).add(e.t), count + 1, total + e.iou);
    }
  };
  visit(0, new Set(), new Set(), 0, 0);
  return best;
}

describe('matchObjects', () => {
  it('counts pairs with IoU strictly above 0.5, F1 = 2·TP / (P + T), 1 for two empty images', () => {
    // objects 1 (IoU 3/4 with truth 1), 2 (IoU 1/2 with truth 2: not above), truth 3 missed
    const m = matchObjects([1, 1, 1, 0, 2, 2, 0, 0], [1, 1, 1, 1, 2, 0, 3, 3]);
    expect(m).toEqual({ tp: 1, predicted: 2, truth: 3, f1: 2 / 5 });
    expect(matchObjects([0, 0], [0, 0])).toEqual({ tp: 0, predicted: 0, truth: 0, f1: 1 });
  });

  it('pairs one-to-one below 0.5 (an object over two true objects counts once)', () => {
    // object 1 over truths 1 and 2, IoU 2/5 each
    expect(matchObjects([1, 1, 1, 1, 1], [1, 1, 0, 2, 2], 0.3)).toEqual({ tp: 1, predicted: 1, truth: 2, f1: 2 / 3 });
  });
});

describe('adapted Rand error and variation of information, as skimage.metrics 0.19', () => {
  it('split and merge, by hand', () => {
    // one true object of 4 pixels split in two halves: pairs 2·1 + 2·1 = 4 of the truth's 4·3 = 12
    const split = table([1, 1, 2, 2, 0, 0, 0, 0], [1, 1, 1, 1, 0, 0, 0, 0]);
    expect(adaptedRandError(split)).toEqual({ error: 0.5, precision: 1 / 3, recall: 1 });
    expect(variationOfInformation(split)).toEqual({ splits: 0.5, merges: 0 }); // half the pixels, 1 bit each
    const merge = table([3, 3, 3, 3, 3], [1, 1, 0, 2, 2]);
    expect(adaptedRandError(merge)).toEqual({ error: 0.5, precision: 1, recall: 1 / 3 });
    const h = -(2 * 0.4 * Math.log2(0.4) + 0.2 * Math.log2(0.2));
    expect(variationOfInformation(merge).merges).toBeCloseTo(h, 15);
  });

  it('the tiny cases of scripts/reference/overlap.py (scikit-image issue #6485 among them)', () => {
    const ref = JSON.parse(readFileSync(referencePath('measure', 'overlap.json'), 'utf8')) as {
      tiny: { name: string; truth: number[][]; segmentation: number[][]; adapted_rand: (number | null)[]; vi: number[] }[];
    };
    for (const t of ref.tiny) {
      const c = table(t.segmentation.flat(), t.truth.flat());
      const r = adaptedRandError(c);
      const vi = variationOfInformation(c);
      [r.error, r.precision, r.recall].forEach((v, k) => {
        const want = t.adapted_rand[k];
        if (want === null) expect(v, `${t.name} ${k}`).toBeNaN();
        else expect(Math.abs(v - want), `${t.name} ${k}`).toBeLessThanOrEqual(1e-12);
      });
      expect(Math.abs(vi.splits - t.vi[0]), t.name).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(vi.merges - t.vi[1]), t.name).toBeLessThanOrEqual(1e-12);
    }
  });
});
