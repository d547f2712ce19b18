import { z } from 'zod';
import type { Image } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { BatchStatistics } from '../../src/imaging/batch-statistics';

export const batchMean = defineNode({
  type: 'batch-mean',
  version: 1,
  category: 'Stack',
  label: 'Batch mean and std',
  aliases: ['CorrectIlluminationCalculate (all images)'],
  description:
    'Per-pixel mean and standard deviation of its input over every image of the batch, e.g. an ' +
    'illumination estimate (the mean of many fields, then blurred, feeds illumination-apply) or a map of ' +
    'where images vary. Running a batch (`cellgraph run`, or Run on all images in the editor), the nodes before this one first run ' +
    'on every image, accumulating, then the rest of the pipeline runs on every image with the finished ' +
    'mean and std; images that fail before this node are left out of it. Same numbers as NumPy on the ' +
    'images stacked in batch order: mean is np.mean(axis=0, dtype=float64), std np.std(axis=0, ddof=0) ' +
    '(population: divides by the number of images), both as 32-bit float with the shape (planes, channels) ' +
    'and pixel size of the first image; an image of another shape fails (one line naming it) and is left ' +
    'out. Run on one image (the editor\'s preview) the mean is that image and the std is 0.',
  batch: {
    add(state, { image }, itemName) {
      const stats = (state as BatchStatistics | undefined) ?? new BatchStatistics(image as Image);
      stats.add(image as Image, itemName);
      return stats;
    },
    finish: (state) => (state as BatchStatistics).result(),
  },
  inputs: { image: port.image() },
  outputs: {
    mean: port.image({ label: 'Mean', description: 'Per-pixel mean over the batch (float32).' }),
    std: port.image({ label: 'Std', description: 'Per-pixel population standard deviation over the batch (float32).' }),
  },
  params: z.object({}),
  run: ({ image }) => {
    const stats = new BatchStatistics(image);
    stats.add(image);
    return stats.result();
  },
});
