"""Reference for pipelines/image-stats.json: size, dtype and NumPy min/max/mean/std of each image."""
import json
import pathlib

import numpy as np
import tifffile

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'image-stats'

# name -> (planes, channels) as the file's axes say (ImageJ/OME metadata), pixel size in µm or None
CASES = {
    'blobs.tif': None,
    'dsb2018_512_uint16.tif': None,
    'xy_8bit__mitocheck_incenp_t1.tif': 0.1,
    'xy_16bit_calibrated__nuclei_various_shapes.tif': 0.2,
    'xyt_8bit_polyp.tif': None,
    'xyz_16bit__spots.ome.tif': 0.0941344539,
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    result = {}
    for name, px in CASES.items():
        a = tifffile.imread(IMAGES / name).astype(np.float64)
        result[name] = {
            'min': float(a.min()), 'max': float(a.max()), 'mean': float(a.mean()), 'std': float(a.std()),
            'width': int(a.shape[-1]), 'height': int(a.shape[-2]), 'samples': int(a.size), 'pixel_size_um': px,
        }
    (OUT / 'stats.json').write_text(json.dumps(result, indent=1) + '\n')
    print(json.dumps(result, indent=1))


if __name__ == '__main__':
    main()
