// Fill holes smaller than a given area in a binary mask, as skimage.morphology.remove_small_holes
// (scikit-image 0.19): the background is split into connected regions (connectivity 1 or 2) and every
// region with fewer than `areaThreshold` pixels becomes foreground — including background regions
// that touch the image edge (skimage does not treat the edge specially).
import { connectedRegions, type Connectivity } from './connected-regions';

export function removeSmallHoles(
  mask: Uint8Array, width: number, height: number, areaThreshold: number, connectivity: Connectivity = 1,
): Uint8Array {
  const out = mask.slice();
  if (areaThreshold <= 0) return out;
  const { labels, sizes } = connectedRegions(width, height, connectivity, (i) => mask[i] === 0);
  for (let i = 0; i < out.length; i++) if (labels[i] !== 0 && sizes[labels[i]] < areaThreshold) out[i] = 1;
  return out;
}
