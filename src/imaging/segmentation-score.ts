// Scoring a segmentation against ground truth: objects matched when their intersection over union
// exceeds 0.5 (at most one partner each, since IoU > 0.5 admits only one), and F1 = 2·TP / (P + T),
// the measure of the DSB2018 / StarDist evaluations at threshold 0.5.

export interface MatchScore {
  /** Matched pairs. */
  tp: number;
  predicted: number;
  truth: number;
  f1: number;
}

function areas(labels: ArrayLike<number>): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) if (labels[i]) m.set(labels[i], (m.get(labels[i]) ?? 0) + 1);
  return m;
}

export function matchObjects(predicted: ArrayLike<number>, truth: ArrayLike<number>, minIoU = 0.5): MatchScore {
  if (predicted.length !== truth.length) throw new Error('matchObjects: the label images differ in size');
  const pa = areas(predicted);
  const ta = areas(truth);
  const overlap = new Map<string, number>();
  for (let i = 0; i < predicted.length; i++) {
    if (!predicted[i] || !truth[i]) continue;
    const key = `${predicted[i]}:${truth[i]}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  let tp = 0;
  for (const [key, inter] of overlap) {
    const [p, t] = key.split(':').map(Number);
    if (inter / (pa.get(p)! + ta.get(t)! - inter) > minIoU) tp++;
  }
  const total = pa.size + ta.size;
  return { tp, predicted: pa.size, truth: ta.size, f1: total === 0 ? 1 : (2 * tp) / total };
}
