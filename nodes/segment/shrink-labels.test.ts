import { describe, expect, it } from 'vitest';
import { labelsFromRows } from '../../src/core/image';
import { morphologyCases, morphologyLabels } from '../../src/imaging/morphology-reference';
import { countDifferences } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { shrinkLabels } from './shrink-labels';

describe('shrink-labels node', () => {
  it('moves the outline between two touching objects inward on both sides; the image edge is not outside', () => {
    const out = runNode(shrinkLabels, { labels: labelsFromRows([[1, 1, 1, 2, 2, 2, 0]]) }, { distance: 1 }).labels;
    expect(Array.from(out.data)).toEqual([1, 1, 0, 0, 2, 0, 0]);
  });

  it.each(morphologyCases('shrink_labels'))('$out equals the per-label scipy distance transform', (c) => {
    const { labels } = runNode(shrinkLabels, { labels: morphologyLabels(`sources/${c.source}.npy`) }, { distance: c.distance as number });
    expect(countDifferences(labels.data, morphologyLabels(c.out).data)).toBe(0);
  });
});
