import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { imageFromRows } from '../../src/core/image';
import { countDifferences, loadReferenceImage, loadSource, referenceCases } from '../../src/imaging/preprocess-reference';
import { runNode } from '../../src/testing/run-node';
import { convertType } from './convert-type';

describe('convert-type node', () => {
  it('clip keeps values, rounds half to even and clips', () => {
    const { image } = runNode(convertType, { image: imageFromRows([[-3, 0.5, 1.5, 2.5, 300]]) }, { to: 'uint8', mode: 'clip' });
    expect(image.dtype).toBe('uint8');
    expect(Array.from(image.data)).toEqual([0, 0, 2, 2, 255]);
  });

  it('rescale stretches min..max onto the type range', () => {
    const { image } = runNode(convertType, { image: imageFromRows([[100, 150, 200]], 'uint16') }, { to: 'uint8', mode: 'rescale' });
    expect(Array.from(image.data)).toEqual([0, 127, 255]);
  });

  it.each(referenceCases('convert'))('scale: $out equals skimage img_as_*', (c) => {
    const { image } = runNode(convertType, { image: loadSource(c.source) }, { to: c.to as string, mode: 'scale' });
    const expected = loadReferenceImage(c.out);
    expect(image.dtype).toBe(expected.dtype);
    expect(countDifferences(image.data, expected.data)).toBe(0);
  });

  it('scale refuses floats outside 0..1 with a UserError', () => {
    expect(() => runNode(convertType, { image: imageFromRows([[0, 2]]) }, { to: 'uint8', mode: 'scale' })).toThrow(UserError);
  });
});
