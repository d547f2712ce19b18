import { describe, expect, it } from 'vitest';
import { createImage } from '../../src/core/image';
import { runNode } from '../../src/testing/run-node';
import { mergeChannels } from './merge-channels';
import { splitChannels } from './split-channels';

describe('split-channels node', () => {
  it('splits every plane of each channel; missing channels are zeros', () => {
    // 2 planes × 3 channels of 2 pixels: value = 100·plane + 10·channel + x
    const data = Uint16Array.from([0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121]);
    const image = createImage({ width: 2, height: 1, planes: 2, channels: 3 }, 'uint16', data);
    image.meta.pixelSize = { x: 0.3, y: 0.3, unit: 'µm' };
    const out = runNode(splitChannels, { image });
    expect(Array.from(out.channel1.data)).toEqual([0, 1, 100, 101]);
    expect(Array.from(out.channel3.data)).toEqual([20, 21, 120, 121]);
    expect(Array.from(out.channel4.data)).toEqual([0, 0, 0, 0]);
    expect([out.channel2.channels, out.channel2.planes, out.channel2.dtype]).toEqual([1, 2, 'uint16']);
    expect(out.channel2.meta.pixelSize).toEqual({ x: 0.3, y: 0.3, unit: 'µm' });
  });

  it('merge-channels undoes split-channels', () => {
    const data = Uint8Array.from({ length: 24 }, (_, i) => i * 3);
    const image = createImage({ width: 2, height: 2, planes: 2, channels: 3 }, 'uint8', data);
    const { channel1, channel2, channel3 } = runNode(splitChannels, { image });
    const merged = runNode(mergeChannels, { channel1, channel2, channel3, channel4: undefined }).image;
    expect([merged.channels, merged.planes, merged.dtype]).toEqual([3, 2, 'uint8']);
    expect(Array.from(merged.data)).toEqual(Array.from(data));
  });
});
