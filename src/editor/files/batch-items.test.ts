import { describe, expect, it } from 'vitest';
import { batchItems } from './batch-items';
import { listedNames } from './listed-names';
import { pairByName } from './pairing';

const files = ['a.tif', 'a_mask.tif', 'b.tif', 'c.tif', 'c_mask.tif'].map((name) => ({ name, hash: `h-${name}` }));

describe('batchItems', () => {
  it('every listed image in list order, without pairing rules', () => {
    expect(batchItems(pairByName(files, []), false).map((i) => i.name)).toEqual(['a.tif', 'a_mask.tif', 'b.tif', 'c.tif', 'c_mask.tif']);
  });

  it('a file that is some image\'s pair is no item: it goes with its image, as a single run sends it', () => {
    expect(batchItems(pairByName(files, [{ role: 'truth', template: '{stem}_mask.tif' }]), false)).toEqual([
      { name: 'a.tif', sourceHash: 'h-a.tif', paired: { truth: 'h-a_mask.tif' } },
      { name: 'b.tif', sourceHash: 'h-b.tif' },
      { name: 'c.tif', sourceHash: 'h-c.tif', paired: { truth: 'h-c_mask.tif' } },
    ]);
  });

  it('none in stack or channels mode: the files are one image', () => {
    expect(batchItems(pairByName(files, []), true)).toEqual([]);
  });

  it('named as listed: folder/name where two listed files share a name', () => {
    const twins = [{ name: 'img.tif', hash: 'p0', folder: 'Pos0' }, { name: 'img.tif', hash: 'p1', folder: 'Pos1' }];
    expect(batchItems(pairByName(twins, []), false, listedNames(twins)).map((i) => i.name)).toEqual(['Pos0/img.tif', 'Pos1/img.tif']);
  });
});
