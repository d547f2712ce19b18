"""Reference for measure-objects' Zernike shape features: CellProfiler's MeasureObjectSizeShape
("Calculate the Zernike features?", AreaShape_Zernike_n_m), written independently with NumPy following the
steps of centrosome (centrosome.zernike.zernike, construct_zernike_polynomials, score_zernike,
get_zernike_indexes; centrosome.cpmorphology.minimum_enclosing_circle). centrosome is not needed.

Per object (label), with pixel centres at integer (row i, column j):
1. the convex hull of the pixel centres (monotone chain; collinear points dropped);
2. the minimum enclosing circle of the hull vertices by Chrystal's algorithm as centrosome runs it: S = the
   first two hull vertices; V = the other vertex with the smallest angle S0-V-S1; if that angle is >= 90
   degrees, S is a diameter; else if the angles at S0 and S1 are both <= 90 degrees, the circle through S0,
   S1 and V; else the vertex (S0 or S1) with the obtuse angle is replaced by V and the search repeats.
   One point: radius 0 (all features NaN, as centrosome's 0/0); two points: their midpoint. Each circle is
   checked against a brute-force minimum over all pairs and triples of hull vertices;
3. each pixel's offset from the centre divided by the radius: x = (j - cx)/r, y = (i - cy)/r, rho^2 = x^2 + y^2;
4. for n = 0..degree, m = n%2, n%2+2, .., n (get_zernike_indexes(degree + 1) order): the radial polynomial
   R_nm(rho) = sum_k (-1)^k (n-k)! / (k! ((n+m)/2-k)! ((n-m)/2-k)!) rho^(n-2k), computed as centrosome does:
   Horner's scheme in rho^2 for R_nm(rho) / rho^m, times (y + i x)^m, whose modulus is rho^m (centrosome's
   z = y + 1j*x; the modulus of the sum below is the same for x + i y);
5. feature = |sum over the object's pixels of R_nm (y + i x)^m| / (pi r^2).

centrosome also sets the term to 0 for pixels with rho^2 > 1. Every pixel centre lies in the enclosing circle,
so only pixels exactly on it can exceed 1, by a rounding error in the last bit, and whether they do depends on
the order of the floating-point operations (which hull vertex is S0, how the centre is computed). These
pixels are kept here (and in cellgraph); `strict_cutoff_pixels` counts, per object, the pixels that this
script's own centre and radius would have put at rho^2 > 1, to show how often CellProfiler's numbers can
differ from the exact definition by such a pixel.

Writes test-data/reference/measure/:
  zernike_shapes_labels.npy  synthetic shapes: the 101-px disk of centrosome's test, 1- and 2-pixel objects,
                             triangles, an L, a plus, a rotated ellipse, the L turned by 90 degrees
  zernike.json               per case (dsb256: the 65 annotated nuclei of dsb2018_256_uint8_mask.tif;
                             synthetic: synthetic_labels.npy from measure.py; shapes): labels, circle centre
                             (x = column, y = row) and radius, the features for degree 9 (and 14 for shapes),
                             null for NaN
Run with /usr/bin/python3 scripts/reference/zernike.py
"""
import itertools
import json
import math
import pathlib

import numpy as np
import tifffile
from skimage import draw

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'measure'


def zernike_indexes(degree):
    return [(n, m) for n in range(degree + 1) for m in range(n % 2, n + 1, 2)]


