// Test-only: run a node definition as the executor would, with its params parsed (defaults applied).
import type { z } from 'zod';
import { createImage, type Image, type PixelArray } from '../core/image';
import type { NodeDefinition, PortSpec } from '../core/node';
import { testContext } from './context';

type Ports = Record<string, PortSpec>;

export function runNode<I extends Ports, O extends Ports, S extends z.ZodObject>(
  def: NodeDefinition<I, O, S>,
  inputs: Parameters<NodeDefinition<I, O, S>['run']>[0],
  params: z.input<S> | Record<string, unknown> = {},
) {
  return def.run(inputs, def.params.parse(params) as z.output<S>, testContext()) as ReturnType<NodeDefinition<I, O, S>['run']> extends infer R
    ? Exclude<R, Promise<unknown>>
    : never;
}

/** A stack of 2-D images (same size and type) as one image with `planes` planes and `channels` channels. */
export function stackSlices(slices: Image[], planes: number, channels: number): Image {
  const [first] = slices;
  const n = first.width * first.height;
  const data = new (first.data.constructor as new (n: number) => PixelArray)(n * slices.length);
  slices.forEach((s, i) => data.set(s.data, i * n));
  return createImage({ width: first.width, height: first.height, planes, channels }, first.dtype, data);
}

/** The 2-D slice i (plane-major, channel-minor) of an image, as its own image. */
export function sliceAt(image: Image, i: number): Image {
  const n = image.width * image.height;
  return createImage({ width: image.width, height: image.height }, image.dtype, image.data.slice(i * n, (i + 1) * n) as PixelArray);
}

/**
 * Runs `filter` on a 2-plane × 2-channel stack built from four 2-D images and on each image alone:
 * returns the number of samples where the stack's slice differs from the 2-D result.
 */
export function perSliceDifferences(filter: (image: Image) => Image, slices: Image[]): number {
  if (slices.length !== 4) throw new Error('perSliceDifferences takes four 2-D images');
  const stacked = filter(stackSlices(slices, 2, 2));
  let differ = 0;
  slices.forEach((s, i) => {
    const alone = filter(s).data;
    const fromStack = sliceAt(stacked, i).data;
    if (alone.length !== fromStack.length) throw new Error('slice sizes differ');
    for (let j = 0; j < alone.length; j++) if (!Object.is(alone[j], fromStack[j])) differ++;
  });
  return differ;
}
