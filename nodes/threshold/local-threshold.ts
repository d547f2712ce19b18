import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, createImage, createMask } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { dtypeLimits } from '../../src/imaging/dtype-range';
import { LOCAL_METHODS, localThreshold as thresholdPerPixel } from '../../src/imaging/threshold/local';

export const localThreshold = defineNode({
  type: 'local-threshold',
  version: 1,
  category: 'Threshold',
  label: 'Local threshold',
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
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { mask: port.mask(), threshold: port.image({ label: 'Threshold' }) },
  params: z.object({
    method: z.enum(LOCAL_METHODS).default('gaussian').meta({ label: 'Method', description: 'How the local threshold is computed.' }),
    block: z
      .number()
      .int()
      .min(3)
      .max(1001)
      .default(35)
      .meta({ label: 'Block size', unit: 'px', description: 'Odd width of the neighbourhood; a few object diameters.' }),
    offset: z.number().default(0).meta({ label: 'Offset', description: 'gaussian/mean/median: subtracted from the local value.' }),
    k: z.number().min(-10).max(10).default(0.2).meta({ label: 'k', description: 'sauvola/niblack: weight of the local standard deviation.' }),
    r: z.number().positive().optional().meta({ label: 'R', description: 'sauvola: dynamic range of the standard deviation; empty = half the type\'s range.' }),
    objects: z
      .enum(['bright', 'dark'])
      .default('bright')
      .meta({ label: 'Objects', description: 'bright: foreground is value > threshold; dark: value <= threshold.' }),
  }),
  run: ({ image }, { method, block, offset, k, r, objects }) => {
    if (block % 2 === 0) throw new UserError(`local-threshold: Block size must be odd, got ${block}`);
    if (image.channels !== 1) {
      throw new UserError(`local-threshold needs a single-channel image, got ${image.channels} channels: split or convert to gray first`);
    }
    const [lo, hi] = dtypeLimits(image.dtype); // skimage's dtype_limits(clip_negative=False)
    const params = { method, block, offset, k, r: r ?? 0.5 * (hi - lo) };
    const { width, height, planes } = image;
    const n = width * height;
    const mask = new Uint8Array(image.data.length);
    const threshold = new Float32Array(image.data.length);
    for (let p = 0; p < planes; p++) {
      const values = Float64Array.from(image.data.subarray(p * n, (p + 1) * n));
      const t = thresholdPerPixel(values, width, height, params);
      threshold.set(t, p * n);
      for (let i = 0; i < n; i++) mask[p * n + i] = (objects === 'bright' ? values[i] > t[i] : values[i] <= t[i]) ? 1 : 0;
    }
    return {
      mask: createMask({ width, height, planes }, mask, copyMeta(image.meta)),
      threshold: createImage({ width, height, planes }, 'float32', threshold, copyMeta(image.meta)),
    };
  },
});
