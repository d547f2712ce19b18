import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { imageFromRows } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { mergeChannels } from './merge-channels';

describe('merge-channels node', () => {
  it('skips unconnected inputs and promotes mixed types to float32', () => {
    const a = imageFromRows([[1, 2]], 'uint8');
    const b = imageFromRows([[300, 400]], 'uint16');
    const out = runNode(mergeChannels, { channel1: a, channel2: undefined, channel3: b, channel4: undefined }).image;
    expect([out.channels, out.dtype]).toEqual([2, 'float32']);
    expect(Array.from(out.data)).toEqual([1, 2, 300, 400]);
  });

  it('a size mismatch is a UserError naming the input', () => {
    const run = () => runNode(mergeChannels, { channel1: imageFromRows([[1, 2]]), channel2: imageFromRows([[1]]), channel3: undefined, channel4: undefined });
    expect(run).toThrow(UserError);
    expect(run).toThrow(/input 2 is 1×1×1 planes/);
  });
});
