// White and black top-hat with a flat disk, as skimage.morphology.white_tophat / black_tophat with
// disk(radius) (scikit-image 0.19): white = image − opening(image), the bright details smaller than
// the disk; black = closing(image) − image, the dark ones. Same pixel type as the input (never
// negative: opening ≤ image ≤ closing).
import type { Image } from '../core/image';
import { morphology2d } from './morphology';
import { mapSlices } from './per-slice';

export type TophatKind = 'white' | 'black';

export function tophatImage(image: Image, kind: TophatKind, radius: number): Image {
  return mapSlices(image, image.dtype, (input, width, height, output) => {
    if (kind === 'white') {
      const opened = morphology2d('open', input, width, height, 'disk', radius);
      for (let i = 0; i < output.length; i++) output[i] = input[i] - opened[i];
    } else {
      const closed = morphology2d('close', input, width, height, 'disk', radius);
      for (let i = 0; i < output.length; i++) output[i] = closed[i] - input[i];
    }
  });
}
