"""Reference outputs for image-to-objects (a label image read as objects), computed with Debian's
scikit-image 0.19.3 on the hand-annotated DSB2018 label image test-data/images/dsb2018_512_uint16_mask.tif
(its top-left 128 x 128 crop, where annotated nuclei touch) and a synthetic 12 x 12 case (one value in
two separate pieces, touching objects of different values, pieces meeting only at a corner).

Writes test-data/reference/segment/:
  to_objects_<case>.npy                 the input label image (uint16)
  to_objects_<case>_<mode>_c<1|2>.npy   regions:    skimage.measure.label(image, connectivity)
                                        foreground: skimage.measure.label(image > 0, connectivity)   (uint16)
Run with /usr/bin/python3 (see README.md).
"""
import pathlib

import numpy as np
import tifffile
from skimage import measure

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'test-data' / 'reference' / 'segment'


def synthetic():
    a = np.zeros((12, 12), np.uint16)
    a[1:4, 1:4] = 7        # value 7 in two separate pieces
    a[8:11, 8:11] = 7
    a[1:4, 4:7] = 3        # touches the first 7 along an edge
    a[4, 7] = 3            # meets the 3 block only at a corner
    a[6:8, 1:3] = 9
    a[8, 3] = 9            # corner-only again
    return a


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    cases = {
        'dsb512crop': tifffile.imread(ROOT / 'test-data' / 'images' / 'dsb2018_512_uint16_mask.tif')[:128, :128].astype(np.uint16),
        'synthetic': synthetic(),
    }
    for name, image in cases.items():
        np.save(OUT / f'to_objects_{name}.npy', image)
        for c in (1, 2):
            np.save(OUT / f'to_objects_{name}_regions_c{c}.npy', measure.label(image, connectivity=c).astype(np.uint16))
            np.save(OUT / f'to_objects_{name}_foreground_c{c}.npy', measure.label(image > 0, connectivity=c).astype(np.uint16))


if __name__ == '__main__':
    main()
