"""Reference outputs for measure-objects (skimage regionprops) and measure-image (numpy statistics).

Writes test-data/reference/measure/:
  <case>_labels.npy      label image (uint16 when it fits, else uint32), rows × columns
  <case>_intensity.npy   the intensity image regionprops was given (native dtype)
  <case>_props.json      one list per column, one entry per label present (ascending)
  <case>_extra.json      extent, euler_number, feret_diameter_max (skimage regionprops), and the intensity
                         distribution (np.std, np.median, np.percentile 25/75, median absolute deviation)
                         of the float64 intensities, per label
  quality.json           measure-image-quality: np.var(skimage.filters.laplace(img_as_float(image))), its
                         variance per 64 × 64 tile (min/mean/max), % of pixels at the max and min value
  texture.json           per object of dsb256: skimage graycomatrix/graycoprops (8 levels, distances 1 and 3,
                         angles 0, 45, 90, 135 degrees, symmetric) of the pairs inside the object
  coloc.json             Pearson (scipy.stats.pearsonr) and Manders M1/M2 (15% of max thresholds) of the two
                         channels of the nuclei/tubulin crop in a grid of 20 × 20 squares
  neighbors.json         per object of dsb256, for distances 1.5 and 4: neighbours (brute-force minimum pixel
                         distance ≤ d, scipy cdist), % of edge pixels within d of another object (EDT),
                         centroid distances to the closest two objects (cKDTree)
  image_stats.json       np.min/max/mean/std (float64, ddof=0) of each *_intensity.npy and stats_*.npy
  stats_<name>.npy       extra images for the image statistics only

Columns use cellgraph's names: x = column (axis 1), y = row (axis 0); bbox max is exclusive.
Run with Debian's python3 (scikit-image 0.19.3): /usr/bin/python3 scripts/reference/measure.py
"""
import json
import math
import pathlib
import warnings

import numpy as np
import tifffile
from skimage import draw, measure

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'measure'


def props_table(labels, intensity):
    cols = {k: [] for k in (
        'label', 'area', 'centroid_x', 'centroid_y', 'bbox_min_x', 'bbox_min_y', 'bbox_max_x', 'bbox_max_y',
        'perimeter', 'eccentricity', 'solidity', 'area_convex', 'orientation', 'major_axis_length',
        'minor_axis_length', 'equivalent_diameter', 'mean_intensity', 'min_intensity', 'max_intensity',
        'integrated_intensity', 'orientation_ambiguous', 'orientation_sign_bug')}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # convex hull of tiny objects warns on some versions
        regions = measure.regionprops(labels, intensity)
    for r in regions:
        r0, c0, r1, c1 = r.bbox
        cy, cx = r.centroid
        l1, l2 = r.inertia_tensor_eigvals
        vals = r.intensity_image[r.image]
        row = {
            'label': int(r.label), 'area': int(r.area), 'centroid_x': float(cx), 'centroid_y': float(cy),
            'bbox_min_x': int(c0), 'bbox_min_y': int(r0), 'bbox_max_x': int(c1), 'bbox_max_y': int(r1),
            'perimeter': float(r.perimeter), 'eccentricity': float(r.eccentricity),
            'solidity': float(r.solidity), 'area_convex': int(r.area_convex),
            'orientation': float(r.orientation), 'major_axis_length': float(r.major_axis_length),
            'minor_axis_length': float(r.minor_axis_length),
            'equivalent_diameter': float(r.equivalent_diameter),
            'mean_intensity': float(r.mean_intensity), 'min_intensity': float(r.min_intensity),
            'max_intensity': float(r.max_intensity),
            'integrated_intensity': float(np.sum(vals, dtype=np.float64)),
            # equal inertia eigenvalues: every direction is a principal axis, skimage's angle is noise
            'orientation_ambiguous': bool(abs(l1 - l2) <= 1e-9 * max(l1, 1e-300)),
            # skimage 0.19 takes its a == c branch, whose sign is flipped (scikit-image issue #6815)
            'orientation_sign_bug': bool(r.inertia_tensor[0, 0] - r.inertia_tensor[1, 1] == 0
                                         and r.inertia_tensor[0, 1] != 0),
        }
        for k, v in row.items():
            cols[k].append(v)
    return cols


def extra_table(labels, intensity):
    cols = {k: [] for k in ('label', 'extent', 'euler_number', 'feret_diameter_max', 'std_intensity',
                            'median_intensity', 'lower_quartile_intensity', 'upper_quartile_intensity',
                            'mad_intensity')}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        regions = measure.regionprops(labels, intensity)
        for r in regions:
            vals = r.intensity_image[r.image].astype(np.float64)
            med = np.median(vals)
            row = {'label': int(r.label), 'extent': float(r.extent), 'euler_number': int(r.euler_number),
                   'feret_diameter_max': float(r.feret_diameter_max), 'std_intensity': float(np.std(vals)),
                   'median_intensity': float(med),
                   'lower_quartile_intensity': float(np.percentile(vals, 25)),
                   'upper_quartile_intensity': float(np.percentile(vals, 75)),
                   'mad_intensity': float(np.median(np.abs(vals - med)))}
            for k, v in row.items():
                cols[k].append(v)
    return cols


