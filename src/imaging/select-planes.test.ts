import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { parsePlaneList, selectPlanes } from './select-planes';
import { differences, loadSpots, readReferenceJson, referenceImage } from './stack-reference';

const WHAT = "select-planes: param 'planes'";

describe('parsePlaneList', () => {
  it('reads single planes and inclusive ranges in the order written', () => {
    expect(parsePlaneList('0, 3-5, 16', 17, WHAT)).toEqual([0, 3, 4, 5, 16]);
    expect(parsePlaneList('4,2, 2 ,7 - 8', 9, WHAT)).toEqual([4, 2, 2, 7, 8]);
  });

  it.each([
    ['', 'is empty'],
    ['1-x', "'1-x' is not a plane number"],
    ['-1', "'-1' is not a plane number"],
    ['5-3', 'ends before it starts'],
    ['3, 17', 'plane 17 does not exist (the image has 17 planes, numbered 0 to 16)'],
  ])('rejects %j naming the param', (spec, message) => {
    expect(() => parsePlaneList(spec, 17, WHAT)).toThrow(UserError);
    expect(() => parsePlaneList(spec, 17, WHAT)).toThrow(`${WHAT}`);
    expect(() => parsePlaneList(spec, 17, WHAT)).toThrow(message);
  });
});

describe('selectPlanes', () => {
  it('equals numpy a[[0, 3, 4, 5, 16]] on the real z-stack', () => {
    const [c] = readReferenceJson<{ select: { planes: string; out: string }[] }>('stack', 'manifest.json').select;
    const expected = referenceImage('stack', c.out);
    const got = selectPlanes(loadSpots(), parsePlaneList(c.planes, 17, WHAT));
    expect([got.width, got.height, got.planes, got.dtype]).toEqual([89, 88, 5, 'uint16']);
    expect(differences(got.data, expected.data)).toEqual([]);
  });
});