def radial_lut(n, m):
    """Coefficient of rho^(n-2k), k = 0..(n-m)/2, from factorials (as centrosome's lookup table)."""
    f = math.factorial
    return [(-1) ** k * f(n - k) / (f(k) * f((n + m) // 2 - k) * f((n - m) // 2 - k)) for k in range((n - m) // 2 + 1)]


def hull_vertices(points):
    """Monotone chain over (i, j) integer points; counter-clockwise in (i, j), collinear points dropped."""
    pts = sorted(set(map(tuple, points)))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def circumcircle(a, b, c):
    ax, ay = a
    bx, by = b[0] - ax, b[1] - ay
    cx, cy = c[0] - ax, c[1] - ay
    d = 2.0 * (bx * cy - by * cx)
    ux = (cy * (bx * bx + by * by) - by * (cx * cx + cy * cy)) / d
    uy = (bx * (cx * cx + cy * cy) - cx * (bx * bx + by * by)) / d
    return np.array([ax + ux, ay + uy]), math.hypot(ux, uy)


def angle_at(p, q, r):
    """Angle at p of the triangle p, q, r."""
    u = np.subtract(q, p, dtype=float)
    v = np.subtract(r, p, dtype=float)
    cos = np.dot(u, v) / math.sqrt(np.dot(u, u) * np.dot(v, v))
    return math.acos(max(-1.0, min(1.0, cos)))


def chrystal(hull):
    """Minimum enclosing circle of the hull vertices ((i, j) tuples): centre (i, j), radius."""
    h = [np.array(p, float) for p in hull]
    if len(h) == 1:
        return h[0], 0.0
    if len(h) == 2:
        return (h[0] + h[1]) / 2, float(np.linalg.norm(h[1] - h[0])) / 2
    s0, s1 = 0, 1
    for _ in range(10 * len(h) + 10):
        best = None
        for v in range(len(h)):
            if v in (s0, s1):
                continue
            at_s1 = angle_at(h[s1], h[s0], h[v])
            at_s0 = angle_at(h[s0], h[s1], h[v])
            at_v = math.pi - at_s0 - at_s1
            if best is None or at_v < best[0]:
                best = (at_v, v, at_s0, at_s1)
        at_v, v, at_s0, at_s1 = best
        if at_v >= math.pi / 2:
            return (h[s0] + h[s1]) / 2, float(np.linalg.norm(h[s0] - h[s1])) / 2
        if at_s0 <= math.pi / 2 and at_s1 <= math.pi / 2:
            return circumcircle(h[s0], h[s1], h[v])
        if at_s0 > math.pi / 2:
            s0 = v
        else:
            s1 = v
    raise RuntimeError('Chrystal did not converge')


def brute_force_radius(hull):
    h = np.array(hull, float)
    if len(h) == 1:
        return 0.0
    best = math.inf
    cands = [((h[a] + h[b]) / 2, np.linalg.norm(h[a] - h[b]) / 2) for a, b in itertools.combinations(range(len(h)), 2)]
    for a, b, c in itertools.combinations(range(len(h)), 3):
        cross = (h[b][0] - h[a][0]) * (h[c][1] - h[a][1]) - (h[b][1] - h[a][1]) * (h[c][0] - h[a][0])
        if cross != 0:
            cands.append(circumcircle(h[a], h[b], h[c]))
    for centre, radius in cands:
        if radius < best and np.all(np.linalg.norm(h - centre, axis=1) <= radius * (1 + 1e-12) + 1e-12):
            best = radius
    return float(best)


def object_features(ii, jj, degrees):
    hull = hull_vertices(np.column_stack((ii, jj)))
    centre, radius = chrystal(hull)
    brute = brute_force_radius(hull)
    assert abs(radius - brute) <= 1e-12 * max(1.0, brute), (radius, brute)
    out = {'center_x': float(centre[1]), 'center_y': float(centre[0]), 'radius': float(radius)}
    if radius == 0:
        for degree in degrees:
            out[degree] = [None] * len(zernike_indexes(degree))
        out['strict_cutoff_pixels'] = 0
        return out
    x = (jj.astype(float) - centre[1]) / radius
    y = (ii.astype(float) - centre[0]) / radius
    r2 = x * x + y * y
    assert np.all(r2 <= 1 + 1e-12)
    out['strict_cutoff_pixels'] = int(np.sum(r2 > 1))
    z = y + 1j * x
    area = math.pi * radius * radius
    for degree in degrees:
        values = []
        for n, m in zernike_indexes(degree):
            s = np.zeros_like(r2)
            for c in radial_lut(n, m):
                s = s * r2 + c
            term = s if m == 0 else s * z ** m
            total = np.sum(term)
            values.append(float(abs(total)) / area)
        out[degree] = values
    return out


def measure_case(labels, degrees):
    cols = {'label': [], 'center_x': [], 'center_y': [], 'radius': [], 'strict_cutoff_pixels': []}
    for degree in degrees:
        cols[f'degree_{degree}'] = []
    for lab in np.unique(labels[labels > 0]):
        ii, jj = np.nonzero(labels == lab)
        f = object_features(ii, jj, degrees)
        cols['label'].append(int(lab))
        for k in ('center_x', 'center_y', 'radius', 'strict_cutoff_pixels'):
            cols[k].append(f[k])
        for degree in degrees:
            cols[f'degree_{degree}'].append(f[degree])
    return cols


def shapes():
    lab = np.zeros((120, 240), np.int64)
    y, x = np.mgrid[-50:51, -50:51]
    lab[2:103, 2:103][x ** 2 + y ** 2 <= 2500] = 1                 # centrosome's test disk, radius 50
    lab[110, 5:7] = 2                                              # two pixels side by side
    lab[112, 10] = 3                                               # two pixels on a diagonal
    lab[113, 11] = 3
    lab[116, 20] = 4                                               # a single pixel: NaN
    rr, cc = draw.polygon([5, 30, 30], [110, 100, 135], shape=lab.shape)  # acute triangle
    lab[rr, cc] = 5
    rr, cc = draw.polygon([40, 46, 52], [105, 140, 108], shape=lab.shape)  # obtuse triangle
    lab[rr, cc] = 6
    ell = np.zeros((14, 10), bool)                                 # an L
    ell[:, :3] = True
    ell[-3:, :] = True
    lab[60:74, 110:120][ell] = 7
    lab[80:87, 113] = 8                                            # a plus: four cocircular tips
    lab[83, 110:117] = 8
    rr, cc = draw.ellipse(100, 150, 12, 5, shape=lab.shape, rotation=0.3)
    lab[rr, cc] = 9
    lab[60:70, 140:154][np.rot90(ell)] = 10                        # the L turned by 90 degrees
    rr, cc = draw.line(10, 170, 40, 230)                           # a 1-pixel-wide diagonal line
    lab[rr, cc] = 11
    lab[60:63, 180:230] = 12                                       # a long thin rectangle
    rr, cc = draw.disk((95, 205), 14, shape=lab.shape)             # a ring
    lab[rr, cc] = 13
    rr, cc = draw.disk((95, 205), 6, shape=lab.shape)
    lab[rr, cc] = 0
    return lab


def main():
    out = {'degree': 9, 'indexes': zernike_indexes(9), 'indexes_14': zernike_indexes(14), 'cases': {}}
    cases = {
        'dsb256': (tifffile.imread(IMAGES / 'dsb2018_256_uint8_mask.tif').astype(np.int64), [9]),
        'synthetic': (np.load(OUT / 'synthetic_labels.npy').astype(np.int64), [9]),
    }
    shape_labels = shapes()
    np.save(OUT / 'zernike_shapes_labels.npy', shape_labels.astype(np.uint16))
    cases['shapes'] = (shape_labels, [9, 14])
    for name, (labels, degrees) in cases.items():
        out['cases'][name] = measure_case(labels, degrees)
        drops = out['cases'][name]['strict_cutoff_pixels']
        print(f'{name}: {len(drops)} objects; strict rho^2 > 1 would drop a pixel in {sum(d > 0 for d in drops)} '
              f'({sum(drops)} pixels)')
    (OUT / 'zernike.json').write_text(json.dumps(out) + '\n')


if __name__ == '__main__':
    main()
