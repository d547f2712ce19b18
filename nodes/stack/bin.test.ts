import { describe, expect, it } from 'vitest';
import { imageFromRows, type Image } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { testContext } from '../../src/testing/context';
import { bin } from './bin';

const run = (image: Image, params: Record<string, unknown>) =>
  (bin.run({ image }, bin.params.parse(params), testContext()) as { image: Image }).image;

describe('bin node', () => {
  it('defaults to 2×2 blocks within each plane, dropping partial blocks', () => {
    expect(bin.params.parse({})).toEqual({ x: 2, y: 2, planes: 1, edges: 'drop' });
    const out = run(imageFromRows([[1, 3, 100], [5, 7, 100]]), {});
    expect(Array.from(out.data)).toEqual([4]);
  });

  it('says which param is too large for the image', () => {
    expect(() => run(imageFromRows([[1, 2, 3]]), { y: 2 })).toThrow(UserError);
    expect(() => run(imageFromRows([[1, 2, 3]]), { y: 2 })).toThrow("bin: param 'y' (2) is larger than the image (1 along y)");
    // partial blocks make any block size valid
    expect(Array.from(run(imageFromRows([[1, 2, 3]]), { x: 5, y: 2, edges: 'partial' }).data)).toEqual([2]);
  });
});