def save_case(name, labels, intensity):
    labels = np.ascontiguousarray(labels)
    stored = labels.astype(np.uint16) if labels.max() < 2 ** 16 else labels.astype(np.uint32)
    np.save(OUT / f'{name}_labels.npy', stored)
    np.save(OUT / f'{name}_intensity.npy', np.ascontiguousarray(intensity))
    table = props_table(labels.astype(np.int64), intensity)
    (OUT / f'{name}_props.json').write_text(json.dumps(table) + '\n')
    (OUT / f'{name}_extra.json').write_text(json.dumps(extra_table(labels.astype(np.int64), intensity)) + '\n')
    print(f'{name}: {labels.shape} {len(table["label"])} objects')


def synthetic():
    """Shapes whose properties are known, plus the edge cases of the definitions."""
    h, w = 72, 96
    lab = np.zeros((h, w), np.int64)
    rr, cc = draw.disk((14, 14), 8.5, shape=lab.shape)           # filled disk, symmetric: orientation ambiguous
    lab[rr, cc] = 1
    lab[4:11, 32:52] = 2                                          # axis-aligned rectangle 7 rows × 20 columns
    rr, cc = draw.ellipse(40, 20, 12, 5, shape=lab.shape, rotation=0.6)  # rotated ellipse
    lab[rr, cc] = 3
    lab[20, 40] = 5                                               # a single pixel (label 4 unused)
    lab[26, 34:60] = 6                                            # 1-pixel-wide horizontal line
    rr, cc = draw.line(30, 64, 50, 84)                            # 1-pixel-wide diagonal line
    lab[rr, cc] = 7
    rr, cc = draw.disk((60, 0), 9, shape=lab.shape)               # touches the left and bottom border
    lab[rr, cc] = 8
    rr, cc = draw.disk((14, 78), 10, shape=lab.shape)             # ring with a hole
    lab[rr, cc] = 9
    rr, cc = draw.disk((14, 78), 4.5, shape=lab.shape)
    lab[rr, cc] = 0
    lab[34:38, 40:44] = 12                                        # one label in two pieces
    lab[44:46, 50:56] = 12
    rr, cc = draw.line(38, 88, 60, 88)                            # vertical line at the right
    lab[rr, cc] = 13
    lab[60:72, 40:60] = 14                                        # rectangle on the bottom border
    y, x = np.mgrid[0:h, 0:w]
    rng = np.random.default_rng(7)
    intensity = (np.sin(x / 7.0) * 40 + y * 0.5 - 10 + rng.normal(0, 3, (h, w))).astype(np.float32)
    save_case('synthetic', lab, intensity)


def quality():
    from skimage.filters import laplace
    from skimage.util import img_as_float
    out = {}
    for name in ('dsb256', 'dsb512', 'blobs', 'synthetic'):
        img = np.load(OUT / f'{name}_intensity.npy')
        values = img if img.dtype.kind == 'f' else img_as_float(img)
        lap = laplace(values.astype(np.float64), ksize=3)
        h, w = img.shape
        tiles = [np.var(lap[y:y + 64, x:x + 64]) for y in range(0, h - 63, 64) for x in range(0, w - 63, 64)]
        out[name] = {'focus_score': float(np.var(lap)), 'local_focus_min': float(np.min(tiles)),
                     'local_focus_mean': float(np.mean(tiles)), 'local_focus_max': float(np.max(tiles)),
                     'percent_maximal': float(100 * np.mean(img == img.max())),
                     'percent_minimal': float(100 * np.mean(img == img.min()))}
    (OUT / 'quality.json').write_text(json.dumps(out, indent=1) + '\n')


def texture():
    from skimage.feature import graycomatrix, graycoprops
    labels = np.load(OUT / 'dsb256_labels.npy').astype(np.int64)
    img = np.load(OUT / 'dsb256_intensity.npy').astype(np.float64)
    levels = 8
    q = np.clip(np.floor((img - img.min()) * levels / (img.max() - img.min())), 0, levels - 1).astype(np.int64)
    distances, angles = [1, 3], [0, np.pi / 4, np.pi / 2, 3 * np.pi / 4]
    props = ['contrast', 'dissimilarity', 'homogeneity', 'ASM', 'energy', 'correlation']
    out = {'levels': levels, 'distances': distances, 'angles_deg': [0, 45, 90, 135], 'labels': [], 'image': {}}
    full = graycomatrix(q.astype(np.uint8), distances, angles, levels=levels, symmetric=True)
    for prop in props:
        out['image'][prop] = graycoprops(full, prop).tolist()
    for prop in props:
        out[prop] = []
    for lab in np.unique(labels[labels > 0]):
        # pixels outside the object get an extra level, whose pairs are cut off the matrix
        masked = np.where(labels == lab, q, levels).astype(np.uint8)
        m = graycomatrix(masked, distances, angles, levels=levels + 1, symmetric=True)[:levels, :levels]
        out['labels'].append(int(lab))
        for prop in props:
            out[prop].append(graycoprops(m, prop).tolist())
    (OUT / 'texture.json').write_text(json.dumps(out) + '\n')


