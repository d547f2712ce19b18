import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { PROJECTIONS, projectPlanes } from '../../src/imaging/projection';

export const project = defineNode({
  type: 'project',
  version: 1,
  category: 'Stack',
  label: 'Project planes',
  aliases: ['MakeProjection', 'Z Project'],
  description:
    'Collapses a stack (z-slices or time points) into one plane: for every pixel and channel, the ' +
    'maximum, minimum, sum, mean or standard deviation of its values over all planes. Same numbers as ' +
    'NumPy on a (planes, height, width) array: max and min are np.max / np.min(axis=0) and keep the ' +
    "image's data type (a NaN in a pixel's series gives NaN); sum is np.sum(axis=0, dtype=float64), a " +
    '64-bit float image (exact for integer images); mean is np.mean(axis=0, dtype=float64) and std is ' +
    'np.std(axis=0, dtype=float64, ddof=0), both stored as 32-bit float. std is the population standard ' +
    'deviation (divides by the number of planes, not planes − 1); its square is the variance. A ' +
    'single-plane image is returned as it is (max, min), or as float (sum, mean; std is 0). Channels are ' +
    'projected separately. The x/y pixel size is kept; the plane spacing is dropped.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    method: z
      .enum(PROJECTIONS)
      .default('max')
      .meta({
        label: 'Projection',
        description:
          'max: brightest value (maximum-intensity projection). min: darkest. sum: total. mean: average. ' +
          'std: population standard deviation over planes.',
      }),
  }),
  run: ({ image }, { method }) => ({ image: projectPlanes(image, method) }),
});
