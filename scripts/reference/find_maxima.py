"""Reference points for the find-maxima node (src/imaging/find-maxima.ts), computed with Debian's
scikit-image 0.19.3 / SciPy 1.10 / NumPy 1.24.

prominence: skimage.morphology.h_maxima(image, prominence), its 8-connected regions (the tops), each
            counted once at its pixel nearest the region's centroid (ties: first in raster order),
            highest value first (ties: raster order)
distance:   skimage.feature.peak_local_max(image, min_distance, threshold_abs, exclude_border)
Both then: threshold (value > threshold), border band dropped; 'dark' = the same on the negated image.

Writes test-data/reference/find-maxima/:
  cases.json        for each case: the image (a test-data file and plane, or an .npy here), the params
                    and the points as flat indices in order
  dsb256_gauss1.npy gaussian(dsb2018_256_uint8, sigma 1, preserve_range) as float32: a float32 input
  tiny.npy          a float64 image with plateaus: a 2×3 top, a ring-shaped top (its centroid is not on
                    it), two equal separate maxima, a maximum exactly `prominence` high

Run with /usr/bin/python3 (see README.md).
"""
import json
import pathlib

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage import filters, morphology
from skimage.feature import peak_local_max

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'find-maxima'


def prominence_points(img, h):
    tops = morphology.h_maxima(img, h)
    lab, n = ndi.label(tops, structure=np.ones((3, 3)))
    width = img.shape[1]
    points = []
    for r in range(1, n + 1):
        ys, xs = np.nonzero(lab == r)  # raster order
        d = (ys - ys.mean()) ** 2 + (xs - xs.mean()) ** 2
        k = int(np.argmin(d))  # the first of equal distances
        points.append(int(ys[k]) * width + int(xs[k]))
    flat = img.ravel()
    return sorted(points, key=lambda i: (-float(flat[i]), i))


def find(img, method, prominence=None, min_distance=None, threshold=None, border=0, objects='bright'):
    vals = img
    if objects == 'dark':
        vals = -(img.astype(np.float64) if np.issubdtype(img.dtype, np.integer) else img)
        threshold = None if threshold is None else -threshold
    height, width = img.shape
    if method == 'distance':
        p = peak_local_max(vals, min_distance=min_distance, threshold_abs=threshold, exclude_border=border if border else False)
        return [int(i) for i in np.ravel_multi_index(tuple(p.T), img.shape)] if len(p) else []
    flat = vals.ravel()
    out = []
    for i in prominence_points(vals, prominence):
        y, x = divmod(i, width)
        if threshold is not None and not flat[i] > threshold:
            continue
        if x < border or y < border or x >= width - border or y >= height - border:
            continue
        out.append(i)
    return out


def tiny():
    a = np.zeros((12, 14))
    a[1:3, 1:4] = 9           # a 2×3 plateau top
    a[6:11, 1:6] = 4          # a ring-shaped top of 7 around a lower centre
    a[7:10, 2:5] = 7
    a[8, 3] = 5
    a[2, 9] = a[2, 12] = 6    # two equal maxima
    a[8, 10] = 3              # exactly prominence 3 above the background
    a[9, 12] = 2.5            # below it
    return a


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    dsb256 = tifffile.imread(IMAGES / 'dsb2018_256_uint8.tif')
    dsb512 = tifffile.imread(IMAGES / 'dsb2018_512_uint16.tif')
    spots = tifffile.imread(IMAGES / 'xyz_16bit__spots.ome.tif')
    gauss = filters.gaussian(dsb256.astype(np.float32), sigma=1, preserve_range=True).astype(np.float32)
    np.save(OUT / 'dsb256_gauss1.npy', gauss)
    t = tiny()
    np.save(OUT / 'tiny.npy', t)
    images = {
        'dsb2018_256_uint8.tif': dsb256,
        'dsb2018_512_uint16.tif': dsb512,
        'xyz_16bit__spots.ome.tif#8': spots[8],
        'dsb256_gauss1.npy': gauss,
        'tiny.npy': t,
    }
    runs = [
        ('dsb2018_256_uint8.tif', dict(method='prominence', prominence=10)),
        ('dsb2018_256_uint8.tif', dict(method='prominence', prominence=40, threshold=60, border=4)),
        ('dsb2018_256_uint8.tif', dict(method='prominence', prominence=10, objects='dark')),
        ('dsb2018_256_uint8.tif', dict(method='distance', min_distance=3)),
        ('dsb2018_256_uint8.tif', dict(method='distance', min_distance=5, threshold=30, border=3)),
        ('dsb2018_256_uint8.tif', dict(method='distance', min_distance=4, threshold=20, objects='dark')),
        ('dsb2018_512_uint16.tif', dict(method='prominence', prominence=15)),
        ('dsb2018_512_uint16.tif', dict(method='distance', min_distance=6, threshold=25)),
        ('xyz_16bit__spots.ome.tif#8', dict(method='prominence', prominence=2000)),
        ('xyz_16bit__spots.ome.tif#8', dict(method='prominence', prominence=500, threshold=3000)),
        ('xyz_16bit__spots.ome.tif#8', dict(method='distance', min_distance=2, threshold=3000)),
        ('dsb256_gauss1.npy', dict(method='prominence', prominence=5)),
        ('dsb256_gauss1.npy', dict(method='prominence', prominence=0.75, objects='dark', border=2)),
        ('dsb256_gauss1.npy', dict(method='distance', min_distance=2)),
        ('tiny.npy', dict(method='prominence', prominence=3)),
        ('tiny.npy', dict(method='prominence', prominence=1)),
        ('tiny.npy', dict(method='prominence', prominence=1, threshold=4.5)),
        ('tiny.npy', dict(method='distance', min_distance=1)),
    ]
    cases = []
    for name, params in runs:
        points = find(images[name], **params)
        cases.append({'image': name, 'params': params, 'points': points})
        print(name, params, len(points))
    (OUT / 'cases.json').write_text(json.dumps(cases) + '\n')


if __name__ == '__main__':
    main()
