"""Reference for pipelines/illumination-correction.json, step by step with NumPy / SciPy / scikit-image.

The batch: the four 256×256 quarters of test-data/images/dsb2018_512_uint16.tif (q0 top left, q1 top
right, q2 bottom left, q3 bottom right), as the test writes them. batch-mean: np.mean(axis=0) in
float64 → float32. illumination-estimate: gaussian_filter(float64, sigma 40, mode nearest, truncate 4),
divided by its mean (summed in order, as cellgraph does) → float32. illumination-apply: image / estimate
in float64 → float32. Then as nuclei-count: gaussian_filter(float32, 2, nearest) → threshold_otsu →
value > t → binary_fill_holes → label (8-connected) → keep area >= 30. Writes
test-data/reference/illumination/quarters.json: per quarter the threshold, the count and the areas in
label order.
"""
import json
import pathlib

import numpy as np
import tifffile
from scipy import ndimage as ndi
from skimage.filters import threshold_otsu
from skimage.measure import label

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'test-data' / 'reference' / 'illumination'


def quarters(img):
    h, w = img.shape[0] // 2, img.shape[1] // 2
    return [img[:h, :w], img[:h, w:], img[h:, :w], img[h:, w:]]


def main():
    tiles = quarters(tifffile.imread(ROOT / 'test-data' / 'images' / 'dsb2018_512_uint16.tif'))
    mean = np.mean(np.stack(tiles), axis=0, dtype=np.float64).astype(np.float32)
    smooth = ndi.gaussian_filter(mean.astype(np.float64), 40, mode='nearest', truncate=4.0)
    divisor = np.cumsum(smooth.ravel())[-1] / smooth.size  # sequential sum, as cellgraph's loop
    estimate = (smooth / divisor).astype(np.float32)
    result = {}
    for i, tile in enumerate(tiles):
        corrected = (tile.astype(np.float64) / estimate.astype(np.float64)).astype(np.float32)
        blur = ndi.gaussian_filter(corrected, 2, mode='nearest', truncate=4.0)
        t = threshold_otsu(blur)
        lab = label(ndi.binary_fill_holes(blur > t), connectivity=2)
        areas = np.bincount(lab.ravel())[1:]
        kept = [int(a) for a in areas if a >= 30]
        result[f'q{i}'] = {'threshold': float(t), 'count': len(kept), 'areas': kept}
        print(f'q{i}: threshold {t:.6g}, {len(kept)} objects')
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / 'quarters.json').write_text(json.dumps(result) + '\n')


if __name__ == '__main__':
    main()
