"""Reference for measure-granularity (src/imaging/granularity.ts, reconstruction.ts, map-coordinates.ts).

CellProfiler 4.2's MeasureGranularity (cellprofiler/modules/measuregranularity.py, run_on_image_setting)
written again step by step with SciPy/scikit-image, on the image as CellProfiler holds it
(cellprofiler_core Image.set_image: float32, uint8 / 255, uint16 / 65535), with no image mask:
  subsample (map_coordinates order 1 at i/s; mask = map_coordinates(ones) > 0.9), background: subsample
  again at i/b, open with disk(element_size) with masked pixels zeroed, map back (row i at
  i*(back_shape-1)/(new_shape-1)), subtract, clip at 0; spectrum: erode by disk(1) step by step,
  reconstruct by dilation under the corrected image (footprint disk(1)), GS = 100 * (previous mean -
  mean) / first mean; objects: scipy.ndimage.mean of the full-size input, then of each reconstruction
  mapped back to full size.

Writes test-data/reference/measure/granularity.json:
  spectra        [{name, image, channel, params, image_gs, labels?, object_gs?}]: image_gs[k] = GS_(k+1);
                 object_gs[k][o] = GS_(k+1) of labels[o]
  reconstruction [{name, width, height, connectivity, seed, mask, out}] skimage.morphology.reconstruction
  linear         [{name, width, height, values (float32), rows, cols, out}] map_coordinates(order=1), float32
  cubic          [{name, values, coords, out}] 1-D map_coordinates (order 3)

Run with Debian's python3 (scikit-image 0.19.3, SciPy 1.10): /usr/bin/python3 scripts/reference/granularity.py
"""
import json
import pathlib

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage import morphology

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'measure'
EPS = np.finfo(float).eps


def cellprofiler_pixels(raw):
    """Image.set_image: cast to float32, then divide by the integer type's maximum in float32."""
    img = raw.astype(np.float32)
    if raw.dtype == np.uint8:
        img /= 255.0
    elif raw.dtype == np.uint16:
        img /= 65535.0
    return img


def sample_grid(shape, scale):
    """np.mgrid over CellProfiler's fractional shape, divided by the scale."""
    rows, cols = np.mgrid[0:shape[0], 0:shape[1]].astype(float)
    return rows / scale, cols / scale


def stretch_grid(shape, from_shape, to_shape):
    """Rows/cols of `shape` mapped onto an image of (fractional) shape from_shape: i * (from - 1) / (to - 1)."""
    rows, cols = np.mgrid[0:shape[0], 0:shape[1]].astype(float)
    rows *= float(from_shape[0] - 1) / float(to_shape[0] - 1)
    cols *= float(from_shape[1] - 1) / float(to_shape[1] - 1)
    return rows, cols


def zero_masked(values, mask):
    out = np.zeros_like(values)
    out[mask] = values[mask]
    return out


def granular_spectrum(pixel_data, subsample_size, image_sample_size, element_size, length, labels=None):
    full_mask = np.ones(pixel_data.shape, bool)
    new_shape = np.array(pixel_data.shape)
    if subsample_size < 1:
        new_shape = new_shape * subsample_size
        grid = sample_grid(new_shape, subsample_size)
        pixels = ndi.map_coordinates(pixel_data, grid, order=1)
        mask = ndi.map_coordinates(full_mask.astype(float), grid) > 0.9
    else:
        pixels = pixel_data.copy()
        mask = full_mask.copy()

    if image_sample_size < 1:
        back_shape = new_shape * image_sample_size
        grid = sample_grid(back_shape, image_sample_size)
        back = ndi.map_coordinates(pixels, grid, order=1)
        back_mask = ndi.map_coordinates(mask.astype(float), grid) > 0.9
    else:
        back, back_mask, back_shape = pixels, mask, new_shape
    disk = morphology.disk(element_size, dtype=bool)
    back = morphology.erosion(zero_masked(back, back_mask), footprint=disk)
    back = morphology.dilation(zero_masked(back, back_mask), footprint=disk)
    if image_sample_size < 1:
        back = ndi.map_coordinates(back, stretch_grid(new_shape, back_shape, new_shape), order=1)
    pixels -= back
    pixels[pixels < 0] = 0

    objects = None
    if labels is not None:
        index = np.arange(1, labels.max() + 1)
        first = np.asarray(ndi.mean(pixel_data, labels, index))
        objects = {'index': index, 'current': first, 'start': np.maximum(first, EPS), 'gs': []}

    start = np.mean(pixels[mask])
    current = start
    start = max(start, EPS)
    ero = pixels.copy()
    ero[~mask] = 0
    cross = morphology.disk(1, dtype=bool)
    spectrum = []
    for _ in range(length):
        previous = current
        ero = morphology.erosion(zero_masked(ero, mask), footprint=cross)
        rec = morphology.reconstruction(ero, pixels, footprint=cross)
        current = np.mean(rec[mask])
        spectrum.append(float((previous - current) * 100 / start))
        if objects is not None:
            full = ndi.map_coordinates(rec, stretch_grid(pixel_data.shape, new_shape, pixel_data.shape), order=1)
            mean = np.asarray(ndi.mean(full, labels, objects['index']))
            objects['gs'].append((objects['current'] - mean) * 100 / objects['start'])
            objects['current'] = mean
    if objects is None:
        return spectrum, None, None
    present = np.unique(labels[labels > 0])
    return spectrum, [int(v) for v in present], [[float(g[v - 1]) for v in present] for g in objects['gs']]


