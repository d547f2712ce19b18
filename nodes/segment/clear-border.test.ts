import { describe, expect, it } from 'vitest';
import { labelsFromRows } from '../../src/core/image';
import { morphologyCases, morphologyLabels } from '../../src/imaging/morphology-reference';
import { countDifferences } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { clearBorder } from './clear-border';

describe('clear-border node (skimage.segmentation.clear_border)', () => {
  it('removes objects on the edge (or within the buffer) and keeps the other labels (skimage values)', () => {
    const rows = [0, 1, 2, 3, 4, 5, 6].map(() => new Array(8).fill(0));
    rows[0][0] = 1;
    rows[3][3] = 2;
    rows[1][5] = 3;
    const out = runNode(clearBorder, { labels: labelsFromRows(rows) }).labels;
    expect([out.data[0], out.data[3 * 8 + 3], out.data[8 + 5], out.count]).toEqual([0, 2, 3, 3]);
    // buffer 1: the band is the outer 2 rows and columns, so label 3 at row 1 goes too
    const buffered = runNode(clearBorder, { labels: labelsFromRows(rows) }, { buffer: 1 }).labels;
    expect(Array.from(buffered.data).filter((v) => v > 0)).toEqual([2]);
  });

  it.each(morphologyCases('clear_border'))('$out equals skimage', (c) => {
    const { labels } = runNode(clearBorder, { labels: morphologyLabels(`sources/${c.source}.npy`) }, { buffer: c.buffer as number });
    expect(countDifferences(labels.data, morphologyLabels(c.out).data)).toBe(0);
  });
});
