"""How well a plain scikit-image distance-transform watershed splits the hand-annotated DSB2018 nuclei
(test-data/images/dsb2018_*), to compare with pipelines/nuclei-declump.json.

Pipeline: gaussian(sigma) -> Otsu, or ('local-li-combined', what the pipeline does) a local Gaussian-mean
threshold with a block of about two object diameters floored at Li's global threshold (or, to separate
splitting from thresholding errors, the ground-truth foreground); with 'otsu-combined' the surface is distance × gaussian(image, 2), as the pipeline's method -> binary_fill_holes -> distance_transform_edt -> markers (peak_local_max
with min_distance per connected component, or h_maxima of height h) -> watershed(-distance, markers,
mask) -> remove objects < min_area px. Objects are matched to the ground truth when IoU > 0.5 (a
one-to-one matching, since IoU > 0.5 admits at most one partner); F1 = 2·TP / (n_pred + n_true).

Writes test-data/reference/segment/declump_f1.json. Run with /usr/bin/python3.
"""
import itertools
import json
import pathlib
import sys

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage import filters, measure, morphology, segmentation
from skimage.feature import peak_local_max

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'segment'
# the hand-annotated DSB2018 images, then two held-out NEUBIAS images with reference labels
CASES = ['dsb2018_256_uint8', 'dsb2018_512_uint16', 'nuclei_tubulin_dna', 'xy_8bit__mitocheck_incenp_t1']


def match_f1(pred, truth):
    """Objects with IoU > 0.5, F1 and counts."""
    p_ids, p_area = np.unique(pred[pred > 0], return_counts=True)
    t_ids, t_area = np.unique(truth[truth > 0], return_counts=True)
    both = (pred > 0) & (truth > 0)
    pairs, inter = np.unique(np.stack([pred[both], truth[both]]), axis=1, return_counts=True)
    pa = dict(zip(p_ids, p_area))
    ta = dict(zip(t_ids, t_area))
    tp = sum(1 for (p, t), i in zip(pairs.T, inter) if i / (pa[p] + ta[t] - i) > 0.5)
    return {'tp': int(tp), 'n_pred': int(len(p_ids)), 'n_true': int(len(t_ids)),
            'f1': 2 * tp / (len(p_ids) + len(t_ids))}


def typical_radius(mask):
    """Median over the 8-connected objects of their largest distance to the background."""
    comps = measure.label(mask, connectivity=2)
    return np.median(ndi.maximum(ndi.distance_transform_edt(mask), comps, np.arange(1, comps.max() + 1)))


def local_li_foreground(smooth):
    """local-threshold with block 0 (automatic) and floor li: value > Gaussian local mean over a block of
    2·round(2·r) + 1 px, r the typical radius of the objects above Li's threshold, and > Li's threshold."""
    li = filters.threshold_li(smooth)
    block = 2 * int(np.floor(2 * typical_radius(smooth > li) + 0.5)) + 1
    return (smooth > filters.threshold_local(smooth, block, method='gaussian')) & (smooth > li)


def declump(image, sigma, min_distance, h, min_area, truth=None, combined=False, local=False):
    smooth = filters.gaussian(image.astype(np.float32), sigma=sigma, preserve_range=True)
    if truth is not None:
        mask = truth > 0
    else:
        mask = ndi.binary_fill_holes(local_li_foreground(smooth) if local else smooth > filters.threshold_otsu(smooth))
    distance = ndi.distance_transform_edt(mask)
    comps = measure.label(mask, connectivity=2)
    if combined:  # watershed-declump's method combined: distance × the image smoothed with sigma 2
        distance = distance * filters.gaussian(image.astype(np.float32), sigma=2, preserve_range=True)
    if min_distance == 'auto':  # watershed-declump's automatic min_distance: 3/4 (1/2 combined) of the median radius
        radius = np.median(ndi.maximum(ndi.distance_transform_edt(mask), comps, np.arange(1, comps.max() + 1)))
        min_distance = max(1, int(round((0.5 if combined else 0.75) * radius)))
    if h:
        markers = ndi.label(morphology.h_maxima(distance, h), structure=np.ones((3, 3)))[0]
    else:
        peaks = peak_local_max(distance, min_distance=min_distance, labels=comps, exclude_border=False)
        m = np.zeros(mask.shape, bool)
        m[tuple(peaks.T)] = True
        markers = ndi.label(m)[0]
    labels = segmentation.watershed(-distance, markers, mask=mask, connectivity=2)
    return morphology.remove_small_objects(labels, min_area)


def main():
    images = {c: (tifffile.imread(IMAGES / f'{c}.tif'), tifffile.imread(IMAGES / f'{c}_mask.tif')) for c in CASES}
    results = []
    for foreground, sigma, md, h, min_area in itertools.chain(
            [('local-li-combined', 1, 'auto', 0, 10)],  # what pipelines/nuclei-declump.json does
            [('otsu-combined', 2, 'auto', 0, 10)],  # its previous foreground: global Otsu
            [('otsu', 2, 'auto', 0, 10)],  # the same with method shape
            itertools.product(['otsu'], [1, 2], [3, 5, 7, 9], [0], [0, 15]),
            itertools.product(['otsu'], [1, 2], [0], [0.5, 1, 2, 3], [0, 15]),
            itertools.product(['truth'], [2], [3, 5, 7, 'auto'], [0], [0])):
        row = {'foreground': foreground, 'sigma': sigma, 'min_distance': md, 'h': h, 'min_area': min_area}
        for c, (img, gt) in images.items():
            row[c] = match_f1(declump(img, sigma, md, h, min_area, gt if foreground == 'truth' else None,
                                      foreground.endswith('combined'), foreground.startswith('local')), gt)
        results.append(row)
        print(foreground, sigma, md, h, min_area, ' '.join(f"{c[:11]} f1={row[c]['f1']:.3f} n={row[c]['n_pred']}/{row[c]['n_true']}"
                                               for c in CASES), file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / 'declump_f1.json').write_text(json.dumps(results, indent=1) + '\n')


if __name__ == '__main__':
    main()
