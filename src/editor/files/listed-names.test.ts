import { describe, expect, it } from 'vitest';
import { listedNames } from './listed-names';

describe('listedNames', () => {
  it('a file name, or folder/name where two listed files share the name (as cellgraph run names them)', () => {
    const names = listedNames([
      { name: 'img_000.tif', hash: 'a', folder: 'Pos0' },
      { name: 'img_000.tif', hash: 'b', folder: 'Pos1' },
      { name: 'img_001.tif', hash: 'c', folder: 'Pos1' },
      { name: 'single.tif', hash: 'd' },
    ]);
    expect([...names.values()]).toEqual(['Pos0/img_000.tif', 'Pos1/img_000.tif', 'img_001.tif', 'single.tif']);
  });

  it('files added one by one keep their name even when it repeats: there is no folder to tell them by', () => {
    expect([...listedNames([{ name: 'a.tif', hash: 'x' }, { name: 'a.tif', hash: 'y', folder: 'P' }]).values()]).toEqual(['a.tif', 'P/a.tif']);
  });
});
