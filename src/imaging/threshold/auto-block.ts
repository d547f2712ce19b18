// The automatic block size of the local threshold: about two object diameters, so each window holds an
// object and some background around it whatever the magnification. The objects are the 8-connected
// components of the image above (bright) or at/below (dark) a global threshold; their typical radius is
// the median over them of their largest Euclidean distance to the background (as watershed-declump's).
import { createMask } from '../../core/image';
import { typicalRadius } from '../declump';
import { distanceTransformEdt } from '../distance-transform';
import { labelComponents } from '../label';

/** Block = 2·round(2·r) + 1 (odd, at least 3); r the typical radius of the objects of the global threshold. */
export function autoBlockSize(values: ArrayLike<number>, width: number, height: number, globalThreshold: number, bright: boolean): number {
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = (bright ? values[i] > globalThreshold : values[i] <= globalThreshold) ? 1 : 0;
  const comps = labelComponents(createMask({ width, height }, mask), 8);
  const radius = typicalRadius(distanceTransformEdt(mask, width, height), comps.data);
  return Math.max(3, 2 * Math.round(2 * radius) + 1);
}
