"""Reference for classify-objects: CellProfiler ClassifyObjects (single measurement) on the nuclei of
dsb2018 256 (the labels and image measure.py writes to test-data/reference/measure/dsb256_*.npy).

Per nucleus, skimage regionprops area and integrated intensity (sum of the uint8 pixels); then the bins
as CellProfiler 4's ClassifyObjects.run_single_measurement makes them: thresholds from the custom edges or
arange(n + 1) * (high - low) / n + low, with -inf / +inf added for the low / high bins, and an object in
bin k when thresholds[k] < value <= thresholds[k + 1]; NumObjectsPerBin, and the fraction of all objects
(PctObjectsPerBin / 100). Cross-checked against numpy.digitize(right=True). Edges are taken from measured values so
that objects lie exactly on them. Writes test-data/reference/measure/classify_objects.json.
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


def main():
    labels = np.load(OUT / 'dsb256_labels.npy').astype(np.int64)
    image = np.load(OUT / 'dsb256_intensity.npy')
    regions = measure.regionprops(labels, image)
    ids = np.array([r.label for r in regions])
    area = np.array([r.area for r in regions], float)
    integrated = np.array([r.image_intensity[r.image].astype(np.int64).sum() for r in regions], float)

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
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / 'classify_objects.json').write_text(json.dumps(result) + '\n')
    for name, r in result.items():
        print(name, r['params'].get('edges', r['edges']), r['count'], r['bin_count'], 'on edges:', r['on_edge'])


if __name__ == '__main__':
    main()
