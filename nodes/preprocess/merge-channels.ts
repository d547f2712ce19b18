import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { allocPixels, copyMeta, createImage, slice2d, type Image } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';

const optionalChannel = (i: number) => port.image({ label: `Channel ${i}`, optional: true });

export const mergeChannels = defineNode({
  type: 'merge-channels',
  version: 1,
  category: 'Preprocess',
  label: 'Merge channels',
  aliases: ['GrayToColor', 'Merge Channels'],
  description:
    'Stacks single-channel images into one multi-channel image, in input order (unconnected inputs are skipped; ' +
    'connect 1 red, 2 green, 3 blue to build an RGB image). All inputs must have one channel and the same width, ' +
    'height and planes. When their pixel types differ the result is 32-bit float (values kept); otherwise the type ' +
    'is kept. Metadata (pixel size) comes from channel 1.',
  inputs: { channel1: port.image({ label: 'Channel 1' }), channel2: optionalChannel(2), channel3: optionalChannel(3), channel4: optionalChannel(4) },
  outputs: { image: port.image() },
  params: z.object({}),
  run: ({ channel1, channel2, channel3, channel4 }) => {
    const parts = [channel1, channel2, channel3, channel4].filter((c): c is Image => c !== undefined);
    parts.forEach((c, i) => {
      if (c.channels !== 1) throw new UserError(`merge-channels: input ${i + 1} has ${c.channels} channels; split it first`);
      if (c.width !== channel1.width || c.height !== channel1.height || c.planes !== channel1.planes) {
        throw new UserError(
          `merge-channels: input ${i + 1} is ${c.width}×${c.height}×${c.planes} planes, channel 1 is ` +
            `${channel1.width}×${channel1.height}×${channel1.planes}`,
        );
      }
    });
    const dtype = parts.every((c) => c.dtype === channel1.dtype) ? channel1.dtype : 'float32';
    const { width, height, planes } = channel1;
    const n = width * height;
    const data = allocPixels(dtype, n * planes * parts.length);
    for (let p = 0; p < planes; p++) parts.forEach((c, i) => data.set(slice2d(c, p, 0), (p * parts.length + i) * n));
    return { image: createImage({ width, height, planes, channels: parts.length }, dtype, data, copyMeta(channel1.meta)) };
  },
});
