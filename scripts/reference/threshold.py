"""Reference thresholds for the multi-Otsu and local threshold kernels (src/imaging/threshold/
{multi-otsu,local}.ts), computed with Debian's scikit-image 0.19.3 / NumPy 1.24.

Reads the 128x128 crops written by preprocess.py (test-data/reference/preprocess/sources) and writes
test-data/reference/threshold/:
  multiotsu.json         {source: {classes: thresholds}}; uint16 sources are passed as float64, the
                         histogram cellgraph uses for integer images spanning more than 256 values
  local/<case>.npy       threshold images of threshold_local / sauvola / niblack (float64)
  manifest.json          {kernel: [{source, params..., out}]}

Run with /usr/bin/python3 after preprocess.py (see README.md).
"""
import json
import pathlib

import numpy as np
from skimage import filters

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = ROOT / 'test-data' / 'reference' / 'preprocess' / 'sources'
OUT = ROOT / 'test-data' / 'reference' / 'threshold'
MANIFEST = {}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    src = {name: np.load(SOURCES / f'{name}.npy') for name in ('blobs_u8', 'nuclei_u16', 'dna_u8', 'dna_f32')}
    multi = {}
    for name, img in src.items():
        as_ref = img.astype(np.float64) if img.dtype == np.uint16 else img
        multi[name] = {str(k): [float(t) for t in filters.threshold_multiotsu(as_ref, classes=k)] for k in (2, 3, 4, 5)}
    # tiny: exactly `classes` levels, and a histogram with ties
    tiny = np.array([[0, 0, 10, 10, 20, 20, 20, 30]], dtype=np.uint8)
    multi['tiny_4_levels'] = {'rows': tiny.tolist(), **{str(k): [float(t) for t in filters.threshold_multiotsu(tiny, classes=k)] for k in (2, 3, 4)}}
    (OUT / 'multiotsu.json').write_text(json.dumps(multi, indent=1) + '\n')

    (OUT / 'local').mkdir(exist_ok=True)
    for name in ('blobs_u8', 'nuclei_u16', 'dna_u8'):
        img = src[name][:64, :64]
        np.save(OUT / 'local' / f'source_{name}.npy', np.ascontiguousarray(img))
        cases = [
            ('local_gaussian_b15', filters.threshold_local(img, 15, method='gaussian', offset=0), {'method': 'gaussian', 'block': 15, 'offset': 0}),
            ('local_mean_b21_o5', filters.threshold_local(img, 21, method='mean', offset=5), {'method': 'mean', 'block': 21, 'offset': 5}),
            ('local_median_b9', filters.threshold_local(img, 9, method='median', offset=-2), {'method': 'median', 'block': 9, 'offset': -2}),
            ('sauvola_w15', filters.threshold_sauvola(img, window_size=15), {'method': 'sauvola', 'block': 15, 'k': 0.2}),
            ('sauvola_w25_k05_r128', filters.threshold_sauvola(img, window_size=25, k=0.5, r=128), {'method': 'sauvola', 'block': 25, 'k': 0.5, 'r': 128}),
            ('niblack_w15', filters.threshold_niblack(img, window_size=15), {'method': 'niblack', 'block': 15, 'k': 0.2}),
            ('niblack_w31_k-03', filters.threshold_niblack(img, window_size=31, k=-0.3), {'method': 'niblack', 'block': 31, 'k': -0.3}),
        ]
        for tag, result, params in cases:
            rel = f'local/{name}_{tag}.npy'
            np.save(OUT / rel, result.astype(np.float64))
            MANIFEST.setdefault('local', []).append({'source': f'local/source_{name}.npy', **params, 'out': rel})
    (OUT / 'manifest.json').write_text(json.dumps(MANIFEST, indent=1) + '\n')
    total = sum(p.stat().st_size for p in OUT.rglob('*') if p.is_file())
    print(f'wrote {total / 1e6:.2f} MB')


if __name__ == '__main__':
    main()
