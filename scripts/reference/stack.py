"""Reference outputs for the stack and time-series kernels (src/imaging/{projection,select-planes,
subsample,bin-blocks,plane-series}.ts), computed with Debian's NumPy 1.24 / scikit-image 0.19.3.

Writes test-data/reference/stack/:
  synth_f32.npy            a (6, 13, 11) float32 stack with negative values and one NaN
  <source>_<op>.npy        the reference output of each case; <source> is 'spots' (the real z-stack
                           test-data/images/xyz_16bit__spots.ome.tif, 17 x 88 x 89 uint16, which the TS
                           tests decode themselves) or 'synth_f32'
  spots_labels.npy         objects of the max projection (Otsu, 8-connected), for measure-over-planes
  manifest.json            the cases with their parameters

Conventions stated by the nodes and reproduced here:
  project   max/min: np.max/np.min(axis=0) (dtype kept, NaN propagates); sum: np.sum(axis=0,
            dtype=float64); mean: np.mean(axis=0, dtype=float64) -> float32; std: np.std(axis=0,
            dtype=float64, ddof=0) -> float32
  bin       mean of each block in float64 -> float32; edges 'drop' ignores partial blocks at the end of
            an axis, 'partial' averages the pixels a partial block holds
Run with /usr/bin/python3 (see README.md).
"""
import json
import pathlib

import numpy as np
import tifffile
from skimage import filters, measure

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'test-data' / 'reference' / 'stack'
MANIFEST = {}


def save(name, arr):
    OUT.mkdir(parents=True, exist_ok=True)
    arr = np.ascontiguousarray(arr)
    if arr.dtype.byteorder == '>':
        arr = arr.astype(arr.dtype.newbyteorder('<'))
    np.save(OUT / name, arr)
    return name


def case(kind, source, name, arr, **params):
    MANIFEST.setdefault(kind, []).append({'source': source, **params, 'out': save(f'{source}_{name}.npy', arr)})


def project(a, method):
    if method == 'max':
        return np.max(a, axis=0)
    if method == 'min':
        return np.min(a, axis=0)
    if method == 'sum':
        return np.sum(a, axis=0, dtype=np.float64)
    if method == 'mean':
        return np.mean(a, axis=0, dtype=np.float64).astype(np.float32)
    return np.std(a, axis=0, dtype=np.float64, ddof=0).astype(np.float32)


def bin_blocks(a, bz, by, bx, edges):
    p, h, w = a.shape
    if edges == 'drop':
        a = a[: p // bz * bz, : h // by * by, : w // bx * bx].astype(np.float64)
        r = a.reshape(p // bz, bz, h // by, by, w // bx, bx)
        return r.mean(axis=(1, 3, 5)).astype(np.float32)
    out = np.empty((-(-p // bz), -(-h // by), -(-w // bx)), np.float64)
    for k in range(out.shape[0]):
        for j in range(out.shape[1]):
            for i in range(out.shape[2]):
                block = a[k * bz:(k + 1) * bz, j * by:(j + 1) * by, i * bx:(i + 1) * bx]
                out[k, j, i] = block.astype(np.float64).sum() / block.size
    return out.astype(np.float32)


def pixel_series(a, mask, normalise, baseline=None):
    v = a[:, mask > 0].T.astype(np.float64)  # (pixels in row-major order, planes)
    if normalise == 'raw':
        return v
    if normalise == 'dff':
        f0 = v[:, baseline[0]:baseline[1] + 1].mean(axis=1, keepdims=True)
        with np.errstate(divide='ignore', invalid='ignore'):
            return np.where(f0 != 0, (v - f0) / np.where(f0 != 0, f0, 1), np.nan)
    mean = v.mean(axis=1, keepdims=True)
    std = v.std(axis=1, keepdims=True)
    with np.errstate(divide='ignore', invalid='ignore'):
        return np.where(std != 0, (v - mean) / np.where(std != 0, std, 1), np.nan)


def main():
    spots = tifffile.imread(ROOT / 'test-data' / 'images' / 'xyz_16bit__spots.ome.tif')
    assert spots.shape == (17, 88, 89) and spots.dtype == np.uint16
    rng = np.random.default_rng(20261125)
    synth = (rng.normal(0, 50, (6, 13, 11)) + 10).astype(np.float32)
    synth[2, 5, 7] = np.nan
    save('synth_f32.npy', synth)
    sources = {'spots': spots, 'synth_f32': synth}

    for name, a in sources.items():
        for method in ('max', 'min', 'sum', 'mean', 'std'):
            case('project', name, f'project_{method}', project(a, method), method=method)
        case('subsample', name, 'subsample_2_3_2', a[::2, ::3, ::2], stride_planes=2, stride_y=3, stride_x=2)
        for edges in ('drop', 'partial'):
            case('bin', name, f'bin_2_3_4_{edges}', bin_blocks(a, 2, 3, 4, edges),
                 bin_planes=2, bin_y=3, bin_x=4, edges=edges)
            case('bin', name, f'bin_1_2_2_{edges}', bin_blocks(a, 1, 2, 2, edges),
                 bin_planes=1, bin_y=2, bin_x=2, edges=edges)
    case('select', 'spots', 'select_0_3-5_16', spots[[0, 3, 4, 5, 16]], planes='0, 3-5, 16')

    mip = spots.max(axis=0)
    labels = measure.label(mip > filters.threshold_otsu(mip), connectivity=2).astype(np.uint16)
    save('spots_labels.npy', labels)
    rows = []
    for lab in range(1, labels.max() + 1):
        sel = labels == lab
        for p in range(spots.shape[0]):
            v = spots[p][sel]
            rows.append({'label': lab, 'plane': p, 'area': int(sel.sum()),
                         'mean_intensity': float(v.sum(dtype=np.float64) / v.size),
                         'min_intensity': float(v.min()), 'max_intensity': float(v.max()),
                         'integrated_intensity': float(v.sum(dtype=np.float64))})
    MANIFEST['measure_over_planes'] = {'labels': 'spots_labels.npy', 'rows': rows}

    mask = (labels > 0).astype(np.uint8)
    series = []
    for normalise, baseline in (('raw', None), ('dff', (0, 3)), ('zscore', None)):
        out = f'spots_series_{normalise}.npy'
        save(out, pixel_series(spots, mask, normalise, baseline))
        series.append({'normalise': normalise, 'baseline': baseline, 'out': out})
    MANIFEST['pixel_series'] = series

    (OUT / 'manifest.json').write_text(json.dumps(MANIFEST, indent=1) + '\n')
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f'wrote {len(list(OUT.iterdir()))} files, {total / 1e6:.2f} MB, {labels.max()} objects')


if __name__ == '__main__':
    main()
