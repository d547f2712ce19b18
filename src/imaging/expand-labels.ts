// Grow labels into the background without overlap, as skimage.segmentation.expand_labels
// (scikit-image 0.19): every background pixel within Euclidean distance `distance` (≤) of a labelled
// pixel takes the label of the nearest labelled pixel, found with SciPy's exact feature transform
// (so equidistant ties go to the same label as in skimage).
import { featureTransform, distancesFromFeatures } from './distance-transform';

export function expandLabels(labels: Uint32Array, width: number, height: number, distance: number): Uint32Array {
  const background = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) background[i] = labels[i] === 0 ? 1 : 0;
  const ft = featureTransform(background, width, height);
  const dist = distancesFromFeatures(ft, width, height);
  const out = new Uint32Array(labels.length);
  for (let i = 0; i < out.length; i++) {
    // rows < 0 only when the image has no label at all (SciPy's feature then points outside)
    if (dist[i] <= distance && ft.rows[i] >= 0) out[i] = labels[ft.rows[i] * width + ft.cols[i]];
  }
  return out;
}
