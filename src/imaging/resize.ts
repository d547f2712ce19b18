// Two ways to change an image's size, both per 2-D slice with float32 output:
// - binDownscale = skimage.transform.downscale_local_mean: the mean of each factor×factor block;
//   when the size is not a multiple of the factor, the last blocks are padded with zeros, as skimage
//   (so they read darker).
// - resizeBilinear = skimage.transform.resize(order=1, mode='edge', anti_aliasing=False,
//   preserve_range=True): scipy.ndimage.zoom(grid_mode=True), output pixel centres mapped onto the
//   input's (x_in = (x_out + 0.5)·w_in/w_out − 0.5), edges repeated, then clipped to the input's range.
import type { Image } from '../core/image';
import { mapSlices } from './per-slice';

export function binDownscale(image: Image, factor: number): Image {
  const { width: w, height: h } = image;
  const ow = Math.ceil(w / factor);
  const oh = Math.ceil(h / factor);
  const shaped = { ...image, width: ow, height: oh };
  const inv = 1 / (factor * factor);
  return mapSlicesResized(image, shaped, (input, output) => {
    output.fill(0);
    for (let y = 0; y < h; y++) {
      const oy = Math.floor(y / factor) * ow;
      for (let x = 0; x < w; x++) output[oy + Math.floor(x / factor)] += input[y * w + x];
    }
    for (let i = 0; i < output.length; i++) output[i] *= inv;
  });
}

/** Sample positions and weights of a linear interpolation with clamped edges, for one axis. */
function axisSamples(inSize: number, outSize: number): { i0: Int32Array; i1: Int32Array; t: Float64Array } {
  const zoom = inSize / outSize;
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const t = new Float64Array(outSize);
  for (let o = 0; o < outSize; o++) {
    let pos = (o + 0.5) * zoom - 0.5;
    if (pos < 0) pos = 0;
    if (pos > inSize - 1) pos = inSize - 1;
    const f = Math.floor(pos);
    i0[o] = f;
    i1[o] = Math.min(f + 1, inSize - 1);
    t[o] = pos - f;
  }
  return { i0, i1, t };
}

export function resizeBilinear(image: Image, width: number, height: number): Image {
  const w = image.width;
  const xs = axisSamples(image.width, width);
  const ys = axisSamples(image.height, height);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < image.data.length; i++) {
    if (image.data[i] < min) min = image.data[i];
    if (image.data[i] > max) max = image.data[i];
  }
  return mapSlicesResized(image, { ...image, width, height }, (input, output) => {
    for (let oy = 0; oy < height; oy++) {
      const r0 = ys.i0[oy] * w;
      const r1 = ys.i1[oy] * w;
      const ty = ys.t[oy];
      for (let ox = 0; ox < width; ox++) {
        const a = xs.i0[ox];
        const b = xs.i1[ox];
        const tx = xs.t[ox];
        const top = input[r0 + a] * (1 - tx) + input[r0 + b] * tx;
        const bottom = input[r1 + a] * (1 - tx) + input[r1 + b] * tx;
        const v = top * (1 - ty) + bottom * ty;
        output[oy * width + ox] = v < min ? min : v > max ? max : v;
      }
    }
  });
}

/** Runs `kernel` per slice from `image` into a float32 image of `shape`'s width and height. */
function mapSlicesResized(
  image: Image,
  shape: Image,
  kernel: (input: ArrayLike<number>, output: Float64Array) => void,
): Image {
  const n = image.width * image.height;
  const m = shape.width * shape.height;
  const out = new Float32Array(m * image.planes * image.channels);
  const buffer = new Float64Array(m);
  for (let s = 0; s < image.planes * image.channels; s++) {
    kernel(image.data.subarray(s * n, (s + 1) * n), buffer);
    out.set(buffer, s * m);
  }
  return { ...mapSlices({ ...image, planes: 1, channels: 1, data: image.data.subarray(0, 1), width: 1, height: 1 }, 'float32', () => {}), ...image, width: shape.width, height: shape.height, dtype: 'float32', data: out };
}
