import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, createImage, createMask } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { dtypeLimits } from '../../src/imaging/dtype-range';
import { AUTO_THRESHOLD_METHODS, autoThreshold } from '../../src/imaging/threshold';
import { autoBlockSize } from '../../src/imaging/threshold/auto-block';
import { LOCAL_METHODS, localThreshold as thresholdPerPixel } from '../../src/imaging/threshold/local';

export const localThreshold = defineNode({
  type: 'local-threshold',
  version: 1,
  category: 'Threshold',
  label: 'Local threshold',
  aliases: ['IdentifyPrimaryObjects (adaptive)', 'Auto Local Threshold'],
  description: [
    'Adaptive threshold: every pixel gets its own threshold from its Block × Block neighbourhood, so objects are ' +
      'found under uneven illumination or background. With objects "bright", foreground is value > local threshold; ' +
      'with "dark", value <= local threshold. Computed in 64-bit float, as scikit-image 0.19:',
    '- gaussian: Gaussian-weighted mean of the neighbourhood (σ = (Block − 1)/6) minus Offset (threshold_local);',
    '- mean: plain mean of the Block × Block box minus Offset (threshold_local, method mean);',
    '- median: median of the box minus Offset (threshold_local, method median);',
    '  these three read beyond the border by mirroring about the edge (scipy mode reflect);',
    '- sauvola: m · (1 + k · (s / R − 1)), m and s the window\'s mean and standard deviation; R defaults to half ' +
      'the pixel type\'s range (uint8 127.5, uint16 32767.5, float 1) (threshold_sauvola);',
    '- niblack: m − k · s (threshold_niblack);',
    '  these two mirror about the edge pixel (numpy pad reflect).',
    'Offset is in intensity units (a positive offset lowers the threshold, finding dimmer objects). Block must be ' +
      'odd. Each 2-D plane on its own. Output Threshold: the per-pixel threshold as a 32-bit float image.',
    'Floor (optional): a global automatic threshold (scikit-image\'s, as in the threshold node, computed per plane) that ' +
      'a pixel must also pass, so windows holding only background do not turn noise into objects (CellProfiler ' +
      'bounds its adaptive threshold by the global one for the same reason). With objects "bright" the local ' +
      'threshold is raised to the floor; with "dark" lowered to it.',
    'Block 0 = automatic: 2·round(2·r) + 1 px, about two object diameters, r being the typical object radius: the ' +
      'median over the 8-connected objects of the floor\'s global threshold (Otsu when there is no floor) of their ' +
      'largest Euclidean distance to the background. So the same settings suit small and large nuclei.',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { mask: port.mask(), threshold: port.image({ label: 'Threshold' }) },
  params: z.object({
    method: z.enum(LOCAL_METHODS).default('gaussian').meta({ label: 'Method', description: 'How the local threshold is computed.' }),
    block: z
      .number()
      .int()
      .min(0)
      .max(1001)
      .default(35)
      .meta({ label: 'Block size', unit: 'px', description: 'Odd width of the neighbourhood, a few object diameters; 0 = automatic (about two typical object diameters).' }),
    offset: z
      .number()
      .default(0)
      .meta({ label: 'Offset', description: 'gaussian/mean/median: subtracted from the local value.', shownWhen: { method: ['gaussian', 'mean', 'median'] } }),
    k: z
      .number()
      .min(-10)
      .max(10)
      .default(0.2)
      .meta({ label: 'k', description: 'sauvola/niblack: weight of the local standard deviation.', shownWhen: { method: ['sauvola', 'niblack'] } }),
    r: z
      .number()
      .positive()
      .optional()
      .meta({ label: 'R', description: 'sauvola: dynamic range of the standard deviation; empty = half the type\'s range.', shownWhen: { method: ['sauvola'] } }),
    objects: z
      .enum(['bright', 'dark'])
      .default('bright')
      .meta({ label: 'Objects', description: 'bright: foreground is value > threshold; dark: value <= threshold.' }),
    floor: z
      .enum(['none', ...AUTO_THRESHOLD_METHODS])
      .default('none')
      .meta({ label: 'Global floor', description: 'A global automatic threshold a pixel must also pass (none = local only).' }),
  }),
  run: ({ image }, { method, block, offset, k, r, objects, floor }) => {
    if (block !== 0 && (block % 2 === 0 || block < 3)) throw new UserError(`local-threshold: Block size must be odd and at least 3 (or 0 = automatic), got ${block}`);
    if (image.channels !== 1) {
      throw new UserError(`local-threshold needs a single-channel image, got ${image.channels} channels: split or convert to gray first`);
    }
    const [lo, hi] = dtypeLimits(image.dtype); // skimage's dtype_limits(clip_negative=False)
    const { width, height, planes } = image;
    const bright = objects === 'bright';
    const n = width * height;
    const mask = new Uint8Array(image.data.length);
    const threshold = new Float32Array(image.data.length);
    for (let p = 0; p < planes; p++) {
      const plane = image.data.subarray(p * n, (p + 1) * n);
      const values = Float64Array.from(plane);
      const global = floor === 'none' ? undefined : autoThreshold(floor, plane);
      const size = block || autoBlockSize(values, width, height, global ?? autoThreshold('otsu', plane), bright);
      const t = thresholdPerPixel(values, width, height, { method, block: size, offset, k, r: r ?? 0.5 * (hi - lo) });
      if (global !== undefined) for (let i = 0; i < n; i++) t[i] = bright ? Math.max(t[i], global) : Math.min(t[i], global);
      threshold.set(t, p * n);
      for (let i = 0; i < n; i++) mask[p * n + i] = (bright ? values[i] > t[i] : values[i] <= t[i]) ? 1 : 0;
    }
    return {
      mask: createMask({ width, height, planes }, mask, copyMeta(image.meta)),
      threshold: createImage({ width, height, planes }, 'float32', threshold, copyMeta(image.meta)),
    };
  },
});
