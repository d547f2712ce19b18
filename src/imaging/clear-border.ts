// Remove objects touching the image edge, as skimage.segmentation.clear_border (scikit-image 0.19):
// the border band is the outer `bufferSize + 1` rows and columns; every 8-connected piece of equal
// label value with a pixel in the band is set to 0. Labels are not renumbered (an object split in
// two pieces keeps the piece that does not touch the band, as in skimage).
import { connectedRegions } from './connected-regions';

export function clearBorder(labels: Uint32Array, width: number, height: number, bufferSize = 0): Uint32Array {
  const out = labels.slice();
  const ext = bufferSize + 1;
  const regions = connectedRegions(width, height, 2, (i) => labels[i] !== 0, labels);
  const touching = new Uint8Array(regions.count + 1);
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) {
      if (y < ext || y >= height - ext || x < ext || x >= width - ext) touching[regions.labels[p]] = 1;
    }
  }
  for (let i = 0; i < out.length; i++) if (regions.labels[i] !== 0 && touching[regions.labels[i]]) out[i] = 0;
  return out;
}
