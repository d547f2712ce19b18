import { z } from 'zod';
import { copyMeta, createImage, slice2d, type Image } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';

/** Channel c of every plane, as a single-channel image; all zeros when the image has no channel c. */
function channelOf(image: Image, c: number): Image {
  const { width, height, planes } = image;
  const out = createImage({ width, height, planes }, image.dtype, undefined, copyMeta(image.meta));
  if (c < image.channels) {
    const n = width * height;
    for (let p = 0; p < planes; p++) out.data.set(slice2d(image, p, c), p * n);
  }
  out.meta.extra.channel = String(c + 1);
  return out;
}

const channelPort = (i: number) => port.image({ label: `Channel ${i}`, description: `Channel ${i} (all zeros if the image has fewer channels).` });

export const splitChannels = defineNode({
  type: 'split-channels',
  version: 1,
  category: 'Preprocess',
  label: 'Split channels',
  aliases: ['ColorToGray (split)', 'Split Channels'],
  description:
    'Splits a multi-channel image (RGB, or fluorescence channels) into single-channel images, numbered from 1 in ' +
    'the order stored in the file (for RGB: 1 red, 2 green, 3 blue). Pixel type, planes and pixel size are kept. ' +
    'Outputs beyond the image\'s channel count are all-zero images of the same size, so check the channel count ' +
    '(e.g. with Measure image) before relying on them; channels beyond the 4th are not available here.',
  inputs: { image: port.image() },
  outputs: { channel1: channelPort(1), channel2: channelPort(2), channel3: channelPort(3), channel4: channelPort(4) },
  params: z.object({}),
  run: ({ image }) => ({
    channel1: channelOf(image, 0),
    channel2: channelOf(image, 1),
    channel3: channelOf(image, 2),
    channel4: channelOf(image, 3),
  }),
});
