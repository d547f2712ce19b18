"""Exploration (not a reference fixture): the baseline issue 4 quotes ("a plain scikit-image
distance-transform watershed reaches about 0.9"), measured on the two hand-annotated DSB2018 images:
global threshold (Otsu or Li) of the image (optionally Gaussian-smoothed), fill holes, exact Euclidean
distance transform, skimage.feature.peak_local_max(min_distance, labels=connected regions) as markers,
skimage.segmentation.watershed(-distance, markers, mask), objects under 10 px dropped. Prints F1 (IoU > 0.5)
and found/true counts for each setting.

Measured 2026-11-25 (scikit-image 0.19.3): the best setting per image is 0.826 56/65 (256 image, Otsu,
sigma 2, min_distance 4) and 0.763 132/125 (512 image, Li, no smoothing, min_distance 5); no setting
reaches 0.85 on either image, and none is best on both. pipelines/nuclei-declump.json gives 0.846 58/65
and 0.877 128/125 with one setting for both.
Run with /usr/bin/python3 from the project root.
"""
import sys
import pathlib

import numpy as np
import scipy.ndimage as ndi
from skimage import filters, measure, morphology, segmentation
from skimage.feature import peak_local_max

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from declump_sweep import load_cases, match_f1  # noqa: E402


def main():
    cases = load_cases()
    for name in ['dsb2018_256_uint8', 'dsb2018_512_uint16']:
        img, truth = cases[name]
        for method in ['otsu', 'li']:
            for sigma in [0, 1, 2]:
                im = filters.gaussian(img.astype(float), sigma, preserve_range=True) if sigma else img.astype(float)
                mask = ndi.binary_fill_holes(im > getattr(filters, 'threshold_' + method)(im))
                dist = ndi.distance_transform_edt(mask)
                regions = measure.label(mask)
                row = []
                for md in [2, 3, 4, 5, 7, 10]:
                    peaks = peak_local_max(dist, min_distance=md, labels=regions, exclude_border=False)
                    markers = np.zeros(mask.shape, int)
                    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
                    objects = morphology.remove_small_objects(segmentation.watershed(-dist, markers, mask=mask), 10)
                    _, found, true, f1 = match_f1(objects, truth)
                    row.append(f'md{md}:{f1:.3f} {found}/{true}')
                print(name, method, sigma, ' '.join(row))


if __name__ == '__main__':
    main()
