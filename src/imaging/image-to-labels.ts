// A label image made elsewhere (Cellpose, StarDist, ilastik, a hand annotation, CellProfiler's saved
// objects) read as objects, as CellProfiler's ConvertImageToObjects: 'values' keeps each pixel's value
// as its label; 'regions' numbers the connected regions of equal non-zero value (skimage.measure.label
// of the image); 'foreground' the connected regions of non-zero pixels (skimage.measure.label(image > 0)).
// Each plane on its own; region numbers continue from one plane to the next, as the label node's.
import { UserError } from '../core/errors';
import { copyMeta, createLabels, type Image, type Labels } from '../core/image';
import { connectedRegions } from './connected-regions';

export type ObjectsFrom = 'values' | 'regions' | 'foreground';

const MAX_LABEL = 0xffffffff;

/** `who` names the node in errors. Values must be whole numbers from 0 to 2^32 − 1 (any pixel type). */
export function imageToLabels(image: Image, mode: ObjectsFrom, connectivity: 4 | 8, who: string): Labels {
  if (image.channels !== 1) {
    throw new UserError(`${who}: the image has ${image.channels} channels; a label image has one (pick it with split-channels)`);
  }
  const { width, height, planes, data } = image;
  const n = width * height;
  const out = new Uint32Array(n * planes);
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!(v >= 0 && v <= MAX_LABEL && Number.isInteger(v))) {
      const p = Math.floor(i / n);
      const at = `x ${(i % n) % width}, y ${Math.floor((i % n) / width)}${planes > 1 ? `, plane ${p}` : ''}`;
      throw new UserError(`${who}: the pixel at ${at} holds ${v}, not an object number (a whole number from 0 to ${MAX_LABEL}): is this a label image?`);
    }
    if (mode === 'values') {
      out[i] = v;
      if (v > count) count = v;
    }
  }
  if (mode !== 'values') {
    for (let p = 0; p < planes; p++) {
      const plane = data.subarray(p * n, (p + 1) * n);
      const regions = connectedRegions(width, height, connectivity === 8 ? 2 : 1, (i) => plane[i] !== 0, mode === 'regions' ? plane : undefined);
      const dst = out.subarray(p * n, (p + 1) * n);
      for (let i = 0; i < n; i++) if (regions.labels[i] !== 0) dst[i] = regions.labels[i] + count;
      count += regions.count;
    }
  }
  return createLabels({ width, height, planes }, out, count, copyMeta(image.meta));
}
