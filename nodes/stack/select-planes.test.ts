import { describe, expect, it } from 'vitest';
import { createImage, type Image } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { testContext } from '../../src/testing/context';
import { selectPlanes } from './select-planes';

const stack = () => createImage({ width: 1, height: 1, planes: 4 }, 'uint8', Uint8Array.from([10, 11, 12, 13]));
const run = (image: Image, planes: string) =>
  (selectPlanes.run({ image }, selectPlanes.params.parse({ planes }), testContext()) as { image: Image }).image;

describe('select-planes node', () => {
  it('keeps the listed 0-based planes', () => {
    expect(Array.from(run(stack(), '3, 0-1').data)).toEqual([13, 10, 11]);
  });

  it('names the param when a plane is out of range', () => {
    expect(() => run(stack(), '4')).toThrow(UserError);
    expect(() => run(stack(), '4')).toThrow("select-planes: param 'planes': plane 4 does not exist (the image has 4 planes, numbered 0 to 3)");
  });
});
