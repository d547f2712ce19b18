import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { toGray } from '../../src/imaging/to-gray';
import { decodeImageFile } from '../../src/io/decode';
import { decodeImageChannels, decodeImageStack } from '../../src/io/image-stack';

export const loadImage = defineNode({
  type: 'load-image',
  version: 1,
  category: 'Input',
  label: 'Load image',
  aliases: ['LoadImages', 'NamesAndTypes', 'File > Open', 'Bio-Formats Importer'],
  description:
    'Reads the image file the pipeline is run on. Formats: TIFF (8/16/32-bit integer, 32/64-bit float; ' +
    'uncompressed, LZW, Deflate or PackBits; ImageJ and OME-TIFF included), PNG (8/16-bit) and JPEG. ' +
    'Pixel values are kept exactly as stored: no scaling, no inversion (a palette TIFF keeps its index ' +
    'values, which is what label images need; a "min-is-white" TIFF keeps its raw values). ' +
    'Multi-page TIFFs: ImageJ hyperstacks and OME-TIFFs are read as channels × z-slices or time points ' +
    'from their header; other multi-page TIFFs give one plane per page (a run of pages of the same size ' +
    'and type; pages after the first that differs are skipped). RGB files give 3 channels; an alpha ' +
    'channel in PNG is dropped; PNG palettes are expanded to RGB (or to grey values when the palette is grey). ' +
    'Pixel size comes from the ImageJ header (unit, XResolution/YResolution, z spacing), from OME-XML ' +
    '(PhysicalSizeX/Y/Z), or from a TIFF resolution in centimetres, converted to µm; PNG and JPEG carry none. ' +
    'A folder run as a stack (`cellgraph run --stack`) is read as one image: the planes of its files in ' +
    'file-name order, every file of the same size, channels and type as the first, with the first file\'s pixel size. ' +
    'Files that hold one channel each (`cellgraph run --channels d0,d1,d2`, or several images used as channels in the ' +
    'editor) are read as one image whose channels are theirs in the given order, every file of the first one\'s size, ' +
    'planes and type. ' +
    'Channels "gray" converts RGB (or RGBA, ignoring alpha) with the scikit-image rgb2gray weights ' +
    '0.2125 R + 0.7154 G + 0.0721 B, giving a 32-bit float image in the input\'s own range (0–255 for ' +
    '8-bit, 0–65535 for 16-bit: not rescaled to 0–1); a 1-channel image is passed through unchanged, and ' +
    'other channel counts are an error.',
  readsSource: true,
  inputs: {},
  outputs: { image: port.image() },
  params: z.object({
    channels: z
      .enum(['keep', 'gray'])
      .default('keep')
      .meta({
        label: 'Channels',
        description:
          'keep: every channel as stored. gray: RGB/RGBA to one float32 channel, 0.2125 R + 0.7154 G + 0.0721 B, ' +
          'in the input range (not rescaled).',
      }),
  }),
  run(_, { channels }, ctx) {
    if (!ctx.source) throw new UserError('load-image has no input file: run the pipeline on an image');
    const opts = { maxPixels: ctx.maxPixels };
    const { planes, join, name } = ctx.source;
    const image = planes
      ? join === 'channels' ? decodeImageChannels(planes, name, opts) : decodeImageStack(planes, name, opts)
      : decodeImageFile(ctx.source.bytes, name, opts);
    if (ctx.source.folder !== undefined) image.meta.folder = ctx.source.folder;
    return { image: channels === 'gray' ? toGray(image) : image };
  },
});
