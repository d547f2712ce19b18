"""Reference for the threshold node's optional region: skimage.filters.threshold_<method>(image[region]),
the threshold of the pixels inside the region only. Images: the DSB2018 512 image (uint16) and the
256 image (uint8); region: the disk of radius 0.4 x width around the image centre, and its complement.

Writes test-data/reference/threshold/region.json: {image: {region: {method: threshold}}}, with the
region's pixel count. Run with /usr/bin/python3.
"""
import json
import pathlib

import numpy as np
import tifffile
from skimage import filters

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'threshold'
METHODS = ['otsu', 'li', 'triangle', 'yen', 'isodata', 'mean', 'minimum']


def disk(shape):
    """Pixels with (x - cx)^2 + (y - cy)^2 <= (0.4 w)^2, centre ((w - 1) / 2, (h - 1) / 2)."""
    h, w = shape
    y, x = np.mgrid[:h, :w]
    return (x - (w - 1) / 2) ** 2 + (y - (h - 1) / 2) ** 2 <= (0.4 * w) ** 2


def main():
    out = {}
    for name in ['dsb2018_512_uint16', 'dsb2018_256_uint8']:
        image = tifffile.imread(IMAGES / f'{name}.tif')
        inside = disk(image.shape)
        out[name] = {}
        for region, where in [('disk', inside), ('outside', ~inside)]:
            values = image[where]
            out[name][region] = {'pixels': int(where.sum()),
                                 **{m: float(getattr(filters, f'threshold_{m}')(values)) for m in METHODS}}
    (OUT / 'region.json').write_text(json.dumps(out, indent=1) + '\n')
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
