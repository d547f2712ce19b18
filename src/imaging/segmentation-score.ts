// Scoring a segmentation against a ground truth, from the contingency table of the two label images
// (the pixels of every (segmented label, true label) pair, background 0 included):
// - objects matched one-to-one when their intersection over union reaches a threshold, as StarDist's
//   `matching` and the DSB2018 evaluation; F1 = 2·TP / (P + T);
// - scikit-image 0.19's adapted Rand error and variation of information (skimage.metrics).
import { bestOneToOne } from './assignment';

export interface MatchScore {
  /** Matched pairs. */
  tp: number;
  predicted: number;
  truth: number;
  f1: number;
}

/** The pixel counts of every (segmented label, true label) pair that occurs; labels ascending, 0 included. */
export interface Contingency {
  predictedLabels: number[];
  truthLabels: number[];
  /** Pixels of each label (all pixels, background included). */
  predictedSizes: Float64Array;
  truthSizes: Float64Array;
  /** The cells that are not 0: indices into the label lists, and the pixels in both. */
  cellPredicted: Int32Array;
  cellTruth: Int32Array;
  cellPixels: Float64Array;
  pixels: number;
}

/** Each pixel's label as an index into the labels present, sorted ascending. */
function denseLabels(labels: ArrayLike<number>): { index: Int32Array; values: number[] } {
  const seen = new Map<number, number>();
  const found: number[] = [];
  const index = new Int32Array(labels.length);
  let last = NaN;
  let lastIndex = -1;
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (v !== last) {
      let k = seen.get(v);
      if (k === undefined) {
        k = found.length;
        seen.set(v, k);
        found.push(v);
      }
      last = v;
      lastIndex = k;
    }
    index[i] = lastIndex;
  }
  const order = found.map((_, k) => k).sort((a, b) => found[a] - found[b]);
  const rank = new Int32Array(found.length);
  order.forEach((k, r) => (rank[k] = r));
  for (let i = 0; i < index.length; i++) index[i] = rank[index[i]];
  return { index, values: order.map((k) => found[k]) };
}

