// Per-pixel mean and standard deviation over the images of a batch, one image at a time (the batch
// never has to fit in memory). Images are added in batch order:
// - mean: a sequential float64 sum divided by the count, i.e. np.mean(stack, axis=0, dtype=float64)
//   on the images stacked in that order, then rounded to float32.
// - std: population standard deviation (ddof = 0, as np.std), by Welford's update in float64, which
//   is stable where Σx² − n·mean² is not; it agrees with numpy's two-pass result to ~1e-15 relative,
//   so within float32 rounding.
import { UserError } from '../core/errors';
import { copyMeta, createImage, type Image } from '../core/image';

const shapeOf = (i: Image) => `${i.width}×${i.height}${i.planes > 1 ? ` × ${i.planes} planes` : ''}${i.channels > 1 ? ` × ${i.channels} channels` : ''}`;

export class BatchStatistics {
  private readonly sum: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  private n = 0;

  constructor(private readonly first: Image) {
    const length = first.data.length;
    this.sum = new Float64Array(length);
    this.mean = new Float64Array(length);
    this.m2 = new Float64Array(length);
  }

  get count(): number {
    return this.n;
  }

  /** Adds one image; a UserError (nothing added) when its shape differs from the first image's. */
  add(image: Image, name = image.meta.source ?? 'the image'): void {
    const f = this.first;
    if (image.width !== f.width || image.height !== f.height || image.planes !== f.planes || image.channels !== f.channels) {
      throw new UserError(`${name} is ${shapeOf(image)}, but the batch's first image is ${shapeOf(f)}: batch statistics need images of one shape`);
    }
    this.n++;
    const { sum, mean, m2, n } = this;
    const data = image.data;
    for (let i = 0; i < data.length; i++) {
      const x = data[i];
      sum[i] += x;
      const delta = x - mean[i];
      mean[i] += delta / n;
      m2[i] += delta * (x - mean[i]);
    }
  }

  /** The mean and std images (float32, the first image's shape and pixel size). */
  result(): { mean: Image; std: Image } {
    if (this.n === 0) throw new UserError('batch statistics of no images');
    const { width, height, planes, channels } = this.first;
    const meanData = new Float32Array(this.sum.length);
    const stdData = new Float32Array(this.sum.length);
    for (let i = 0; i < meanData.length; i++) {
      meanData[i] = this.sum[i] / this.n;
      stdData[i] = Math.sqrt(this.m2[i] / this.n);
    }
    const meta = () => {
      const m = copyMeta(this.first.meta);
      delete m.source;
      m.extra.batchImages = String(this.n);
      return m;
    };
    const shape = { width, height, planes, channels };
    return { mean: createImage(shape, 'float32', meanData, meta()), std: createImage(shape, 'float32', stdData, meta()) };
  }
}
