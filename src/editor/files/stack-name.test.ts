import { describe, expect, test } from 'vitest';
import { stackName, stackOrder } from './stack-name';

describe('several images as one stack', () => {
  test('ordered by file name, as cellgraph run --stack sorts a folder', () => {
    expect(stackOrder([{ name: 'z10.tif' }, { name: 'z02.tif' }, { name: 'Z01.tif' }]).map((f) => f.name)).toEqual(['Z01.tif', 'z02.tif', 'z10.tif']);
  });

  test('named after what the files share, without the plane counter', () => {
    expect(stackName(['cells_z00.tif', 'cells_z01.tif', 'cells_z02.tif'])).toBe('cells');
    expect(stackName(['embryo-t001.png', 'embryo-t002.png'])).toBe('embryo');
    expect(stackName(['a.tif', 'b.tif'])).toBe('stack');
    expect(stackName(['one.tif'])).toBe('one');
  });
});
