"""Exploration (not a reference fixture): which general-purpose foreground + declump settings segment
nuclei well on every image with ground truth we have (the two hand-annotated DSB2018 images in
test-data, and, when ../shared/data is there, NEUBIAS images with reference labels made by threshold
workflows). Prints F1 (IoU > 0.5 matching) and counts. `python3 declump_sweep.py otsu` runs only the
foregrounds whose name starts with 'otsu'.
Run with /usr/bin/python3 (scikit-image 0.19.3)."""
import itertools
import pathlib
import sys

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage import filters, measure, morphology, segmentation
from skimage.feature import peak_local_max

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / 'shared' / 'data'


def load_cases():
    cases = {}
    for c in ['dsb2018_256_uint8', 'dsb2018_512_uint16']:
        cases[c] = (tifffile.imread(ROOT / 'test-data' / 'images' / f'{c}.tif'),
                    tifffile.imread(ROOT / 'test-data' / 'images' / f'{c}_mask.tif'))
    nb = SHARED / 'neubias_training_resources' / 'image_data'
    if nb.exists():
        cases['nb_tubulin'] = (tifffile.imread(nb / 'watershed' / 'xyc_16bit__nuclei_tubulin.tif')[1],
                               tifffile.imread(nb / 'watershed' / 'xy_8bit_labels__nuclei.tif'))
        cases['nb_mitocheck'] = (tifffile.imread(nb / 'xy_8bit__mitocheck_incenp_t1.tif'),
                                 tifffile.imread(nb / 'xy_8bit_labels__mitocheck_incenp_t1.tif'))
        noisy = tifffile.imread(nb / 'xy_8bit_labels__noisy_nuclei.tif')
        cases['nb_plk1'] = (tifffile.imread(nb / 'xy_8bit__nuclei_PLK1_control.tif'),
                            morphology.remove_small_objects(noisy, 20))
    return cases


def match_f1(pred, truth):
    p_ids, p_area = np.unique(pred[pred > 0], return_counts=True)
    t_ids, t_area = np.unique(truth[truth > 0], return_counts=True)
    both = (pred > 0) & (truth > 0)
    pairs, inter = np.unique(np.stack([pred[both], truth[both]]), axis=1, return_counts=True)
    pa, ta = dict(zip(p_ids, p_area)), dict(zip(t_ids, t_area))
    tp = sum(1 for (p, t), i in zip(pairs.T, inter) if i / (pa[p] + ta[t] - i) > 0.5)
    return tp, len(p_ids), len(t_ids), 2 * tp / (len(p_ids) + len(t_ids))


def foreground(img, spec):
    """spec: (method, sigma, correction, extra)"""
    method, sigma, corr = spec[:3]
    im = img.astype(np.float64)
    sm = filters.gaussian(im, sigma=sigma, preserve_range=True) if sigma else im
    if method.startswith('tophat'):
        r = int(method.split(':')[1])
        sm = morphology.white_tophat(sm, morphology.disk(r))
        method = 'otsu'
    if method == 'log-otsu':
        lg = np.log1p(sm - sm.min())
        return lg > filters.threshold_otsu(lg) * corr if corr == 1 else lg > filters.threshold_otsu(lg) + np.log(corr)
    if method == 'local-li-auto':  # what pipelines/nuclei-declump.json does (see scripts/reference)
        sys.path.insert(0, str(ROOT / 'scripts' / 'reference'))
        from segment_declump_f1 import local_li_foreground
        return local_li_foreground(filters.gaussian(img.astype(np.float32), sigma=sigma, preserve_range=True))
    if method.startswith('local'):
        bs = int(method.split(':')[1])
        t = filters.threshold_local(sm, bs, method='gaussian')
        return (sm > t) & (sm > filters.threshold_otsu(sm) * corr)
    fn = {'otsu': filters.threshold_otsu, 'li': filters.threshold_li, 'triangle': filters.threshold_triangle,
          'mean': filters.threshold_mean, 'isodata': filters.threshold_isodata}[method]
    return sm > fn(sm) * corr


def declump(mask, img, method, frac, min_area):
    mask = ndi.binary_fill_holes(mask)
    distance = ndi.distance_transform_edt(mask)
    comps = measure.label(mask, connectivity=2)
    if comps.max() == 0:
        return comps
    radius = np.median(ndi.maximum(distance, comps, np.arange(1, comps.max() + 1)))
    surface = distance
    if method == 'combined':
        surface = distance * filters.gaussian(img.astype(np.float32), sigma=2, preserve_range=True)
    md = max(1, int(round(frac * radius)))
    peaks = peak_local_max(surface, min_distance=md, labels=comps, exclude_border=False)
    m = np.zeros(mask.shape, bool)
    m[tuple(peaks.T)] = True
    markers = ndi.label(m)[0]
    labels = segmentation.watershed(-surface, markers, mask=mask, connectivity=2)
    if min_area == 'rel':
        # relative: a fraction of the typical (median) object area
        areas = np.bincount(labels.ravel())[1:]
        min_area = max(10, 0.1 * np.median(areas[areas > 0]))
    return morphology.remove_small_objects(labels, int(min_area))


def main():
    cases = load_cases()
    fgs = [('local-li-auto', 1, 1), ('local-li-auto', 1.5, 1), ('local-li-auto', 2, 1), ('otsu', 2, 1), ('otsu', 1, 1), ('li', 2, 1), ('li', 1, 1), ('triangle', 2, 1), ('triangle', 1, 1),
           ('otsu', 2, 0.5), ('otsu', 2, 0.6), ('otsu', 2, 0.7), ('otsu', 2, 0.8), ('otsu', 1, 0.7),
           ('log-otsu', 2, 1), ('log-otsu', 1, 1), ('isodata', 2, 1), ('mean', 2, 1),
           ('tophat:15', 2, 1), ('tophat:25', 2, 1), ('local:51', 2, 0.5), ('local:101', 2, 0.5)]
    if len(sys.argv) > 1:
        fgs = [f for f in fgs if f[0].startswith(sys.argv[1])]
    for spec, method, frac, min_area in itertools.product(fgs, ['shape', 'combined'], [0.5, 0.75], [10]):
        out = []
        for name, (img, gt) in cases.items():
            tp, npred, ntrue, f1 = match_f1(declump(foreground(img, spec), img, method, frac, min_area), gt)
            out.append(f'{name[:12]:>12} {f1:.3f} {npred:3d}/{ntrue:<3d}')
        print(f'{spec[0]:>10} s{spec[1]} c{spec[2]:<4} {method:>8} {frac:<4} {min_area!s:>4} |' + ' |'.join(out), flush=True)


if __name__ == '__main__':
    main()
