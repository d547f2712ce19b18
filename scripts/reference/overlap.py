"""Reference for measure-overlap: a segmentation scored against hand-annotated ground truth.

Cases: the DSB2018 nuclei (test-data/images/dsb2018_{256_uint8,512_uint16}_mask.tif, from StarDist's test
data) against a plain scikit-image segmentation of the same image, measure.label(gaussian(image, 1) >
threshold_otsu(...)) (8-connected; it merges touching nuclei), and two random tilings of 64 × 64 pixels
(nearest of random seeds, with a background) whose objects overlap many others, so that low IoU thresholds
need an optimal assignment.

Numbers, per case:
  pixels        numpy counts of foreground (label > 0) in both / segmentation only / truth only / neither
  objects       per IoU threshold, StarDist's matching() rule written out here: the IoU matrix of all
                (true, segmented) object pairs, scipy.optimize.linear_sum_assignment on the costs
                -(iou >= t) - iou / (2 min(n_true, n_pred)), pairs kept when iou >= t; the number of pairs and
                the mean IoU of the kept pairs. For t > 0.5 checked against counting all pairs with iou >= t.
  adapted_rand  skimage.metrics.adapted_rand_error(truth, segmentation) (error, precision, recall)
  vi            skimage.metrics.variation_of_information(truth, segmentation) (splits, merges), in bits
Tiny cases (lists of rows) with skimage's adapted Rand error and VI, including scikit-image issue #6485's.
NaN (0/0 in numpy) is written as null.

Writes test-data/reference/measure/overlap.json and overlap_<case>_segmentation.npy, overlap_<case>_truth.npy
(the random tilings; the DSB truths are read from the TIFFs). Run with /usr/bin/python3
(scikit-image 0.19.3, SciPy 1.10).
"""
import json
import math
import pathlib
import warnings

import numpy as np
import tifffile
from scipy.optimize import linear_sum_assignment
from skimage import filters, measure
from skimage.metrics import adapted_rand_error, variation_of_information

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'measure'
THRESHOLDS = [0.1, 0.3, 0.5, 0.7, 0.9]


def number(x):
    x = float(x)
    return None if math.isnan(x) else x


def otsu_objects(image):
    smooth = filters.gaussian(image.astype(np.float64), sigma=1, preserve_range=True)
    return measure.label(smooth > filters.threshold_otsu(smooth))


def random_tiling(rng, shape, seeds, background):
    """Each pixel takes the label of its nearest random seed; pixels far from every seed are background."""
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]]
    pts = rng.uniform(0, shape[0], (seeds, 2))
    d = np.hypot(yy[..., None] - pts[:, 0], xx[..., None] - pts[:, 1])
    labels = np.argmin(d, axis=2) + 1
    labels[np.min(d, axis=2) > background] = 0
    return measure.label(labels, background=0, connectivity=1)  # one object per connected piece


def iou_matrix(truth, seg):
    t_ids = np.unique(truth[truth > 0])
    s_ids = np.unique(seg[seg > 0])
    t_index = np.searchsorted(t_ids, truth)
    s_index = np.searchsorted(s_ids, seg)
    both = (truth > 0) & (seg > 0)
    inter = np.zeros((len(t_ids), len(s_ids)))
    np.add.at(inter, (t_index[both], s_index[both]), 1)
    t_area = np.array([np.count_nonzero(truth == i) for i in t_ids], float)
    s_area = np.array([np.count_nonzero(seg == i) for i in s_ids], float)
    return inter / (t_area[:, None] + s_area[None, :] - inter)


def object_scores(truth, seg):
    iou = iou_matrix(truth, seg)
    n_true, n_pred = iou.shape
    k = min(n_true, n_pred)
    rows = []
    for t in THRESHOLDS:
        if k > 0:
            r, c = linear_sum_assignment(-(iou >= t).astype(float) - iou / (2 * k))
            kept = iou[r, c][iou[r, c] >= t]
        else:
            kept = np.zeros(0)
        if t > 0.5:  # every object has at most one partner with iou >= t > 0.5
            assert len(kept) == np.count_nonzero(iou >= t)
        rows.append({'threshold': t, 'objects': n_pred, 'true_objects': n_true, 'matched': int(len(kept)),
                     'mean_matched_iou': number(kept.mean()) if len(kept) else None})
    return rows


