// Shape from second-order central moments, as skimage 0.19's regionprops defines it (2-D, rows = axis 0).
//
// With mu_pq the central moments (p along rows, q along columns) and n = mu_00 the area, the inertia
// tensor is [[a, b], [b, c]] with a = mu_02 / n, b = -mu_11 / n, c = mu_20 / n (skimage's
// `inertia_tensor`: each diagonal entry is the second moment along the *other* axis). Its eigenvalues
// l1 >= l2 (clipped at 0) give major/minor axis lengths 4·sqrt(l), eccentricity sqrt(1 - l2 / l1), and
// orientation 0.5·atan2(-2b, c - a): the angle between the row axis and the major axis, counter-clockwise,
// in [-pi/2, pi/2] (+pi/2 for an exactly horizontal object, as skimage).
//
// One deliberate difference: when a = c exactly, skimage 0.19 returns +pi/4 for b >= 0 and -pi/4 for
// b < 0, the opposite of the limit of its own formula (scikit-image issue #6815, fixed in later
// releases: an exact down-right diagonal gives +pi/4). We return the limit (-pi/4 for b > 0, +pi/4 for
// b < 0), and +pi/4 when b = 0 too (a disk: every direction is a principal axis).
//
// The moments come in as exact integer numerators: nrr = n·Σdr² - (Σdr)², and the same for the columns
// and the cross term (dr, dc pixel offsets from any fixed origin). For objects below ~10^5 pixels in
// images below ~10^4 pixels wide these are exact in float64, so symmetric shapes give a = c and b = 0
// exactly, as in skimage.
import { atan2 } from '../libm'; // same bits in the browser as in `cellgraph run`

export interface InertiaShape {
  majorAxisLength: number;
  minorAxisLength: number;
  eccentricity: number;
  orientation: number;
}

export function inertiaShape(n: number, nrr: number, ncc: number, nrc: number): InertiaShape {
  const n2 = n * n;
  const a = ncc / n2;
  const b = -(nrc / n2);
  const c = nrr / n2;
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  const l1 = Math.max(mean + radius, 0);
  const l2 = Math.max(mean - radius, 0);
  let orientation: number;
  if (ncc === nrr) orientation = b > 0 ? -Math.PI / 4 : Math.PI / 4;
  else orientation = 0.5 * atan2(-2 * b, c - a);
  return {
    majorAxisLength: 4 * Math.sqrt(l1),
    minorAxisLength: 4 * Math.sqrt(l2),
    eccentricity: l1 === 0 ? 0 : Math.sqrt(1 - l2 / l1),
    orientation,
  };
}
