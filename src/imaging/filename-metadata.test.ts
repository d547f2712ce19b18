import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { baseName, compileFilenamePattern, matchFilename } from './filename-metadata';

const WHAT = "metadata-from-filename: param 'pattern'";
const compile = (p: string) => compileFilenamePattern(p, WHAT);

describe('filename metadata', () => {
  it('reads named groups in pattern order, Python syntax too', () => {
    const p = compile('(?<plate>[^_]+)_(?<well>[A-P]\\d{2})_s(?<site>\\d+)');
    expect(p.groups).toEqual(['plate', 'well', 'site']);
    expect(matchFilename(p, 'P1_B03_s2.tif')).toEqual({ plate: 'P1', well: 'B03', site: '2' });
    expect(matchFilename(compile('_t(?P<time>\\d+)'), 'movie_t017.tif')).toEqual({ time: '017' });
  });

  it('gives undefined when there is no match and an empty value for a group that did not take part', () => {
    const p = compile('^(?<well>[A-P]\\d{2})(?:_(?<site>s\\d+))?\\.tif$');
    expect(matchFilename(p, 'B03.tif')).toEqual({ well: 'B03', site: '' });
    expect(matchFilename(p, 'notes.txt')).toBeUndefined();
    // lookbehinds are not groups
    expect(compile('(?<=_)(?<id>\\d+)').groups).toEqual(['id']);
  });

  it.each([
    ['(?<well>[A-P', 'is not a valid regular expression'],
    ['plate_\\d+', 'has no named group'],
    ['(?<x>a)(?<x>b)', 'is not a valid regular expression'],
    ['^(?<run>(a+)+)$', 'repeats a group that itself repeats'],
    ['(?<n>\\d*)*', 'repeats a group that itself repeats'],
    ['x'.repeat(1001), 'is longer than 1000 characters'],
  ])('refuses %j naming the param', (pattern, message) => {
    expect(() => compile(pattern)).toThrow(UserError);
    expect(() => compile(pattern)).toThrow(`${WHAT} `);
    expect(() => compile(pattern)).toThrow(message);
  });

  it('refuses a file name longer than 255 characters', () => {
    expect(() => matchFilename(compile('(?<a>a)'), 'a'.repeat(256))).toThrow(/longer than 255 characters/);
  });

  it('strips folders of either kind', () => {
    expect(baseName('plate1/P1_B03_s2.tif')).toBe('P1_B03_s2.tif');
    expect(baseName('C:\\data\\x.tif')).toBe('x.tif');
    expect(baseName('x.tif')).toBe('x.tif');
  });
});