PARAMS = {
    'default': dict(subsample_size=0.25, image_sample_size=0.25, element_size=10, length=16),
    'half': dict(subsample_size=0.5, image_sample_size=0.5, element_size=5, length=10),
    'full': dict(subsample_size=1.0, image_sample_size=1.0, element_size=5, length=8),
    'full_bg_half': dict(subsample_size=1.0, image_sample_size=0.5, element_size=4, length=6),
    # 0.7 leaves the last row and column of a 156 x 163 image beyond the edge (masked); 0.3 samples the
    # mask between pixels
    'odd': dict(subsample_size=0.7, image_sample_size=0.3, element_size=3, length=12),
}

CASES = [
    # name, image file, channel (None: 2-D), labels file, params
    ('dsb256_default', 'dsb2018_256_uint8.tif', None, 'dsb2018_256_uint8_mask.tif', 'default'),
    ('dsb256_full', 'dsb2018_256_uint8.tif', None, 'dsb2018_256_uint8_mask.tif', 'full'),
    ('dsb256_full_bg_half', 'dsb2018_256_uint8.tif', None, 'dsb2018_256_uint8_mask.tif', 'full_bg_half'),
    ('examplehuman_cell_default', 'examplehuman_cell_d2.tif', None, None, 'default'),
    ('examplehuman_cell_half', 'examplehuman_cell_d2.tif', None, None, 'half'),
    ('tubulin_default', 'xyc_16bit__nuclei_tubulin_crop.tif', 1, None, 'default'),
    ('tubulin_odd', 'xyc_16bit__nuclei_tubulin_crop.tif', 1, None, 'odd'),
    ('dsb512_odd', 'dsb2018_512_uint16.tif', None, 'dsb2018_512_uint16_mask.tif', 'odd'),
]


def spectra():
    out = []
    for name, file, channel, labels_file, params in CASES:
        raw = tifffile.imread(IMAGES / file)
        if channel is not None:
            raw = raw[channel]
        labels = tifffile.imread(IMAGES / labels_file).astype(np.int64) if labels_file else None
        p = PARAMS[params]
        gs, present, object_gs = granular_spectrum(cellprofiler_pixels(raw), p['subsample_size'], p['image_sample_size'],
                                                   p['element_size'], p['length'], labels)
        case = {'name': name, 'image': file, 'channel': channel, 'params': p, 'image_gs': gs}
        if labels is not None:
            case.update(labels_file=labels_file, labels=present, object_gs=object_gs)
        out.append(case)
        print(name, ' '.join(f'{g:.3f}' for g in gs))
    return out


def reconstruction_cases():
    rng = np.random.default_rng(7)
    out = []
    for name, (h, w), conn in [('random_4', (16, 21), 4), ('random_8', (16, 21), 8), ('plateaus_4', (17, 19), 4)]:
        # multiples of 1/1024 (short in JSON, exact in binary); quarters make plateaus and ties everywhere
        mask = np.round(rng.random((h, w)) * (4 if name.startswith('plateaus') else 1024)) / (4 if name.startswith('plateaus') else 1024)
        footprint = morphology.disk(1) if conn == 4 else morphology.square(3)
        seed = morphology.erosion(mask, footprint=morphology.disk(2))
        rec = morphology.reconstruction(seed, mask, footprint=footprint)
        out.append({'name': name, 'width': w, 'height': h, 'connectivity': conn,
                    'seed': seed.ravel().tolist(), 'mask': mask.ravel().tolist(), 'out': rec.ravel().tolist()})
    return out


def linear_cases():
    rng = np.random.default_rng(11)
    values = rng.random((9, 13)).astype(np.float32)
    out = []
    for name, rows, cols in [
        ('down', np.arange(0, 9, 1 / 0.7)[:7], np.arange(0, 13, 1 / 0.7)[:10]),
        ('edges', np.array([-0.5, -1e-12, 0, 0.5, 7.999, 8, 8 + 1e-9, 9]), np.array([0, 3.25, 11.5, 12, 12.5])),
        ('stretch', np.arange(9) * (5.3 - 1) / (9 - 1), np.arange(13) * (6.1 - 1) / (13 - 1)),
    ]:
        res = ndi.map_coordinates(values, np.meshgrid(rows, cols, indexing='ij'), order=1)
        out.append({'name': name, 'width': 13, 'height': 9, 'values': values.ravel().tolist(),
                    'rows': rows.tolist(), 'cols': cols.tolist(), 'out': res.ravel().tolist()})
    return out


def cubic_cases():
    rng = np.random.default_rng(5)
    out = []
    for name, values in [('step_end', np.r_[np.ones(12), 0.0]), ('random', rng.random(10)), ('two', np.array([1.0, 0.0]))]:
        n = len(values)
        coords = np.r_[np.linspace(-0.5, n - 0.5, 41), 0, n - 1, (n - 1) / 0.3 * 0.3]
        out.append({'name': name, 'values': values.tolist(), 'coords': coords.tolist(),
                    'out': ndi.map_coordinates(values, [coords]).tolist()})
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    result = {'spectra': spectra(), 'reconstruction': reconstruction_cases(), 'linear': linear_cases(), 'cubic': cubic_cases()}
    (OUT / 'granularity.json').write_text(json.dumps(result) + '\n')


if __name__ == '__main__':
    main()
