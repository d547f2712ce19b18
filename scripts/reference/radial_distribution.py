"""Reference for measure-radial-distribution: the same definitions written independently with NumPy/SciPy
(scikit-image has no radial distribution; CellProfiler's MeasureObjectIntensityDistribution is the model),
on the hand-annotated DSB2018 256 image's nuclei (touching ones included) with 4 rings.

Per object: d_edge = scipy.ndimage.distance_transform_edt of the object alone inside its bounding box grown
by one pixel where the image goes on; centre = first (raster order) pixel of largest d_edge; d_centre =
Dijkstra from the centre through the object's pixels, steps 1 and sqrt(2); ring = min(N-1, floor(N *
d_centre / (d_centre + d_edge))); FracAtD, MeanFrac and RadialCV (8 wedges by the signs of dy, dx and
|dy| > |dx|, population std / mean of the wedges' mean intensities) as CellProfiler defines them.
Writes test-data/reference/measure/radial_distribution.json. Run with /usr/bin/python3.
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
OUT = ROOT / 'test-data' / 'reference' / 'measure'
BINS = 4


def measure(labels, image, bins):
    h, w = labels.shape
    rows = []
    for label in np.unique(labels[labels > 0]):
        ys, xs = np.nonzero(labels == label)
        y0, y1 = max(0, ys.min() - 1), min(h - 1, ys.max() + 1)
        x0, x1 = max(0, xs.min() - 1), min(w - 1, xs.max() + 1)
        inside = labels[y0:y1 + 1, x0:x1 + 1] == label
        edge = ndi.distance_transform_edt(inside)
        centre = np.unravel_index(np.argmax(np.where(inside, edge, -1)), inside.shape)
        dist = np.full(inside.shape, np.inf)
        dist[centre] = 0
        heap = [(0.0, centre)]
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
        r = dist[inside] / (dist[inside] + edge[inside])
        ring = np.minimum(bins - 1, np.floor(r * bins).astype(int))
        values = image[y0:y1 + 1, x0:x1 + 1][inside].astype(np.float64)
        iy, ix = np.nonzero(inside)
        dy, dx = iy - centre[0], ix - centre[1]
        wedge = (dy > 0) * 1 + (dx > 0) * 2 + (np.abs(dy) > np.abs(dx)) * 4
        total = values.sum()
        frac, mean_frac, cv = [], [], []
        for b in range(bins):
            sel = ring == b
            f = values[sel].sum() / total
            frac.append(float(f))
            mean_frac.append(float(f / (sel.sum() / len(values))) if sel.any() else None)
            means = [values[sel & (wedge == q)].mean() for q in range(8) if (sel & (wedge == q)).any()]
            cv.append(float(np.std(means) / np.mean(means)) if means else None)
        rows.append({'label': int(label), 'frac_at_d': frac, 'mean_frac': mean_frac, 'radial_cv': cv})
    return rows


def main():
    labels = tifffile.imread(IMAGES / 'dsb2018_256_uint8_mask.tif')
    image = tifffile.imread(IMAGES / 'dsb2018_256_uint8.tif')
    OUT.mkdir(parents=True, exist_ok=True)
    rows = measure(labels, image, BINS)
    (OUT / 'radial_distribution.json').write_text(json.dumps({'bins': BINS, 'objects': rows}) + '\n')
    print(len(rows), rows[0])


if __name__ == '__main__':
    main()
