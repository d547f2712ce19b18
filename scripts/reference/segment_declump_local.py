"""Reference for local-threshold's automatic block and global floor (nodes/threshold/local-threshold.ts),
the foreground of pipelines/nuclei-declump.json: on crops of the DSB2018 nuclei smoothed with a Gaussian of
sigma 1 (float32), the global threshold g (skimage threshold_li / threshold_otsu), the block
2·round(2·r) + 1 with r the median over the 8-connected objects of (image > g) (dark: <= g) of their
largest distance_transform_edt value, and the per-pixel threshold threshold_local(image, block,
'gaussian') raised to g (bright) or lowered to it (dark; no floor: unchanged, r from Otsu's objects).

Writes test-data/reference/segment/local_floor/: the smoothed sources (float32), the expected masks
(uint8) and cases.json (block, global threshold, the per-pixel threshold at the centre). Run with /usr/bin/python3.
"""
import json
import pathlib

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage import filters, measure

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'test-data' / 'reference' / 'segment' / 'local_floor'


def typical_radius(mask):
    comps = measure.label(mask, connectivity=2)
    return np.median(ndi.maximum(ndi.distance_transform_edt(mask), comps, np.arange(1, comps.max() + 1)))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    images = ROOT / 'test-data' / 'images'
    sources = {
        'dsb256': tifffile.imread(images / 'dsb2018_256_uint8.tif')[:128, :128],
        'dsb512': tifffile.imread(images / 'dsb2018_512_uint16.tif')[200:360, 100:260],
    }
    cases = []
    for name, img in sources.items():
        smooth = filters.gaussian(img.astype(np.float32), sigma=1, preserve_range=True).astype(np.float32)
        np.save(OUT / f'source_{name}.npy', smooth)
        for floor, objects in [('li', 'bright'), ('none', 'bright'), ('otsu', 'dark')]:
            data = smooth if objects == 'bright' else (smooth.max() - smooth).astype(np.float32)
            if objects == 'dark':
                np.save(OUT / f'source_{name}_inverted.npy', data)
            g = (filters.threshold_li if floor == 'li' else filters.threshold_otsu)(data)
            fg = data > g if objects == 'bright' else data <= g
            block = 2 * int(np.floor(2 * typical_radius(fg) + 0.5)) + 1
            t = filters.threshold_local(data, block, method='gaussian')
            if floor != 'none':
                t = np.maximum(t, g) if objects == 'bright' else np.minimum(t, g)
            mask = (data > t) if objects == 'bright' else (data <= t)
            out = f'{name}_{floor}_{objects}_mask.npy'
            np.save(OUT / out, mask.astype(np.uint8))
            h, w = data.shape
            cases.append({'source': f'source_{name}{"_inverted" if objects == "dark" else ""}.npy', 'floor': floor,
                          'objects': objects, 'block': block, 'out': out, 'global': float(g),
                          'threshold_at_centre': float(t[h // 2, w // 2])})
            print(name, floor, objects, 'block', block, 'foreground px', int(mask.sum()))
    (OUT / 'cases.json').write_text(json.dumps(cases, indent=1) + '\n')


if __name__ == '__main__':
    main()
