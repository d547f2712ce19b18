import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, type Image } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { binDownscale, resizeBilinear } from '../../src/imaging/resize';

/** The output keeps the same physical field of view: the pixel size grows as the pixel count shrinks. */
function withScaledPixelSize(out: Image, input: Image): Image {
  const meta = copyMeta(input.meta);
  if (meta.pixelSize) {
    meta.pixelSize.x *= input.width / out.width;
    meta.pixelSize.y *= input.height / out.height;
  }
  return { ...out, meta };
}

export const resize = defineNode({
  type: 'resize',
  version: 1,
  category: 'Preprocess',
  label: 'Resize',
  aliases: ['Resize', 'Scale', 'Bin'],
  description: [
    'Changes the number of pixels. Output 32-bit float in the input\'s intensity units; every plane and channel ' +
      'alike; the pixel size (µm per pixel) is scaled so measurements in µm stay right.',
    '- bin: each Factor × Factor block of pixels becomes one pixel, their mean (area averaging, like a camera\'s ' +
      'binning but averaged), as skimage.transform.downscale_local_mean. When the size is not a multiple of Factor, ' +
      'the last row/column of blocks is padded with zeros as skimage does (so it reads darker): crop first to avoid it.',
    '- bilinear: linear interpolation between the four nearest pixels, pixel centres aligned ' +
      '(x_in = (x_out + 0.5)·w_in/w_out − 0.5), edge pixels repeated, no anti-aliasing, result clipped to the input\'s ' +
      "range: skimage.transform.resize(order=1, mode='edge', anti_aliasing=False, preserve_range=True). The size is " +
      'Width × Height when given; otherwise the input size × Scale (rounded); one of them given keeps the aspect ratio.',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    method: z.enum(['bin', 'bilinear']).default('bin').meta({ label: 'Method', description: 'Block averaging or bilinear interpolation.' }),
    factor: z
      .number()
      .int()
      .min(1)
      .max(64)
      .default(2)
      .meta({ label: 'Factor', unit: 'px', description: 'bin: the block size (2 halves width and height).', shownWhen: { method: ['bin'] } }),
    scale: z
      .number()
      .positive()
      .max(16)
      .default(0.5)
      .meta({ label: 'Scale', description: 'bilinear: output size ÷ input size, when Width and Height are empty.', shownWhen: { method: ['bilinear'] } }),
    width: z.number().int().min(1).max(100_000).optional().meta({ label: 'Width', unit: 'px', description: 'bilinear: output width.', shownWhen: { method: ['bilinear'] } }),
    height: z.number().int().min(1).max(100_000).optional().meta({ label: 'Height', unit: 'px', description: 'bilinear: output height.', shownWhen: { method: ['bilinear'] } }),
  }),
  run: ({ image }, { method, factor, scale, width, height }) => {
    if (method === 'bin') return { image: withScaledPixelSize(binDownscale(image, factor), image) };
    let w = width;
    let h = height;
    if (w === undefined && h === undefined) {
      w = Math.max(1, Math.round(image.width * scale));
      h = Math.max(1, Math.round(image.height * scale));
    } else if (w === undefined) w = Math.max(1, Math.round((image.width * (h as number)) / image.height));
    else if (h === undefined) h = Math.max(1, Math.round((image.height * w) / image.width));
    if ((w as number) * (h as number) * image.planes * image.channels > 2 ** 28) {
      throw new UserError(`resize: ${w}×${h} pixels per plane is too large`);
    }
    return { image: withScaledPixelSize(resizeBilinear(image, w as number, h as number), image) };
  },
});
