"""Reference for overlay-outlines: skimage.segmentation.find_boundaries (modes thick, inner, outer) on the
hand-annotated DSB2018 label images (touching nuclei), and mark_boundaries on the 256 image scaled as the
node's contrast 'auto' does (0.35 and 99.65 numpy percentiles -> 0..1, clipped), outlines yellow.

Writes test-data/reference/overlay/: boundaries.json (each mask bit-packed with np.packbits, row-major, in
base64, and its pixel count; the display range) and marked_256_outer.npy (mark_boundaries x 255, rounded,
uint8, height x width x 3). Run with /usr/bin/python3.
"""
import base64
import json
import pathlib

import numpy as np
import tifffile
from skimage.segmentation import find_boundaries, mark_boundaries

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'overlay'


def packed(mask):
    return {'pixels': int(mask.sum()), 'packbits_base64': base64.b64encode(np.packbits(mask.ravel())).decode('ascii')}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    result = {}
    for name in ['dsb2018_256_uint8', 'dsb2018_512_uint16']:
        labels = tifffile.imread(IMAGES / f'{name}_mask.tif')
        result[name] = {'shape': list(labels.shape),
                        **{mode: packed(find_boundaries(labels, mode=mode)) for mode in ['thick', 'inner', 'outer']}}
    image = tifffile.imread(IMAGES / 'dsb2018_256_uint8.tif').astype(np.float64)
    labels = tifffile.imread(IMAGES / 'dsb2018_256_uint8_mask.tif')
    lo, hi = np.percentile(image, [0.35, 99.65])
    shown = np.clip((image - lo) / (hi - lo), 0, 1)
    marked = mark_boundaries(shown, labels, color=(1, 1, 0), mode='outer')
    np.save(OUT / 'marked_256_outer.npy', np.round(marked * 255).astype(np.uint8))
    result['display_range_256'] = [float(lo), float(hi)]
    (OUT / 'boundaries.json').write_text(json.dumps(result, indent=1) + '\n')
    print({k: {m: v[m]['pixels'] for m in ['thick', 'inner', 'outer']} for k, v in result.items() if k.startswith('dsb')}, lo, hi)


if __name__ == '__main__':
    main()
