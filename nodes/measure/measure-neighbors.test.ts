import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLabels, labelsFromRows, type Labels, type Table } from '../../src/core/image';
import { numberColumn } from '../../src/core/table';
import { loadMeasureFixture } from '../../src/imaging/regionprops/reference-fixtures';
import { testContext } from '../../src/testing/context';
import { referencePath } from '../../src/testing/paths';
import { measureNeighbors } from './measure-neighbors';

const run = (labels: Labels, distance = 1.5) => (measureNeighbors.run({ labels }, { distance }, testContext()) as { table: Table }).table;

describe('measure-neighbors', () => {
  it('counts objects within the distance, edge or corner, and the closest centroids', () => {
    const labels = labelsFromRows([
      [1, 1, 2, 0, 0, 0],
      [1, 1, 0, 3, 0, 4],
    ]);
    const t = run(labels);
    expect(Array.from(numberColumn(t, 'neighbors'))).toEqual([1, 2, 1, 0]); // 1–2 share an edge, 2–3 a corner; 3–4 are 2 px apart
    expect(Array.from(numberColumn(run(labels, 1), 'neighbors'))).toEqual([1, 1, 0, 0]);
    expect(numberColumn(t, 'first_closest_label')[3]).toBe(3);
    expect(numberColumn(t, 'first_closest_distance')[3]).toBe(2);
    // object 1: edge pixels are all four; those within 1.5 of object 2: (0,1) and (1,1)
    expect(numberColumn(t, 'percent_touching')[0]).toBe(50);
    expect(numberColumn(run(labelsFromRows([[1]])), 'first_closest_distance')[0]).toBeNaN();
  });

  it('matches a brute-force scipy reference on dsb2018 (distances 1.5 and 4)', () => {
    const ref = JSON.parse(readFileSync(referencePath('measure', 'neighbors.json'), 'utf8')) as Record<string, number[]>;
    const f = loadMeasureFixture('dsb256');
    const labels = createLabels({ width: f.width, height: f.height }, f.labels);
    for (const d of [1.5, 4]) {
      const t = run(labels, d);
      expect(Array.from(numberColumn(t, 'label'))).toEqual(ref.label);
      expect(Array.from(numberColumn(t, 'neighbors')), `d=${d}`).toEqual(ref[`neighbors_${d}`]);
      numberColumn(t, 'percent_touching').forEach((v, i) => expect(v).toBeCloseTo(ref[`percent_touching_${d}`][i], 10));
      expect(Array.from(numberColumn(t, 'first_closest_label'))).toEqual(ref.first_closest_label);
      numberColumn(t, 'first_closest_distance').forEach((v, i) => expect(v).toBeCloseTo(ref.first_closest_distance[i], 10));
      numberColumn(t, 'second_closest_distance').forEach((v, i) => expect(v).toBeCloseTo(ref.second_closest_distance[i], 10));
    }
  });

  it('measures a stack plane by plane: no neighbours across planes', () => {
    const a = [[1, 1, 2, 0], [0, 0, 0, 0]];
    const b = [[0, 0, 0, 0], [3, 0, 0, 4]];
    const stack = createLabels({ width: 4, height: 2, planes: 2 }, Uint32Array.from([...a.flat(), ...b.flat()]));
    const t = run(stack);
    expect(Array.from(numberColumn(t, 'label'))).toEqual([1, 2, 3, 4]);
    expect(Array.from(numberColumn(t, 'plane'))).toEqual([0, 0, 1, 1]);
    // 1 and 2 touch within plane 0; 3 and 4 are 3 px apart; 2 sits over nothing in plane 1
    expect(Array.from(numberColumn(t, 'neighbors'))).toEqual([1, 1, 0, 0]);
    expect(Array.from(numberColumn(t, 'first_closest_label'))).toEqual([2, 1, 4, 3]);
  });
});
