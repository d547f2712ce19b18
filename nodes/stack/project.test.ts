import { describe, expect, it } from 'vitest';
import type { Image } from '../../src/core/image';
import { loadSpots, referenceImage } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { project } from './project';

const run = (image: Image, params: Record<string, unknown> = {}) =>
  (project.run({ image }, project.params.parse(params), testContext()) as { image: Image }).image;

describe('project node', () => {
  it('defaults to a maximum-intensity projection equal to np.max(axis=0) of the real z-stack', () => {
    const out = run(loadSpots());
    expect(out.planes).toBe(1);
    expect(Array.from(out.data)).toEqual(Array.from(referenceImage('stack', 'spots_project_max.npy').data));
  });

  it('refuses an unknown method', () => {
    expect(() => project.params.parse({ method: 'median' })).toThrow();
  });

  it('states its conventions', () => {
    expect(project.description).toMatch(/ddof=0/);
    expect(project.description).toMatch(/dtype=float64/);
  });
});
