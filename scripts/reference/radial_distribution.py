"""Reference for measure-radial-distribution: the same definitions written independently with NumPy/SciPy
(scikit-image has no radial distribution; CellProfiler's MeasureObjectIntensityDistribution is the model),
with 4 rings.

Per object: d_edge = scipy.ndimage.distance_transform_edt of the object alone inside its bounding box grown
by one pixel where the image goes on; d_centre = Dijkstra from the centre(s) through the object's pixels,
steps 1 and sqrt(2); ring = min(N-1, floor(N * d_centre / (d_centre + d_edge))); FracAtD, MeanFrac and
RadialCV (8 wedges by the signs of dy, dx and |dy| > |dx| around the pixel's centre point, population
std / mean of the wedges' mean intensities) as CellProfiler defines them.

The centre:
- own ("These objects"): the first (raster order) pixel of largest d_edge.
- points ("Centers of other objects"): each centre object's centroid (scipy.ndimage.center_of_mass, rounded
  half up) seeds the object it lies in; a pixel takes the nearest seed (the lowest label on a tie).
- edges ("Edges of other objects"): the centre objects' pixels inside the object are the seeds (and are
  left out of the sums); a pixel's wedges turn around the centroid point of the centre object it is
  nearest to.
Pixels no seed reaches: in a straight line from the centroid point nearest the object's centroid (left out
when the image has no centre object).

Real data:
- radial_distribution.json: the hand-annotated DSB2018 256 image's nuclei (touching ones included), own centre.
- radial_distribution_centres.json: the cells and nuclei of the two-channel NEUBIAS crop as the cellgraph
  tests' scikit-image reference segments them (test-data/reference/segment/cells_*.npy, written by
  segment_secondary.py), tubulin, from the nuclei's points and edges; and the same nuclei in the 8-connected
  components of the cell mask (radial_mask_components.npy, written here), where some components hold two
  nuclei or none.
Run with /usr/bin/python3.
"""
import heapq
import json
import math
import pathlib

import numpy as np
import scipy.ndimage as ndi
import tifffile

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
SEGMENT = ROOT / 'test-data' / 'reference' / 'segment'
OUT = ROOT / 'test-data' / 'reference' / 'measure'
BINS = 4


def path_lengths(inside, seeds):
    """Shortest 8-connected path lengths (steps 1 and sqrt 2) from any of the seed pixels, through `inside`."""
    dist = np.full(inside.shape, np.inf)
    heap = []
    for s in seeds:
        dist[s] = 0
        heap.append((0.0, s))
    heapq.heapify(heap)
    while heap:
        d, (cy, cx) = heapq.heappop(heap)
        if d > dist[cy, cx]:
            continue
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                yy, xx = cy + dy, cx + dx
                if (dy or dx) and 0 <= yy < inside.shape[0] and 0 <= xx < inside.shape[1] and inside[yy, xx]:
                    nd = d + (math.sqrt(2) if dy and dx else 1.0)
                    if nd < dist[yy, xx]:
                        dist[yy, xx] = nd
                        heapq.heappush(heap, (nd, (yy, xx)))
    return dist


def centre_points(centres):
    """Centre object ids (ascending) and their centroids rounded half up, as (row, col) arrays."""
    ids = np.unique(centres[centres > 0])
    if len(ids) == 0:
        return ids, np.zeros(0, int), np.zeros(0, int)
    com = np.array(ndi.center_of_mass(np.ones(centres.shape), centres, ids)).reshape(-1, 2)
    return ids, np.floor(com[:, 0] + 0.5).astype(int), np.floor(com[:, 1] + 0.5).astype(int)


