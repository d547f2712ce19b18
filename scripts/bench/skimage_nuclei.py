"""Times the nuclei-count steps in scikit-image/SciPy, the counterpart of bench/nuclei-count.bench.ts:
each step on the real 512x512 uint16 DSB2018 image, then the whole pipeline per image and over the
batch of 6 images (5 real + synthetic) the CLI tests use. Prints the median of several runs, in ms.
The steps are those of scripts/reference/nuclei_count.py (the reference the CLI output must equal).

    /usr/bin/python3 scripts/bench/skimage_nuclei.py [--runs N]
    /usr/bin/python3 scripts/bench/skimage_nuclei.py --batch-once [FOLDER]   # for wall-time.sh
"""
import argparse
import pathlib
import statistics
import time

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage.filters import threshold_otsu
from skimage.measure import label, regionprops

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
BATCH = [IMAGES / n for n in ['dsb2018_256_uint8.tif', 'dsb2018_512_uint16.tif', 'blobs.tif',
                              'xy_8bit__mitocheck_incenp_t1.tif', 'xy_16bit_calibrated__nuclei_various_shapes.tif']]
BATCH.append(ROOT / 'test-data' / 'synthetic' / 'synthetic_nuclei.tif')


def median_ms(fn, runs):
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def blur(gray):
    return ndi.gaussian_filter(gray.astype(np.float32), 2, mode='nearest', truncate=4.0)


def filter_objects(lab, min_area=30):
    areas = np.bincount(lab.ravel())
    keep = areas >= min_area
    keep[0] = False
    new = np.zeros(len(areas), np.int64)
    new[keep] = np.arange(1, keep.sum() + 1)
    return new[lab]


def measure(lab, gray):
    rows = []
    for p in regionprops(lab, intensity_image=gray):
        (r0, c0, r1, c1) = p.bbox
        cy, cx = p.centroid
        vals = gray[p.coords[:, 0], p.coords[:, 1]].astype(np.float64)
        rows.append([p.label, p.area, cx, cy, c0, r0, c1, r1, p.perimeter, p.eccentricity, p.solidity,
                     p.orientation, p.major_axis_length, p.minor_axis_length, p.equivalent_diameter,
                     p.mean_intensity, p.min_intensity, p.max_intensity, vals.sum()])
    return rows


def pipeline(path):
    img = tifffile.imread(path)
    gray = img
    if img.ndim == 3 and img.shape[-1] in (3, 4):
        gray = (0.2125 * img[..., 0] + 0.7154 * img[..., 1] + 0.0721 * img[..., 2]).astype(np.float32)
    b = blur(gray)
    t = threshold_otsu(b)
    lab = filter_objects(label(ndi.binary_fill_holes(b > t), connectivity=2))
    return measure(lab, gray)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--runs', type=int, default=30)
    parser.add_argument('--batch-once', nargs='?', const='', metavar='FOLDER',
                        help='process the batch (or every .tif in FOLDER, sorted) once and exit, '
                             'for timing the whole process, imports included')
    args = parser.parse_args()
    if args.batch_once is not None:
        for p in sorted(pathlib.Path(args.batch_once).glob('*.tif')) if args.batch_once else BATCH:
            pipeline(p)
        return
    runs = args.runs
    path = IMAGES / 'dsb2018_512_uint16.tif'
    img = tifffile.imread(path)
    b = blur(img)
    t = threshold_otsu(b)
    mask = b > t
    filled = ndi.binary_fill_holes(mask)
    lab = label(filled, connectivity=2)
    kept = filter_objects(lab)
    steps = [
        ('decode TIFF (tifffile)', lambda: tifffile.imread(path)),
        ('gaussian sigma 2 (float32 out)', lambda: blur(img)),
        ('threshold otsu (value)', lambda: threshold_otsu(b)),
        ('threshold apply (mask)', lambda: b > t),
        ('fill holes', lambda: ndi.binary_fill_holes(mask)),
        ('label 8-connected', lambda: label(filled, connectivity=2)),
        ('filter objects min_area 30', lambda: filter_objects(lab)),
        ('measure objects (19 regionprops columns)', lambda: measure(kept, img)),
        ('whole pipeline, dsb2018_512_uint16.tif', lambda: pipeline(path)),
    ]
    print(f'scikit-image nuclei-count, median of {runs} runs (ms)')
    for name, fn in steps:
        print(f'  {name:45s} {median_ms(fn, runs):9.3f}')
    batch_runs = max(5, runs // 3)
    print(f'  {"batch of 6 images, one thread":45s} {median_ms(lambda: [pipeline(p) for p in BATCH], batch_runs):9.3f}'
          f'  (median of {batch_runs})')


if __name__ == '__main__':
    main()
