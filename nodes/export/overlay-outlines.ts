import { z } from 'zod';
import { requireSameSize, UserError } from '../../src/core/errors';
import { copyMeta, createImage, type Image } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { findBoundaries } from '../../src/imaging/boundaries';
import { dtypeLimits } from '../../src/imaging/dtype-range';
import { channelValues, inputRange } from '../../src/imaging/rescale-intensity';

const COLORS = {
  yellow: [255, 255, 0],
  red: [255, 0, 0],
  green: [0, 255, 0],
  blue: [0, 0, 255],
  magenta: [255, 0, 255],
  cyan: [0, 255, 255],
  white: [255, 255, 255],
} as const;

/** Low and high display limits of each channel, over all planes. */
function displayRanges(image: Image, contrast: 'auto' | 'min-max' | 'none'): [number, number][] {
  return Array.from({ length: image.channels }, (_, c) => {
    if (contrast === 'none') return image.dtype === 'float32' || image.dtype === 'float64' ? [0, 1] : [0, dtypeLimits(image.dtype)[1]];
    const range = contrast === 'auto' ? { mode: 'percentiles' as const, low: 0.35, high: 99.65 } : { mode: 'image' as const };
    return inputRange(channelValues(image, c), range, false);
  });
}

export const overlayOutlines = defineNode({
  type: 'overlay-outlines',
  version: 1,
  category: 'Export',
  label: 'Overlay outlines',
  aliases: ['OverlayOutlines', 'Outline'],
  description: [
    'Draws the outlines of objects over an image, for checking a segmentation by eye (CellProfiler ' +
      'OverlayOutlines): connect it to save-image to keep one quality-control picture per input of a batch. ' +
      'The result is an 8-bit RGB image; measure the original image, not this one.',
    'The image (grey, or 3 channels shown as red, green, blue) is first scaled for display, each channel ' +
      'over all its planes: "auto" = its 0.35 and 99.65 percentiles (numpy\'s linear interpolation) map to ' +
      'black and full brightness, like ImageJ\'s Auto contrast; "min-max" = its minimum and maximum; "none" = ' +
      'the pixel type\'s range (0–255, 0–65535; float 0–1), as skimage\'s img_as_float. Values outside are ' +
      'clipped, then multiplied by 255 and rounded.',
    'Outlines as skimage.segmentation.find_boundaries / mark_boundaries (4-connected neighbours, background 0; ' +
      'the image edge is not an outline): "inner" = the objects\' own edge pixels (CellProfiler\'s default); ' +
      '"outer" = the background pixels around each object, and the pixels where two objects touch; "thick" = ' +
      'both (2 px wide). A stack is outlined plane by plane.',
  ].join('\n'),
  inputs: {
    image: port.image({ label: 'Image' }),
    labels: port.labels({ label: 'Objects' }),
  },
  outputs: { image: port.image({ label: 'RGB overlay' }) },
  params: z.object({
    mode: z.enum(['inner', 'outer', 'thick']).default('inner').meta({ label: 'Outline', description: 'Which pixels are drawn: inside the objects\' edge, outside it, or both.' }),
    color: z.enum(['yellow', 'red', 'green', 'blue', 'magenta', 'cyan', 'white']).default('yellow').meta({ label: 'Colour' }),
    contrast: z.enum(['auto', 'min-max', 'none']).default('auto').meta({ label: 'Contrast', description: 'How the image is scaled to 0–255 before the outlines are drawn.' }),
  }),
  run: ({ image, labels }, { mode, color, contrast }) => {
    if (image.channels !== 1 && image.channels !== 3) {
      throw new UserError(
        `overlay-outlines needs a grey (1-channel) or RGB (3-channel) image, got ${image.channels} channels: ` +
          'pick one with split-channels or three with merge-channels',
      );
    }
    requireSameSize('overlay-outlines', ['the image', image], ['the objects', labels]);
    const { width, height, planes } = image;
    const n = width * height;
    const ranges = displayRanges(image, contrast);
    const out = createImage({ width, height, planes, channels: 3 }, 'uint8', undefined, copyMeta(image.meta));
    const rgb = COLORS[color];
    for (let p = 0; p < planes; p++) {
      const outline = findBoundaries(labels.data.subarray(p * n, (p + 1) * n), width, height, mode);
      for (let c = 0; c < 3; c++) {
        const from = image.channels === 1 ? 0 : c;
        const [lo, hi] = ranges[from];
        const scale = hi > lo ? 255 / (hi - lo) : 0;
        const src = (p * image.channels + from) * n;
        const dst = (p * 3 + c) * n;
        for (let i = 0; i < n; i++) {
          if (outline[i]) {
            out.data[dst + i] = rgb[c];
            continue;
          }
          const v = image.data[src + i];
          // a constant channel (hi = lo) shows black
          out.data[dst + i] = v <= lo ? 0 : v >= hi ? 255 : Math.round((v - lo) * scale);
        }
      }
    }
    return { image: out };
  },
});