def origin_other(labels, label, box, inside, centres, mode, points):
    """Per pixel of the box: d_centre, the centre point's row and column, and whether it is measured."""
    y0, x0 = box
    ids, py, px = points
    sub = centres[y0:y0 + inside.shape[0], x0:x0 + inside.shape[1]]
    if mode == 'points':
        mine = [c for c in range(len(ids)) if labels[py[c], px[c]] == label]
        seeds = {c: [(py[c] - y0, px[c] - x0)] for c in mine}
    else:
        seeds = {}
        for c, cid in enumerate(ids):
            ys, xs = np.nonzero(inside & (sub == cid))
            if len(ys):
                seeds[c] = list(zip(ys.tolist(), xs.tolist()))
    order = sorted(seeds)
    if order:
        stack = np.stack([path_lengths(inside, seeds[c]) for c in order])
        dist = stack.min(axis=0)
        owner = np.array(order)[stack.argmin(axis=0)]
    else:
        dist = np.full(inside.shape, np.inf)
        owner = np.zeros(inside.shape, int)
    measured = inside.copy()
    lost = inside & np.isinf(dist)
    if lost.any():
        if len(ids) == 0:
            measured &= ~lost
        else:
            ys, xs = np.nonzero(labels == label)
            my, mx = ys.mean(), xs.mean()
            best = int(np.argmin((py - my) ** 2 + (px - mx) ** 2))
            iy, ix = np.nonzero(lost)
            dist[iy, ix] = np.sqrt((iy + y0 - py[best]) ** 2 + (ix + x0 - px[best]) ** 2)
            owner[iy, ix] = best
    if mode == 'edges':
        measured &= sub == 0
    if len(ids) == 0:
        return dist, owner, owner, measured
    return dist, py[owner] - y0, px[owner] - x0, measured


def measure(labels, image, bins, centres=None, mode=None):
    h, w = labels.shape
    points = centre_points(centres) if centres is not None else None
    rows = []
    for label in np.unique(labels[labels > 0]):
        ys, xs = np.nonzero(labels == label)
        y0, y1 = max(0, ys.min() - 1), min(h - 1, ys.max() + 1)
        x0, x1 = max(0, xs.min() - 1), min(w - 1, xs.max() + 1)
        inside = labels[y0:y1 + 1, x0:x1 + 1] == label
        edge = ndi.distance_transform_edt(inside)
        if centres is None:
            centre = np.unravel_index(np.argmax(np.where(inside, edge, -1)), inside.shape)
            dist = path_lengths(inside, [centre])
            cy = np.full(inside.shape, centre[0])
            cx = np.full(inside.shape, centre[1])
            measured = inside
        else:
            dist, cy, cx, measured = origin_other(labels, label, (y0, x0), inside, centres, mode, points)
        with np.errstate(invalid='ignore'):
            r = dist[measured] / (dist[measured] + edge[measured])
            ring = np.minimum(bins - 1, np.floor(r * bins).astype(int))
        values = image[y0:y1 + 1, x0:x1 + 1][measured].astype(np.float64)
        iy, ix = np.nonzero(measured)
        dy, dx = iy - cy[measured], ix - cx[measured]
        wedge = (dy > 0) * 1 + (dx > 0) * 2 + (np.abs(dy) > np.abs(dx)) * 4
        total = values.sum()
        frac, mean_frac, cv = [], [], []
        for b in range(bins):
            sel = ring == b
            f = values[sel].sum() / total if total else None
            frac.append(float(f) if f is not None else None)
            mean_frac.append(float(f / (sel.sum() / len(values))) if sel.any() else None)
            means = [values[sel & (wedge == q)].mean() for q in range(8) if (sel & (wedge == q)).any()]
            cv.append(float(np.std(means) / np.mean(means)) if means else None)
        rows.append({'label': int(label), 'frac_at_d': frac, 'mean_frac': mean_frac, 'radial_cv': cv})
    return rows


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    labels = tifffile.imread(IMAGES / 'dsb2018_256_uint8_mask.tif')
    image = tifffile.imread(IMAGES / 'dsb2018_256_uint8.tif')
    rows = measure(labels, image, BINS)
    (OUT / 'radial_distribution.json').write_text(json.dumps({'bins': BINS, 'objects': rows}) + '\n')
    print(len(rows), rows[0])

    nuclei = np.load(SEGMENT / 'cells_nuclei.npy')
    cells = np.load(SEGMENT / 'cells_watershed-gradient.npy')
    tubulin = np.load(SEGMENT / 'cells_tubulin.npy')
    components = ndi.label(np.load(SEGMENT / 'cells_mask.npy') > 0, structure=np.ones((3, 3)))[0].astype(np.uint16)
    np.save(OUT / 'radial_mask_components.npy', components)
    cases = []
    for objects, name in ((cells, 'cells_watershed-gradient.npy'), (components, 'radial_mask_components.npy')):
        for mode in ('points', 'edges'):
            rows = measure(objects, tubulin, BINS, nuclei, mode)
            cases.append({'labels': name, 'from': mode, 'objects': rows})
            print(name, mode, len(rows), rows[0])
    (OUT / 'radial_distribution_centres.json').write_text(json.dumps({'bins': BINS, 'cases': cases}) + '\n')


if __name__ == '__main__':
    main()
