import { describe, expect, it } from 'vitest';
import { labelsFromRows } from '../../src/core/image';
import { morphologyCases, morphologyLabels } from '../../src/imaging/morphology-reference';
import { countDifferences } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { expandLabels } from './expand-labels';

describe('expand-labels node (skimage.segmentation.expand_labels)', () => {
  it('grows two objects towards each other until they meet', () => {
    const out = runNode(expandLabels, { labels: labelsFromRows([[1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0]]) }, { distance: 2 }).labels;
    expect(Array.from(out.data)).toEqual([1, 1, 1, 0, 2, 2, 2, 2, 2, 0, 0]);
  });

  it.each(morphologyCases('expand_labels'))('$out equals skimage', (c) => {
    const { labels } = runNode(expandLabels, { labels: morphologyLabels(`sources/${c.source}.npy`) }, { distance: c.distance as number });
    expect(countDifferences(labels.data, morphologyLabels(c.out).data)).toBe(0);
  });
});
