"""Reference for pipelines/nuclei-count.json, step by step with SciPy / scikit-image 0.19.3.

load (gray) -> gaussian_filter(sigma 2, mode nearest, truncate 4, float32) -> threshold_otsu ->
value > t -> binary_fill_holes -> label (8-connectivity) -> keep 30 <= area -> renumber ->
regionprops(labels, intensity_image=loaded image). Writes test-data/reference/nuclei-count/<image>.csv
with the columns cellgraph's measure-objects writes (pixel units), and summary.json (count, threshold).
Also makes the synthetic nuclei image test-data/synthetic/synthetic_nuclei.tif whose truth is known.
"""
import json
import pathlib

import numpy as np
import tifffile
from scipy import ndimage as ndi
from skimage.draw import ellipse
from skimage.filters import threshold_otsu
from skimage.measure import label, regionprops

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'nuclei-count'
SYNTH = ROOT / 'test-data' / 'synthetic'

REAL = [
    'dsb2018_256_uint8.tif',
    'dsb2018_512_uint16.tif',
    'blobs.tif',
    'xy_8bit__mitocheck_incenp_t1.tif',
    'xy_16bit_calibrated__nuclei_various_shapes.tif',
]


def synthetic_nuclei():
    """40 elliptic nuclei of known position on an uneven, noisy background (uint16, seed 7)."""
    rng = np.random.default_rng(7)
    h, w = 300, 400
    img = np.full((h, w), 400.0)
    img += np.linspace(0, 150, w)[None, :]  # a gentle illumination gradient
    truth = np.zeros((h, w), np.uint16)
    n = 0
    attempts = 0
    while n < 40 and attempts < 5000:
        attempts += 1
        r, c = rng.uniform(15, h - 15), rng.uniform(15, w - 15)
        a, b = rng.uniform(6, 12), rng.uniform(5, 9)
        rr, cc = ellipse(r, c, a, b, shape=(h, w), rotation=rng.uniform(0, np.pi))
        grown = ndi.binary_dilation(truth > 0, iterations=4)
        if grown[rr, cc].any():
            continue
        n += 1
        truth[rr, cc] = n
        img[rr, cc] += rng.uniform(900, 1600)
    img = ndi.gaussian_filter(img, 1.0)
    img += rng.normal(0, 40, img.shape)
    img = np.clip(np.round(img), 0, 65535).astype(np.uint16)
    return img, truth


def run(img):
    gray = img
    if img.ndim == 3 and img.shape[-1] in (3, 4):
        gray = (0.2125 * img[..., 0] + 0.7154 * img[..., 1] + 0.0721 * img[..., 2]).astype(np.float32)
    blur = ndi.gaussian_filter(gray.astype(np.float32), 2, mode='nearest', truncate=4.0)
    t = threshold_otsu(blur)
    mask = ndi.binary_fill_holes(blur > t)
    lab = label(mask, connectivity=2)
    areas = np.bincount(lab.ravel())
    keep = areas >= 30
    keep[0] = False
    new = np.zeros(len(areas), np.int64)
    new[keep] = np.arange(1, keep.sum() + 1)
    lab = new[lab]
    rows = []
    for p in regionprops(lab, intensity_image=gray):
        (r0, c0, r1, c1) = p.bbox
        cy, cx = p.centroid
        vals = gray[p.coords[:, 0], p.coords[:, 1]].astype(np.float64)
        rows.append([
            p.label, p.area, cx, cy, c0, r0, c1, r1, p.perimeter, p.eccentricity, p.solidity,
            p.orientation, p.major_axis_length, p.minor_axis_length, p.equivalent_diameter,
            p.mean_intensity, p.min_intensity, p.max_intensity, vals.sum(),
        ])
    return float(t), int(keep.sum()), rows


COLUMNS = ['label', 'area', 'centroid_x', 'centroid_y', 'bbox_min_x', 'bbox_min_y', 'bbox_max_x', 'bbox_max_y',
           'perimeter', 'eccentricity', 'solidity', 'orientation', 'major_axis_length', 'minor_axis_length',
           'equivalent_diameter', 'mean_intensity', 'min_intensity', 'max_intensity', 'integrated_intensity']


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    SYNTH.mkdir(parents=True, exist_ok=True)
    img, truth = synthetic_nuclei()
    tifffile.imwrite(SYNTH / 'synthetic_nuclei.tif', img)
    tifffile.imwrite(SYNTH / 'synthetic_nuclei_truth.tif', truth)
    summary = {}
    for name in REAL + ['synthetic_nuclei.tif']:
        path = IMAGES / name if name in REAL else SYNTH / name
        t, count, rows = run(tifffile.imread(path))
        summary[name] = {'threshold': t, 'count': count}
        with open(OUT / (pathlib.Path(name).stem + '.csv'), 'w') as f:
            f.write(','.join(COLUMNS) + '\n')
            for r in rows:
                f.write(','.join(repr(float(v)) if isinstance(v, (float, np.floating)) else str(int(v)) for v in r) + '\n')
        print(f'{name}: threshold {t:.6g}, {count} objects')
    summary['synthetic_nuclei.tif']['true_count'] = int(truth.max())
    (OUT / 'summary.json').write_text(json.dumps(summary, indent=1) + '\n')


if __name__ == '__main__':
    main()
