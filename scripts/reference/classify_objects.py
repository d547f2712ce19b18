"""Reference for classify-objects: CellProfiler ClassifyObjects (single measurement) on the nuclei of
dsb2018 256 (the labels and image measure.py writes to test-data/reference/measure/dsb256_*.npy).

Per nucleus, skimage regionprops area and integrated intensity (sum of the uint8 pixels); then the bins
as CellProfiler 4's ClassifyObjects.run_single_measurement makes them: thresholds from the custom edges or
arange(n + 1) * (high - low) / n + low, with -inf / +inf added for the low / high bins, and an object in
bin k when thresholds[k] < value <= thresholds[k + 1]; NumObjectsPerBin, and the fraction of all objects
(PctObjectsPerBin / 100). Cross-checked against numpy.digitize(right=True). Edges are taken from measured values so
that objects lie exactly on them.

Pair mode as CellProfiler 4's ClassifyObjects.run_two_measurements: per measurement a threshold (a number,
or numpy mean / median of the object values that are not NaN), high when value >= threshold; class
2 * high_1 + high_2 (low_low, low_high, high_low, high_high), none when either value is NaN; counts and
fractions over all objects. Area against mean intensity (the mean of the uint8 pixels of each nucleus).
Writes test-data/reference/measure/classify_objects.json.
Run with /usr/bin/python3.
"""
import json
import pathlib

import numpy as np
from skimage import measure

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'test-data' / 'reference' / 'measure'


def cellprofiler_bins(values, thresholds, wants_low_bin, wants_high_bin):
    """The object x bin hits of CellProfiler's run_single_measurement."""
    thresholds = np.hstack(([-np.inf] if wants_low_bin else [], thresholds, [np.inf] if wants_high_bin else []))
    ob_idx, th_idx = np.mgrid[0:len(values), 0:len(thresholds) - 1]
    return (values[ob_idx] > thresholds[th_idx]) & (values[ob_idx] <= thresholds[th_idx + 1])


def digitize_bins(values, edges, below, above):
    """The same bins by numpy.digitize(right=True): index i when edges[i - 1] < v <= edges[i]."""
    i = np.digitize(values, edges, right=True)
    inner = len(edges) - 1
    out = np.full(len(values), -1)
    between = (i >= 1) & (i <= inner)
    out[between] = i[between] - 1 + (1 if below else 0)
    if below:
        out[i == 0] = 0
    if above:
        out[i == len(edges)] = inner + (1 if below else 0)
    return out


def case(values, labels, params, edges):
    hits = cellprofiler_bins(values, np.asarray(edges, float), params['bin_below'], params['bin_above'])
    assert (hits.sum(axis=1) <= 1).all()
    bins = np.where(hits.any(axis=1), hits.argmax(axis=1), -1)
    assert (bins == digitize_bins(values, np.asarray(edges, float), params['bin_below'], params['bin_above'])).all()
    counts = hits.sum(axis=0)
    return {
        'params': params,
        'edges': [float(e) for e in edges],
        'label': [int(x) for x in labels],
        'values': [float(v) for v in values],
        'bin': [int(b) for b in bins],
        'count': int(len(values)),
        'bin_count': [int(c) for c in counts],
        'bin_fraction': [float(c / len(values)) for c in counts],
        'on_edge': int(np.isin(values, edges).sum()),
    }


def pair_threshold(values, kind, value):
    if kind == 'value':
        return float(value)
    present = values[~np.isnan(values)]
    return float(np.mean(present) if kind == 'mean' else np.median(present))


def pair_case(values_1, values_2, labels, params):
    t1 = pair_threshold(values_1, params['threshold_1'], params.get('value_1'))
    t2 = pair_threshold(values_2, params['threshold_2'], params.get('value_2'))
    high_1, high_2 = values_1 >= t1, values_2 >= t2
    valid = ~(np.isnan(values_1) | np.isnan(values_2))
    classes = np.where(valid, 2 * high_1.astype(int) + high_2.astype(int), -1)
    hits = np.array([[(high_1 == bool(i)) & (high_2 == bool(j)) & valid for j in (0, 1)] for i in (0, 1)]).reshape(4, -1)
    assert (hits.argmax(axis=0)[valid] == classes[valid]).all()
    counts = hits.sum(axis=1)
    return {
        'params': params,
        'label': [int(x) for x in labels],
        'values_1': [float(v) for v in values_1],
        'values_2': [float(v) for v in values_2],
        'threshold_1': t1,
        'threshold_2': t2,
        'class': [int(c) for c in classes],
        'count': int(len(values_1)),
        'class_count': [int(c) for c in counts],
        'class_fraction': [float(c / len(values_1)) for c in counts],
        'on_threshold_1': int((values_1 == t1).sum()),
        'on_threshold_2': int((values_2 == t2).sum()),
    }


def main():
    labels = np.load(OUT / 'dsb256_labels.npy').astype(np.int64)
    image = np.load(OUT / 'dsb256_intensity.npy')
    regions = measure.regionprops(labels, image)
    ids = np.array([r.label for r in regions])
    area = np.array([r.area for r in regions], float)
    integrated = np.array([r.image_intensity[r.image].astype(np.int64).sum() for r in regions], float)
    mean_intensity = np.array([r.image_intensity[r.image].astype(np.float64).mean() for r in regions])

    sorted_area = np.sort(area)
    n = len(area)
    area_edges = [sorted_area[n // 4], sorted_area[n // 2], sorted_area[3 * n // 4]]
    sorted_int = np.sort(integrated)
    low, high, count = sorted_int[n // 5], sorted_int[4 * n // 5], 4
    even_edges = np.arange(count + 1) * (high - low) / float(count) + low

    result = {
        'area_custom': case(area, ids, {
            'column': 'area', 'bins': 'custom', 'edges': ', '.join(str(int(e)) for e in area_edges),
            'bin_below': True, 'bin_above': True, 'bin_names': 'small, medium, large, huge'}, area_edges),
        'area_custom_no_outer': case(area, ids, {
            'column': 'area', 'bins': 'custom', 'edges': ', '.join(str(int(e)) for e in area_edges),
            'bin_below': False, 'bin_above': False, 'bin_names': ''}, area_edges),
        'integrated_even': case(integrated, ids, {
            'column': 'integrated_intensity', 'bins': 'even', 'bin_count': count, 'lower': float(low),
            'upper': float(high), 'bin_below': False, 'bin_above': False, 'bin_names': ''}, even_edges),
        # a number threshold that objects lie on, and a median one (an odd count: the middle object is on it)
        'pair_area_value_intensity_median': pair_case(area, mean_intensity, ids, {
            'mode': 'pair', 'column': 'area', 'threshold_1': 'value', 'value_1': float(sorted_area[3 * n // 4]),
            'column_2': 'mean_intensity', 'threshold_2': 'median', 'class_names': ''}),
        'pair_area_median_intensity_mean': pair_case(area, mean_intensity, ids, {
            'mode': 'pair', 'column': 'area', 'threshold_1': 'median', 'column_2': 'mean_intensity',
            'threshold_2': 'mean', 'class_names': 'small_dim, small_bright, large_dim, large_bright'}),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / 'classify_objects.json').write_text(json.dumps(result) + '\n')
    for name, r in result.items():
        if 'bin' in r:
            print(name, r['params'].get('edges', r['edges']), r['count'], r['bin_count'], 'on edges:', r['on_edge'])
        else:
            print(name, r['threshold_1'], r['threshold_2'], r['count'], r['class_count'],
                  'on thresholds:', r['on_threshold_1'], r['on_threshold_2'])


if __name__ == '__main__':
    main()
