// Minimum enclosing circle of a set of integer points (pixel centres): the smallest circle containing
// every point, inside or on it. It is unique; CellProfiler (centrosome's `minimum_enclosing_circle`) finds
// it with Chrystal's algorithm over the convex hull of the pixel centres, here with Welzl's randomised
// incremental algorithm (Welzl 1991, in the iterative form of de Berg et al., "Computational Geometry",
// §4.7), expected linear time. The points are visited in a fixed pseudo-random order, so the result
// does not change from run to run.
//
// The decisions (is a point inside the circle through two or three others?) are made exactly on the
// integer coordinates (dot products and the incircle determinant stay below 2^53 for coordinates within
// ±4096 of each other), so ties, common on a pixel grid (the four corners of a rectangle, the tips of a
// plus), cannot make the search pick a wrong circle. Only the centre and radius of the final circle are
// rounded.

export interface EnclosingCircle {
  /** Centre, in the points' coordinates. */
  x: number;
  y: number;
  /** 0 for a single point; NaN for no point. */
  radius: number;
}

/** The circle with a and b on it as a diameter contains p (inside or on). */
function inDiameterCircle(p: number[], i: number, a: number, b: number): boolean {
  const px = p[2 * i], py = p[2 * i + 1];
  return (p[2 * a] - px) * (p[2 * b] - px) + (p[2 * a + 1] - py) * (p[2 * b + 1] - py) <= 0;
}

/** The circle through a, b and c contains p (inside or on), by the sign of the incircle determinant. */
function inCircumcircle(p: number[], i: number, a: number, b: number, c: number): boolean {
  const px = p[2 * i], py = p[2 * i + 1];
  const ax = p[2 * a] - px, ay = p[2 * a + 1] - py;
  const bx = p[2 * b] - px, by = p[2 * b + 1] - py;
  const cx = p[2 * c] - px, cy = p[2 * c + 1] - py;
  const det = (ax * ax + ay * ay) * (bx * cy - by * cx) - (bx * bx + by * by) * (ax * cy - ay * cx) + (cx * cx + cy * cy) * (ax * by - ay * bx);
  const orientation = (p[2 * b] - p[2 * a]) * (p[2 * c + 1] - p[2 * a + 1]) - (p[2 * b + 1] - p[2 * a + 1]) * (p[2 * c] - p[2 * a]);
  return det * orientation >= 0;
}

/** The smallest circle through 1, 2 or 3 support points, as a centre and radius. */
function circleOf(p: number[], support: number[]): EnclosingCircle {
  const [a, b, c] = support;
  const ax = p[2 * a], ay = p[2 * a + 1];
  if (support.length === 1) return { x: ax, y: ay, radius: 0 };
  const bx = p[2 * b] - ax, by = p[2 * b + 1] - ay;
  if (support.length === 2) return { x: ax + bx / 2, y: ay + by / 2, radius: Math.hypot(bx, by) / 2 };
  const cx = p[2 * c] - ax, cy = p[2 * c + 1] - ay;
  const d = 2 * (bx * cy - by * cx);
  if (d === 0) {
    // three collinear support points cannot occur with exact decisions; kept safe all the same
    const pairs: [number, number][] = [[a, b], [a, c], [b, c]];
    const far = pairs.reduce((best, q) => (dist2(p, q) > dist2(p, best) ? q : best));
    return circleOf(p, far);
  }
  const b2 = bx * bx + by * by;
  const c2 = cx * cx + cy * cy;
  const ux = (cy * b2 - by * c2) / d;
  const uy = (bx * c2 - cx * b2) / d;
  // the radius reaches the farthest support point, so rounding leaves none of them outside
  const radius = Math.max(Math.hypot(ux, uy), Math.hypot(ux - bx, uy - by), Math.hypot(ux - cx, uy - cy));
  return { x: ax + ux, y: ay + uy, radius };
}

function dist2(p: number[], [a, b]: [number, number]): number {
  return (p[2 * a] - p[2 * b]) ** 2 + (p[2 * a + 1] - p[2 * b + 1]) ** 2;
}

/** Fisher–Yates with a fixed xorshift32 generator: a reproducible "random" order. */
function shuffledOrder(n: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let state = 0x9e3779b9;
  for (let i = n - 1; i > 0; i--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/**
 * Minimum enclosing circle of integer points given as [x0, y0, x1, y1, …]; duplicates are allowed.
 * The decisions are exact for points within 4096 of each other (any larger set still gets its circle,
 * correct to rounding).
 */
export function minEnclosingCircle(points: ArrayLike<number>): EnclosingCircle {
  const n = points.length >> 1;
  if (n === 0) return { x: NaN, y: NaN, radius: NaN };
  const order = shuffledOrder(n);
  const p: number[] = new Array(2 * n);
  for (let k = 0; k < n; k++) {
    p[2 * k] = points[2 * order[k]];
    p[2 * k + 1] = points[2 * order[k] + 1];
  }
  // support: the points on the current circle (it is the smallest circle through them containing the
  // points visited so far); contains() tests a point against it exactly
  let support = [0];
  const contains = (i: number): boolean => {
    if (support.length === 1) return p[2 * i] === p[2 * support[0]] && p[2 * i + 1] === p[2 * support[0] + 1];
    if (support.length === 2) return inDiameterCircle(p, i, support[0], support[1]);
    return inCircumcircle(p, i, support[0], support[1], support[2]);
  };
  for (let i = 1; i < n; i++) {
    if (contains(i)) continue;
    // i lies on the circle of points 0..i
    support = [i];
    for (let j = 0; j < i; j++) {
      if (contains(j)) continue;
      // i and j lie on the circle of points 0..j and i
      support = [i, j];
      for (let k = 0; k < j; k++) {
        if (!contains(k)) support = [i, j, k];
      }
    }
  }
  return circleOf(p, support);
}
