import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/core/image';
import { numberColumn } from '../../src/core/table';
import { loadSpots, readReferenceJson } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { focusScore } from './focus-score';

const ref = readReferenceJson<{ scores: { source: string; sigma: number; scores: number[]; best: number }[] }>('focus', 'manifest.json')
  .scores.find((c) => c.source === 'spots' && c.sigma === 2.5)!;

describe('focus-score node', () => {
  it('gives one row per plane with the numpy scores of the real z-stack', () => {
    const table = (focusScore.run({ image: loadSpots() }, focusScore.params.parse({ sigma: 2.5 }), testContext()) as { table: Table }).table;
    expect(table.rows).toBe(17);
    expect(Array.from(numberColumn(table, 'plane'))).toEqual([...Array(17).keys()]);
    const scores = numberColumn(table, 'focus_score');
    ref.scores.forEach((s, p) => expect(Math.abs(scores[p] - s) / s).toBeLessThan(1e-12));
    const relative = numberColumn(table, 'focus_score_relative');
    expect(relative[ref.best]).toBe(1);
    expect(Math.max(...relative)).toBe(1);
    expect(table.meta.source).toBe('xyz_16bit__spots.ome.tif');
  });
});