export function contingencyTable(predicted: ArrayLike<number>, truth: ArrayLike<number>): Contingency {
  if (predicted.length !== truth.length) throw new Error('contingencyTable: the label images differ in size');
  const p = denseLabels(predicted);
  const t = denseLabels(truth);
  const nP = p.values.length;
  const predictedSizes = new Float64Array(nP);
  const truthSizes = new Float64Array(t.values.length);
  const counts = new Map<number, number>();
  for (let i = 0; i < predicted.length; i++) {
    predictedSizes[p.index[i]]++;
    truthSizes[t.index[i]]++;
    const key = t.index[i] * nP + p.index[i]; // < pixels², exact in a double
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  return {
    predictedLabels: p.values,
    truthLabels: t.values,
    predictedSizes,
    truthSizes,
    cellPredicted: Int32Array.from(keys, (k) => k % nP),
    cellTruth: Int32Array.from(keys, (k) => Math.floor(k / nP)),
    cellPixels: Float64Array.from(keys, (k) => counts.get(k)!),
    pixels: predicted.length,
  };
}

/** Objects (labels other than 0) in a list of labels. */
export const objectCount = (labels: number[]) => labels.length - (labels[0] === 0 ? 1 : 0);

export interface PixelCounts {
  /** Foreground (label > 0) in both; in the segmentation only; in the truth only; in neither. */
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

export function pixelCounts(c: Contingency): PixelCounts {
  const out = { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
  for (let k = 0; k < c.cellPixels.length; k++) {
    const segmented = c.predictedLabels[c.cellPredicted[k]] !== 0;
    const inTruth = c.truthLabels[c.cellTruth[k]] !== 0;
    const key = segmented ? (inTruth ? 'truePositive' : 'falsePositive') : inTruth ? 'falseNegative' : 'trueNegative';
    out[key] += c.cellPixels[k];
  }
  return out;
}

export interface MatchedPair {
  predicted: number;
  truth: number;
  iou: number;
}

interface Edge {
  row: number;
  col: number;
  iou: number;
}

/**
 * The largest set of one-to-one pairs (segmented object, true object) whose IoU reaches `minIoU` (IoU ≥
 * minIoU, as StarDist; IoU > minIoU with `inclusive` false, as DSB2018 and matchObjects), and among sets
 * of that size the one with the largest total IoU. Above 0.5 an object has at most one candidate, so the
 * candidates are the pairs; otherwise each connected group of candidates is solved by the Hungarian method.
 * (StarDist's tie-break also weighs the IoU of the pairs below the threshold that its assignment makes, so
 * in a rare tie between equally many pairs its mean IoU may differ; the number of pairs never does.)
 */
export function matchObjectPairs(c: Contingency, minIoU: number, inclusive = true): MatchedPair[] {
  const nP = c.predictedLabels.length;
  const edges: Edge[] = [];
  for (let k = 0; k < c.cellPixels.length; k++) {
    const p = c.cellPredicted[k];
    const t = c.cellTruth[k];
    if (c.predictedLabels[p] === 0 || c.truthLabels[t] === 0) continue;
    const inter = c.cellPixels[k];
    const iou = inter / (c.predictedSizes[p] + c.truthSizes[t] - inter);
    if (inclusive ? iou >= minIoU : iou > minIoU) edges.push({ row: t, col: p, iou });
  }
  // weight 1 per pair plus IoU / 2n (n candidates): the IoU terms of any pairing sum to at most 1/2, so
  // they only decide between pairings of equally many pairs
  const weighted = edges.map((e) => ({ row: e.row, col: e.col, weight: 1 + e.iou / (2 * edges.length) }));
  const pairs: MatchedPair[] = bestOneToOne(weighted, c.truthLabels.length, nP).map((k) => {
    const e = edges[k];
    return { predicted: c.predictedLabels[e.col], truth: c.truthLabels[e.row], iou: e.iou };
  });
  return pairs.sort((a, b) => a.truth - b.truth);
}

/**
 * Objects matched when their intersection over union exceeds `minIoU` (strictly, as DSB2018), one-to-one;
 * F1 = 2·TP / (P + T), 1 when both images are empty.
 */
export function matchObjects(predicted: ArrayLike<number>, truth: ArrayLike<number>, minIoU = 0.5): MatchScore {
  if (predicted.length !== truth.length) throw new Error('matchObjects: the label images differ in size');
  const c = contingencyTable(predicted, truth);
  const tp = matchObjectPairs(c, minIoU, false).length;
  const p = objectCount(c.predictedLabels);
  const t = objectCount(c.truthLabels);
  return { tp, predicted: p, truth: t, f1: p + t === 0 ? 1 : (2 * tp) / (p + t) };
}

export interface AdaptedRand {
  error: number;
  precision: number;
  recall: number;
}

/**
 * skimage.metrics.adapted_rand_error(truth, predicted) of scikit-image 0.19 (ignore_labels=(0,)): over the
 * pixels of the truth's objects, with n_ij the pixels of true object i and segmented label j (0 included),
 * a_i and b_j their sums, precision = Σ n_ij(n_ij − 1) / Σ a_i(a_i − 1), recall = the same over Σ b_j(b_j − 1),
 * error = 1 − 2PR / (P + R); NaN where a denominator is 0, as numpy. Note that this precision divides by the
 * truth's pairs (it drops with splits) and this recall by the segmentation's (it drops with merges), the
 * reverse of skimage's docstring (scikit-image issue #6485); we keep skimage's numbers and names.
 */
export function adaptedRandError(c: Contingency): AdaptedRand {
  const a = new Float64Array(c.truthLabels.length);
  const b = new Float64Array(c.predictedLabels.length);
  let n = 0;
  let sumN2 = 0;
  for (let k = 0; k < c.cellPixels.length; k++) {
    const t = c.cellTruth[k];
    if (c.truthLabels[t] === 0) continue;
    const x = c.cellPixels[k];
    n += x;
    sumN2 += x * x;
    a[t] += x;
    b[c.cellPredicted[k]] += x;
  }
  const sumSquares = (s: Float64Array) => s.reduce((acc, x) => acc + x * x, 0);
  const pairs = sumN2 - n;
  const precision = pairs / (sumSquares(a) - n);
  const recall = pairs / (sumSquares(b) - n);
  return { error: 1 - (2 * precision * recall) / (precision + recall), precision, recall };
}

/**
 * skimage.metrics.variation_of_information(truth, predicted) of scikit-image 0.19 (ignore_labels=(): the
 * background is one more region in each), in bits: splits = H(predicted | truth), merges = H(truth | predicted).
 */
export function variationOfInformation(c: Contingency): { splits: number; merges: number } {
  let splits = 0;
  let merges = 0;
  for (let k = 0; k < c.cellPixels.length; k++) {
    const x = c.cellPixels[k];
    splits -= (x / c.pixels) * Math.log2(x / c.truthSizes[c.cellTruth[k]]);
    merges -= (x / c.pixels) * Math.log2(x / c.predictedSizes[c.cellPredicted[k]]);
  }
  return { splits: splits + 0, merges: merges + 0 }; // + 0: no −0 for a perfect match
}
