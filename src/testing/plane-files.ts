// A stack split into single-plane TIFFs, as a microscope exporting a folder writes them: for the
// `--stack` tests, which compare the folder with the stack it was made from.
import { createImage, slice2d, type Image } from '../core/image';
import { hashBytes } from '../core/hash';
import type { StackFile } from '../io/image-stack';
import { encodeTiff } from '../io/tiff';

export function planeFiles(stack: Image, prefix = 'z'): StackFile[] {
  return Array.from({ length: stack.planes }, (_, p) => {
    const plane = createImage({ width: stack.width, height: stack.height }, stack.dtype, slice2d(stack, p).slice(), {
      extra: {}, ...(stack.meta.pixelSize ? { pixelSize: { ...stack.meta.pixelSize } } : {}),
    });
    const bytes = encodeTiff(plane);
    return { name: `${prefix}${String(p).padStart(2, '0')}.tif`, bytes, hash: hashBytes(bytes) };
  });
}
