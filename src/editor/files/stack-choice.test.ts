import { describe, expect, test } from 'vitest';
import { includeInStack, restoreLeftOut, stackMembers, stackOf, stackRows, tooFewForStack } from './stack-choice';

const file = (name: string) => ({ name, hash: `h-${name}` });
const plate = ['B03_d2.tif', 'B03_d0.tif', 'A01_d0.tif', 'B03_d1.tif'].map(file);

describe('the images chosen for a stack', () => {
  test('all of them until some are left out; numbered by name among the checked ones only', () => {
    expect(stackRows(plate, [], 'planes').map((r) => [r.file.name, r.number])).toEqual([
      ['A01_d0.tif', 0], ['B03_d0.tif', 1], ['B03_d1.tif', 2], ['B03_d2.tif', 3],
    ]);
    expect(stackRows(plate, ['h-A01_d0.tif'], 'channels').map((r) => [r.file.name, r.number])).toEqual([
      ['A01_d0.tif', undefined], ['B03_d0.tif', 1], ['B03_d1.tif', 2], ['B03_d2.tif', 3],
    ]);
    expect(stackRows(plate, ['h-B03_d1.tif'], 'planes').map((r) => r.number)).toEqual([0, 1, undefined, 2]);
  });

  test('the stack run is the checked images in name order, named after them alone', () => {
    expect(stackMembers(plate, ['h-A01_d0.tif']).map((f) => f.name)).toEqual(['B03_d0.tif', 'B03_d1.tif', 'B03_d2.tif']);
    expect(stackOf(plate, ['h-A01_d0.tif'])).toEqual({ name: 'B03_d', hashes: ['h-B03_d0.tif', 'h-B03_d1.tif', 'h-B03_d2.tif'] });
    expect(stackOf(plate, [])?.name).toBe('stack'); // A01 and B03 share nothing
  });

  test('fewer than 2 checked images make no stack, and the message says how many are', () => {
    expect(stackOf(plate, ['h-A01_d0.tif', 'h-B03_d0.tif', 'h-B03_d1.tif'])).toBeUndefined();
    expect(stackOf(plate, plate.map((f) => f.hash))).toBeUndefined();
    expect(stackOf(plate, ['h-A01_d0.tif', 'h-B03_d0.tif'])?.hashes).toEqual(['h-B03_d1.tif', 'h-B03_d2.tif']);
    expect(tooFewForStack('planes', 1)).toBe('Check at least 2 images to use them as one stack (1 checked): nothing runs until then.');
    expect(tooFewForStack('channels', 0)).toBe('Check at least 2 images to use them as the channels of one image (0 checked): nothing runs until then.');
  });

  test('checking and unchecking one image', () => {
    expect(includeInStack([], 'a', false)).toEqual(['a']);
    expect(includeInStack(['a', 'b'], 'a', true)).toEqual(['b']);
    expect(includeInStack(['a'], 'a', false)).toEqual(['a']);
    expect(includeInStack([], 'a', true)).toEqual([]);
  });

  test('a saved choice keeps only the images still listed; a damaged one means all images', () => {
    expect(restoreLeftOut(['h-B03_d1.tif', 'gone', 'h-A01_d0.tif'], plate)).toEqual(['h-A01_d0.tif', 'h-B03_d1.tif']);
    expect(restoreLeftOut(undefined, plate)).toEqual([]);
    expect(restoreLeftOut('h-A01_d0.tif', plate)).toEqual([]);
    expect(restoreLeftOut([{ hash: 'h-A01_d0.tif' }], plate)).toEqual([]);
  });
});
