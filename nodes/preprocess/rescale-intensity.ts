import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { rescaleIntensity, type InRange, type OutRange } from '../../src/imaging/rescale-intensity';

export const rescaleIntensityNode = defineNode({
  type: 'rescale-intensity',
  version: 1,
  category: 'Preprocess',
  label: 'Rescale intensity',
  aliases: ['RescaleIntensity', 'Enhance Contrast', 'Brightness/Contrast'],
  description: [
    'Stretches intensities linearly: values from Low to High (the input range) map onto the output range, ' +
      'values outside the input range are clipped to it. As skimage.exposure.rescale_intensity(image, in_range, out_range).',
    'Input range: "image" = the image\'s own minimum and maximum; "percentiles" = the Low and High percentiles ' +
      "(0–100, numpy.percentile's linear interpolation, e.g. 1 and 99.5 to ignore a few outliers); \"values\" = Low and " +
      'High in intensity units.',
    'Output: "dtype" = the full range of the input\'s pixel type (uint8 0–255, uint16 0–65535, float 0–1; a range ' +
      'reaching below 0 maps to −1 for floats); "uint8" / "uint16" = that type\'s full range and type; "float32" = 0–1 ' +
      'as 32-bit float; "range" = Out min to Out max as 32-bit float. Integer outputs are truncated toward zero, as NumPy\'s astype.',
    'Each channel is rescaled on its own, with one input range computed over all its planes (z or time), so a ' +
      'stack keeps its relative brightness from plane to plane.',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    inputRange: z
      .enum(['image', 'percentiles', 'values'])
      .default('image')
      .meta({ label: 'Input range', description: 'Where Low and High come from: the image min/max, percentiles, or given values.' }),
    low: z
      .number()
      .default(1)
      .meta({ label: 'Low', description: 'Percentile (0–100) or value mapped to the output minimum.', shownWhen: { inputRange: ['percentiles', 'values'] } }),
    high: z
      .number()
      .default(99)
      .meta({ label: 'High', description: 'Percentile (0–100) or value mapped to the output maximum.', shownWhen: { inputRange: ['percentiles', 'values'] } }),
    output: z
      .enum(['dtype', 'uint8', 'uint16', 'float32', 'range'])
      .default('dtype')
      .meta({ label: 'Output', description: 'The output range and pixel type.' }),
    outMin: z.number().default(0).meta({ label: 'Out min', description: 'Output minimum when Output is "range".', shownWhen: { output: ['range'] } }),
    outMax: z.number().default(1).meta({ label: 'Out max', description: 'Output maximum when Output is "range".', shownWhen: { output: ['range'] } }),
  }),
  run: ({ image }, { inputRange, low, high, output, outMin, outMax }) => {
    if (inputRange !== 'image' && !(low < high)) {
      throw new UserError(`rescale-intensity: Low (${low}) must be smaller than High (${high})`);
    }
    if (inputRange === 'percentiles' && (low < 0 || high > 100)) {
      throw new UserError(`rescale-intensity: percentiles must lie in 0–100, got Low ${low} and High ${high}`);
    }
    if (output === 'range' && !(outMin < outMax)) {
      throw new UserError(`rescale-intensity: Out min (${outMin}) must be smaller than Out max (${outMax})`);
    }
    const inRange: InRange = inputRange === 'image' ? { mode: 'image' } : { mode: inputRange, low, high };
    const outRange: OutRange = output === 'range' ? { min: outMin, max: outMax } : output;
    return { image: rescaleIntensity(image, inRange, outRange).image };
  },
});
