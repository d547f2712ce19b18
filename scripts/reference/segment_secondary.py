"""Reference outputs for secondary-objects (cells grown from nuclei), computed with Debian's
scikit-image 0.19.3 / SciPy 1.10 on the two-channel NEUBIAS crop test-data/images/xyc_16bit__nuclei_tubulin_crop.tif
(its first channel is tubulin, i.e. the cells; its second the nuclei).

Writes test-data/reference/segment/:
  cells_nuclei.npy     nuclei: gaussian(channel 2, sigma 2) > Otsu, holes filled, 8-connected labels, objects >= 50 px (uint16)
  cells_mask.npy       cell mask: gaussian(channel 1, sigma 2) > Otsu (uint8)
  cells_tubulin.npy    channel 1, raw uint16
  cells_<method>.npy   watershed-gradient: watershed(sobel(img_as_float(tubulin)), nuclei, mask=mask|nuclei, connectivity=2)
                       watershed-image:    watershed(-img_as_float(tubulin), ...)
                       distance:           expand_labels(nuclei, 10) restricted to mask|nuclei
Run with /usr/bin/python3 (see README.md).
"""
import pathlib

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage import filters, measure, morphology, segmentation
from skimage.util import img_as_float

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'test-data' / 'reference' / 'segment'


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    dna, tubulin = tifffile.imread(ROOT / 'test-data' / 'images' / 'xyc_16bit__nuclei_tubulin_crop.tif')[::-1]
    smooth = filters.gaussian(dna.astype(np.float32), 2, preserve_range=True)
    nuclei = measure.label(ndi.binary_fill_holes(smooth > filters.threshold_otsu(smooth)), connectivity=2)
    nuclei = measure.label(morphology.remove_small_objects(nuclei, 50) > 0, connectivity=2)
    cell_smooth = filters.gaussian(tubulin.astype(np.float32), 2, preserve_range=True)
    mask = cell_smooth > filters.threshold_otsu(cell_smooth)
    allowed = mask | (nuclei > 0)
    values = img_as_float(tubulin)
    results = {
        'watershed-gradient': segmentation.watershed(filters.sobel(values), nuclei, mask=allowed, connectivity=2),
        'watershed-image': segmentation.watershed(-values, nuclei, mask=allowed, connectivity=2),
        'distance': segmentation.expand_labels(nuclei, 10) * allowed,
    }
    np.save(OUT / 'cells_nuclei.npy', nuclei.astype(np.uint16))
    np.save(OUT / 'cells_mask.npy', mask.astype(np.uint8))
    np.save(OUT / 'cells_tubulin.npy', np.ascontiguousarray(tubulin))
    for name, cells in results.items():
        np.save(OUT / f'cells_{name}.npy', cells.astype(np.uint16))
    print('nuclei', nuclei.max(), {k: int((v > 0).sum()) for k, v in results.items()})


if __name__ == '__main__':
    main()
