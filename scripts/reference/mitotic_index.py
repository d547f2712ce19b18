"""Reference for pipelines/mitotic-index.json on CellProfiler's ExampleHuman field (test-data/images/
examplehuman_dna_packbits.tif = DNA, examplehuman_ph3_d1.tif = pH3): the same steps in scikit-image.

Nuclei: gaussian(DNA, sigma 2, preserve_range) > threshold_otsu, binary_fill_holes, label (8-connected),
objects of at least 30 px (renumbered in label order); per nucleus its area and mean pH3 intensity
(regionprops); ph3_positive = mean pH3 > 15. Writes test-data/reference/measure/mitotic_index.json.
Run with /usr/bin/python3.
"""
import json
import pathlib

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage import filters, measure

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'measure'
PH3_THRESHOLD = 15


def main():
    dna = tifffile.imread(IMAGES / 'examplehuman_dna_packbits.tif')
    ph3 = tifffile.imread(IMAGES / 'examplehuman_ph3_d1.tif')
    smooth = filters.gaussian(dna.astype(np.float64), sigma=2, preserve_range=True)
    mask = ndi.binary_fill_holes(smooth > filters.threshold_otsu(smooth))
    labels = measure.label(mask, connectivity=2)
    props = [p for p in measure.regionprops(labels, intensity_image=ph3) if p.area >= 30]
    means = [float(p.mean_intensity) for p in props]
    positive = sum(m > PH3_THRESHOLD for m in means)
    result = {
        'nuclei': len(props),
        'ph3_positive': int(positive),
        'mitotic_index': positive / len(props),
        'area': [int(p.area) for p in props],
        'mean_intensity_pH3': means,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / 'mitotic_index.json').write_text(json.dumps(result) + '\n')
    print({k: v for k, v in result.items() if not isinstance(v, list)})


if __name__ == '__main__':
    main()
