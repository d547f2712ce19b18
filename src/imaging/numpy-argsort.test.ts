import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../testing/paths';
import { numpyArgsort } from './numpy-argsort';

const cases = JSON.parse(readFileSync(referencePath('argsort', 'cases.json'), 'utf8')) as Record<string, { values: (number | null)[]; order: number[] }>;

describe('numpyArgsort (np.argsort, default kind)', () => {
  it('sorts a tiny array; NaN last', () => {
    expect(Array.from(numpyArgsort([3, NaN, 1, 2]))).toEqual([2, 3, 0, 1]);
  });

  it.each(Object.keys(cases))('%s: the same order as NumPy, ties included', (name) => {
    const values = cases[name].values.map((v) => (v === null ? NaN : v));
    expect(Array.from(numpyArgsort(values))).toEqual(cases[name].order);
  });
});
