import { z } from 'zod';
import { copyMeta } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable } from '../../src/core/table';
import { imageStats, pixelSizeInMicrons } from '../../src/imaging/image-stats';

export const measureImage = defineNode({
  type: 'measure-image',
  version: 1,
  category: 'Measure',
  label: 'Measure image',
  aliases: ['MeasureImageIntensity', 'Measure'],
  description: [
    'Describes the whole image in one table row:',
    '- width, height, planes, channels: its size in pixels, planes (z or time) and channels.',
    '- dtype: the sample type (uint8, uint16, int16, uint32, int32, float32, float64).',
    '- min, max, mean, std: over every sample of every plane and channel, computed in float64; std is the ' +
      'population standard deviation (divides by the number of samples, as numpy\'s np.std). A NaN sample ' +
      'makes all four empty (NaN), as numpy does. Values are the raw samples (CellProfiler\'s ' +
      'MeasureImageIntensity rescales 8/16-bit images to 0–1 first).',
    '- pixel_size_x, pixel_size_y: the pixel size in µm (converted from nm, mm, …); empty when the file ' +
      'gave none or gave it in a unit that is not a length.',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { table: port.table() },
  params: z.object({}),
  run: ({ image }) => {
    const s = imageStats(image.data);
    const size = pixelSizeInMicrons(image.meta.pixelSize);
    const table = createTable(
      [
        { name: 'width', values: [image.width], unit: 'px' },
        { name: 'height', values: [image.height], unit: 'px' },
        { name: 'planes', values: [image.planes] },
        { name: 'channels', values: [image.channels] },
        { name: 'dtype', values: [image.dtype] },
        { name: 'min', values: [s.min] },
        { name: 'max', values: [s.max] },
        { name: 'mean', values: [s.mean] },
        { name: 'std', values: [s.std] },
        { name: 'pixel_size_x', values: [size ? size.x : NaN], unit: 'µm' },
        { name: 'pixel_size_y', values: [size ? size.y : NaN], unit: 'µm' },
      ],
      copyMeta(image.meta),
    );
    return { table };
  },
});
