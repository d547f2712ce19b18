"""Reference for pipelines/ihc-dab.json: the DAB-positive area fraction of scikit-image's IHC image.

Same steps as the pipeline: skimage.color.rgb2hed, the DAB channel, DAB > DAB_THRESHOLD, the fraction of
all pixels. The mask is stored bit-packed (np.packbits, row-major) in base64. `near_threshold` counts
pixels whose DAB value is within 1e-6 of the threshold, where cellgraph's float32 arithmetic may round to
the other side of it. Otsu and Li on the same DAB image are stored to document why a fixed threshold.
"""
import base64
import json
import pathlib

import numpy as np
from skimage import color, filters, io

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGE = ROOT / 'test-data' / 'images' / 'ihc_fhl2_dab.png'
OUT = ROOT / 'test-data' / 'reference' / 'ihc'
# rgb2hed's stain amounts are optical densities (log10) divided by 6, so 0.04 is a DAB optical density of
# 0.24, about the 0.25 QuPath's documentation suggests for DAB-stained area.
DAB_THRESHOLD = 0.04


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rgb = io.imread(IMAGE)
    dab = color.rgb2hed(rgb)[..., 2]
    mask = dab > DAB_THRESHOLD
    otsu = float(filters.threshold_otsu(dab))
    li = float(filters.threshold_li(dab))
    result = {
        'image': IMAGE.name,
        'width': int(rgb.shape[1]),
        'height': int(rgb.shape[0]),
        'dab_threshold': DAB_THRESHOLD,
        'positive_pixels': int(mask.sum()),
        'total_pixels': int(mask.size),
        'area_fraction': float(mask.mean()),
        'near_threshold': int((np.abs(dab - DAB_THRESHOLD) < 1e-6).sum()),
        'dab_min': float(dab.min()),
        'dab_max': float(dab.max()),
        'otsu': {'threshold': otsu, 'area_fraction': float((dab > otsu).mean())},
        'li': {'threshold': li, 'area_fraction': float((dab > li).mean())},
        'mask_packbits_base64': base64.b64encode(np.packbits(mask.ravel())).decode('ascii'),
    }
    (OUT / 'ihc_dab.json').write_text(json.dumps(result, indent=1) + '\n')
    print(json.dumps({k: v for k, v in result.items() if k != 'mask_packbits_base64'}, indent=1))


if __name__ == '__main__':
    main()