def scores(truth, seg):
    are, prec, rec = adapted_rand_error(truth, seg)
    splits, merges = variation_of_information(truth, seg)
    return {
        'pixels': {
            'true_positive': int(np.count_nonzero((seg > 0) & (truth > 0))),
            'false_positive': int(np.count_nonzero((seg > 0) & (truth == 0))),
            'false_negative': int(np.count_nonzero((seg == 0) & (truth > 0))),
            'true_negative': int(np.count_nonzero((seg == 0) & (truth == 0))),
        },
        'objects': object_scores(truth, seg),
        'adapted_rand': {'error': number(are), 'precision': number(prec), 'recall': number(rec)},
        'vi': {'splits': number(splits), 'merges': number(merges)},
    }


TINY = {
    # scikit-image issue #6485: one segmented region over three true objects
    'issue_6485': ([[1, 2], [3, 2]], [[1, 1], [1, 1]]),
    'perfect': ([[0, 1, 1], [0, 2, 2]], [[0, 5, 5], [0, 7, 7]]),
    'split': ([[1, 1, 1, 1], [0, 0, 0, 0]], [[1, 1, 2, 2], [0, 0, 0, 0]]),
    'merge': ([[1, 1, 0, 2, 2]], [[3, 3, 3, 3, 3]]),
    'shifted': ([[1, 1, 1, 0], [1, 1, 1, 0]], [[0, 1, 1, 1], [0, 1, 1, 1]]),
    'empty_segmentation': ([[1, 1], [0, 2]], [[0, 0], [0, 0]]),
    'empty_truth': ([[0, 0], [0, 0]], [[1, 1], [0, 2]]),
}


def main():
    cases = []
    for name, stem in [('dsb256', 'dsb2018_256_uint8'), ('dsb512', 'dsb2018_512_uint16')]:
        truth = tifffile.imread(IMAGES / f'{stem}_mask.tif').astype(np.int64)
        seg = otsu_objects(tifffile.imread(IMAGES / f'{stem}.tif'))
        assert seg.max() < 256
        np.save(OUT / f'overlap_{name}_segmentation.npy', seg.astype(np.uint8))
        cases.append({'name': name, 'truth': f'{stem}_mask.tif', **scores(truth, seg)})
    rng = np.random.default_rng(7)
    for i in range(2):
        truth = random_tiling(rng, (64, 64), 40, 7)
        seg = random_tiling(rng, (64, 64), 50, 6)
        assert max(truth.max(), seg.max()) < 256
        name = f'tiling{i}'
        np.save(OUT / f'overlap_{name}_truth.npy', truth.astype(np.uint8))
        np.save(OUT / f'overlap_{name}_segmentation.npy', seg.astype(np.uint8))
        cases.append({'name': name, **scores(truth, seg)})
    tiny = []
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # 0/0 for the empty cases, as intended
        for name, (truth, seg) in TINY.items():
            t = np.array(truth)
            s = np.array(seg)
            are, prec, rec = adapted_rand_error(t, s)
            splits, merges = variation_of_information(t, s)
            tiny.append({'name': name, 'truth': truth, 'segmentation': seg,
                         'adapted_rand': [number(are), number(prec), number(rec)],
                         'vi': [number(splits), number(merges)]})
    (OUT / 'overlap.json').write_text(json.dumps({'cases': cases, 'tiny': tiny}, indent=1) + '\n')
    for c in cases:
        m = next(o for o in c['objects'] if o['threshold'] == 0.5)
        print(c['name'], c['pixels'], m, c['adapted_rand'], c['vi'])


if __name__ == '__main__':
    main()