def coloc():
    from scipy.stats import pearsonr
    a, b = (c.astype(np.float64) for c in tifffile.imread(IMAGES / 'xyc_16bit__nuclei_tubulin_crop.tif'))
    h, w = a.shape
    y, x = np.mgrid[0:h, 0:w]
    grid = np.where((x < 120) & (y < 120), 1 + x // 20 + 6 * (y // 20), 0)
    out = {'fraction': 0.15, 'label': [], 'pearson': [], 'm1': [], 'm2': []}
    for lab in range(1, grid.max() + 1):
        fi, si = a[grid == lab], b[grid == lab]
        tf, ts = 0.15 * fi.max(), 0.15 * si.max()
        both = (fi > tf) & (si > ts)
        out['label'].append(lab)
        out['pearson'].append(float(pearsonr(fi, si)[0]))
        out['m1'].append(float(fi[both].sum() / fi[fi > tf].sum()))
        out['m2'].append(float(si[both].sum() / si[si > ts].sum()))
    (OUT / 'coloc.json').write_text(json.dumps(out) + '\n')


def neighbors():
    from scipy.spatial import cKDTree
    from scipy.spatial.distance import cdist
    import scipy.ndimage as ndi
    labels = np.load(OUT / 'dsb256_labels.npy').astype(np.int64)
    ids = [int(v) for v in np.unique(labels[labels > 0])]
    coords = {l: np.argwhere(labels == l) for l in ids}
    centroids = np.array([coords[l].mean(axis=0) for l in ids])
    dist, idx = cKDTree(centroids).query(centroids, k=3)
    padded = np.pad(labels, 1, constant_values=-1)
    out = {'label': ids, 'first_closest_label': [ids[i] for i in idx[:, 1]],
           'first_closest_distance': dist[:, 1].tolist(), 'second_closest_distance': dist[:, 2].tolist()}
    for d in (1.5, 4):
        count, touching = [], []
        for l in ids:
            count.append(sum(1 for m in ids if m != l and cdist(coords[l], coords[m]).min() <= d))
            obj = labels == l
            inner = obj.copy()
            for dy, dx in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                inner &= padded[1 + dy:padded.shape[0] - 1 + dy, 1 + dx:padded.shape[1] - 1 + dx] == l
            edge = obj & ~inner
            others = (labels > 0) & ~obj
            to_other = ndi.distance_transform_edt(~others) if others.any() else np.full(labels.shape, np.inf)
            touching.append(float(100 * np.mean(to_other[edge] <= d)))
        out[f'neighbors_{d}'] = count
        out[f'percent_touching_{d}'] = touching
    (OUT / 'neighbors.json').write_text(json.dumps(out) + '\n')


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    synthetic()
    save_case('dsb256', tifffile.imread(IMAGES / 'dsb2018_256_uint8_mask.tif'),
              tifffile.imread(IMAGES / 'dsb2018_256_uint8.tif'))
    save_case('dsb512', tifffile.imread(IMAGES / 'dsb2018_512_uint16_mask.tif'),
              tifffile.imread(IMAGES / 'dsb2018_512_uint16.tif'))
    blobs = tifffile.imread(IMAGES / 'blobs.tif')
    save_case('blobs', measure.label(blobs > 120), blobs)

    # image statistics: the intensity images above plus a 2-channel image and a float32 with a large offset
    tubulin = tifffile.imread(IMAGES / 'xyc_16bit__nuclei_tubulin_crop.tif')  # (channels, rows, columns)
    np.save(OUT / 'stats_tubulin.npy', np.ascontiguousarray(tubulin))
    rng = np.random.default_rng(3)
    offset = (10000 + rng.normal(0, 0.5, (64, 48))).astype(np.float32)
    np.save(OUT / 'stats_offset_float32.npy', offset)
    stats = {}
    for path in sorted(OUT.glob('*_intensity.npy')) + sorted(OUT.glob('stats_*.npy')):
        a = np.load(path).astype(np.float64)
        stats[path.name] = {'shape': list(a.shape), 'min': float(np.min(a)), 'max': float(np.max(a)),
                            'mean': float(np.mean(a)), 'std': float(np.std(a))}
        assert math.isfinite(stats[path.name]['std'])
    (OUT / 'image_stats.json').write_text(json.dumps(stats, indent=1) + '\n')
    print(f'image_stats: {len(stats)} images')
    quality()
    texture()
    coloc()
    neighbors()


if __name__ == '__main__':
    main()
