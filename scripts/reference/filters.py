"""Reference outputs for the filter/threshold/segment kernels (src/imaging/{gaussian,histogram,threshold,
fill-holes,label,filter-objects}.ts), computed with Debian's scikit-image 0.19.3 / SciPy 1.10 / NumPy 1.24.

Writes test-data/reference/filters/:
  sources/<name>.npy        the input pixels (little-endian, native dtype), so TS tests need no TIFF decoder
  gaussian/<name>_sigma<s>.npy   scipy.ndimage.gaussian_filter(img.astype(float32), s, mode='nearest',
                            truncate=4.0), float32, per plane
  hist/<name>_{counts,centers}.npy   skimage.exposure.histogram(img.ravel(), 256, source_range='image')
  seg/<case>_{mask,filled,labels4,labels8,filtered}.npy   threshold mask, binary_fill_holes,
                            skimage.measure.label (connectivity 1 and 2), area filter
  thresholds.json           every skimage threshold on raw, blurred and "pipeline" images, plus tiny cases
  manifest.json             what each fixture is (source, sigma, crop, params), read by the tests

Deterministic: fixed seeds, no timing. Run with /usr/bin/python3 (see README.md).
"""
import json
import pathlib

import numpy as np
import scipy
import scipy.ndimage as ndi
import skimage
import tifffile
from skimage import filters, measure
from skimage.exposure import histogram
from skimage.segmentation import relabel_sequential

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'filters'

SIGMAS = [0.5, 1.0, 2.0, 3.7]
METHODS = ['otsu', 'li', 'triangle', 'yen', 'isodata', 'mean']


def save(rel, arr):
    path = OUT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    arr = np.ascontiguousarray(arr)
    if arr.dtype.byteorder == '>' or (arr.dtype.byteorder == '=' and not np.little_endian):
        arr = arr.astype(arr.dtype.newbyteorder('<'))
    np.save(path, arr)
    return rel


def synthetic():
    """120x150 uint8 with known truth: 6 disks, 1 ring (hole), a diagonal pair, 3 specks, 1 big block."""
    rng = np.random.default_rng(20241125)
    h, w = 120, 150
    img = 40 + rng.normal(0, 6, (h, w))
    yy, xx = np.mgrid[0:h, 0:w]
    truth = np.zeros((h, w), bool)
    for cy, cx, r in [(18, 20, 6), (20, 60, 9), (60, 25, 12), (95, 30, 5), (95, 70, 8), (60, 70, 10)]:
        truth |= (yy - cy) ** 2 + (xx - cx) ** 2 <= r * r
    d2 = (yy - 25) ** 2 + (xx - 115) ** 2
    truth |= (d2 <= 14 * 14) & (d2 > 7 * 7)          # ring: its hole must fill
    truth[60:64, 100:104] = True                       # diagonal pair: one object (8) or two (4)
    truth[64:68, 104:108] = True
    for y, x in [(105, 110), (108, 120), (112, 100)]:  # specks of 4 px
        truth[y:y + 2, x:x + 2] = True
    truth[80:100, 115:145] = True                      # 600 px block
    img[truth] += 120
    u8 = np.clip(np.round(img), 0, 255).astype(np.uint8)
    f32 = ((u8.astype(np.float32) - np.float32(60)) / np.float32(100)).astype(np.float32)
    return u8, f32


def hist_edges_image():
    """Float32 values sitting on, and one ulp either side of, the 256-bin edges of [-1.3, 2.7]."""
    lo, hi = np.float32(-1.3), np.float32(2.7)
    edges = np.linspace(lo, hi, 257, dtype=np.float32)
    vals = np.concatenate([edges, np.nextafter(edges, np.float32(-np.inf)), np.nextafter(edges, np.float32(np.inf))])
    vals = np.clip(vals, lo, hi).astype(np.float32)
    return vals[: (vals.size // 19) * 19].reshape(19, -1)


def gaussian(img, sigma):
    """Per 2-D plane, as cellgraph does for stacks."""
    f = img.astype(np.float32)
    if f.ndim == 2:
        return ndi.gaussian_filter(f, sigma, mode='nearest', truncate=4.0)
    return np.stack([ndi.gaussian_filter(p, sigma, mode='nearest', truncate=4.0) for p in f])


def to_json_number(v):
    v = np.asarray(v).item()
    return v


def all_thresholds(img):
    out = {}
    for m in METHODS:
        try:
            out[m] = to_json_number(getattr(filters, f'threshold_{m}')(img))
        except Exception as exc:  # noqa: BLE001 - recorded, the TS side documents its own behaviour
            out[m] = None
            out[f'{m}_error'] = f'{type(exc).__name__}: {exc}'
    return out


def label_sequential(mask, connectivity):
    return measure.label(mask, connectivity=connectivity, background=0)


def filter_by_area(labels, min_area, max_area):
    areas = np.bincount(labels.ravel())
    drop = (areas < min_area) | (areas > max_area)
    drop[0] = False
    out = labels.copy()
    out[drop[labels]] = 0
    return relabel_sequential(out)[0]


def main():
    np.random.seed(0)
    manifest = {'versions': {'numpy': np.__version__, 'scipy': scipy.__version__, 'skimage': skimage.__version__,
                             'tifffile': tifffile.__version__},
                'sources': {}, 'gaussian': [], 'hist': [], 'seg': []}

    read = lambda name: tifffile.imread(IMAGES / name)  # noqa: E731
    src = {
        'blobs': read('blobs.tif'),
        'dsb256': read('dsb2018_256_uint8.tif'),
        'dsb512': read('dsb2018_512_uint16.tif'),
        'mitocheck': read('xy_8bit__mitocheck_incenp_t1.tif'),
        'nuclei16': read('xy_16bit_calibrated__nuclei_various_shapes.tif'),
        'few_touching': read('xy_8bit__few_touching_nuclei.tif'),
        'polyp': read('xyt_8bit_polyp.tif'),
        'spots': read('xyz_16bit__spots.ome.tif'),
    }
    src['dsb512_crop'] = src['dsb512'][160:352, 128:320]
    src['nuclei16_crop'] = src['nuclei16'][40:190, 50:220]
    src['synthetic'], src['synthetic_float'] = synthetic()
    src['tiny_edge'] = np.random.default_rng(7).integers(0, 4000, (5, 7)).astype(np.uint16)
    src['hist_edges'] = hist_edges_image()
    files = {'blobs': 'blobs.tif', 'dsb256': 'dsb2018_256_uint8.tif', 'dsb512': 'dsb2018_512_uint16.tif',
             'mitocheck': 'xy_8bit__mitocheck_incenp_t1.tif',
             'nuclei16': 'xy_16bit_calibrated__nuclei_various_shapes.tif',
             'few_touching': 'xy_8bit__few_touching_nuclei.tif', 'polyp': 'xyt_8bit_polyp.tif',
             'spots': 'xyz_16bit__spots.ome.tif', 'dsb512_crop': 'dsb2018_512_uint16.tif [160:352, 128:320]',
             'nuclei16_crop': 'xy_16bit_calibrated__nuclei_various_shapes.tif [40:190, 50:220]'}
    for name, img in src.items():
        img = np.ascontiguousarray(img)
        src[name] = img
        manifest['sources'][name] = {'file': save(f'sources/{name}.npy', img), 'from': files.get(name, 'synthetic'),
                                     'dtype': str(img.dtype), 'shape': list(img.shape)}

    # Gaussian on crops and small images (fixture size), every sigma.
    blurred = {}
    for name in ['blobs', 'dsb512_crop', 'nuclei16_crop', 'synthetic_float', 'tiny_edge']:
        for s in SIGMAS:
            g = gaussian(src[name], s)
            assert g.dtype == np.float32
            key = f'{name}_sigma{s:g}'
            blurred[key] = g
            manifest['gaussian'].append({'source': name, 'sigma': s, 'file': save(f'gaussian/{key}.npy', g)})

    thresholds = {'raw': {}, 'blurred': {}, 'pipeline': {}, 'tiny': {}}
    for name in ['blobs', 'dsb256', 'dsb512', 'mitocheck', 'nuclei16', 'few_touching', 'polyp', 'spots',
                 'synthetic', 'synthetic_float', 'hist_edges']:
        thresholds['raw'][name] = all_thresholds(src[name])
    for key, g in blurred.items():
        thresholds['blurred'][key] = all_thresholds(g)
    # Pipelines: the TS test blurs the full image itself, then thresholds.
    for name, s in [('dsb512', 2.0), ('mitocheck', 1.0), ('nuclei16', 3.7), ('polyp', 1.0), ('few_touching', 0.5),
                    ('dsb256', 2.0)]:
        thresholds['pipeline'][f'{name}_sigma{s:g}'] = {'source': name, 'sigma': s,
                                                       **all_thresholds(gaussian(src[name], s))}
    tiny = {
        'two_values_u8': (np.array([[0, 0, 0, 255], [0, 0, 255, 255]], np.uint8)),
        'three_values_u8': (np.array([[10, 10, 20], [20, 30, 30], [10, 10, 10]], np.uint8)),
        'ramp_u16': (np.arange(0, 1000, 10, dtype=np.uint16).reshape(10, 10)),
        'negative_i16': (np.array([[-500, -20, 0, 3], [7, 900, -500, 10]], np.int16)),
        'float_negative': (np.array([[-2.5, -2.25, 0.125, 1.0], [3.75, -1.0, 0.5, 9.0]], np.float32)),
        'float_two_values': (np.array([[0.25, 0.25, 0.75], [0.75, 0.75, 0.25]], np.float32)),
    }
    for name, img in tiny.items():
        thresholds['tiny'][name] = {'dtype': str(img.dtype), 'rows': img.tolist(), **all_thresholds(img)}

    # Histograms (counts and bin centres) of float and integer images.
    for name, img in [('blobs_sigma2', blurred['blobs_sigma2']), ('synthetic_float', src['synthetic_float']),
                      ('hist_edges', src['hist_edges']), ('dsb512', src['dsb512']), ('few_touching', src['few_touching']),
                      ('nuclei16_crop_sigma3.7', blurred['nuclei16_crop_sigma3.7'])]:
        counts, centers = histogram(img.ravel(), 256, source_range='image')
        manifest['hist'].append({'name': name,
                                 'counts': save(f'hist/{name}_counts.npy', counts.astype(np.uint32)),
                                 'centers': save(f'hist/{name}_centers.npy', centers.astype(np.float64))})

    # Segmentation chain: threshold mask -> fill holes -> label 4/8 -> filter by area.
    cases = [
        ('blobs', src['blobs'], 'blobs', None, 'otsu', 30, 400),
        ('dsb256', src['dsb256'], 'dsb256', None, 'li', 20, 600),
        ('dsb512_crop_sigma1', blurred['dsb512_crop_sigma1'], 'dsb512_crop', 1.0, 'otsu', 15, 500),
        ('synthetic', src['synthetic'], 'synthetic', None, 'otsu', 10, 500),
    ]
    for case, img, source, sigma, method, min_area, max_area in cases:
        t = getattr(filters, f'threshold_{method}')(img)
        mask = img > t
        filled = ndi.binary_fill_holes(mask)
        l4 = label_sequential(filled, 1)
        l8 = label_sequential(filled, 2)
        filt = filter_by_area(l8, min_area, max_area)
        assert max(l4.max(), l8.max()) < 65536
        entry = {'case': case, 'source': source, 'sigma': sigma, 'method': method, 'threshold': to_json_number(t),
                 'min_area': min_area, 'max_area': max_area,
                 'count4': int(l4.max()), 'count8': int(l8.max()), 'count_filtered': int(filt.max()),
                 'holes_filled': int(filled.sum() - mask.sum())}
        for part, arr in [('mask', mask.astype(np.uint8)), ('filled', filled.astype(np.uint8)),
                          ('labels4', l4.astype(np.uint16)), ('labels8', l8.astype(np.uint16)),
                          ('filtered', filt.astype(np.uint16))]:
            entry[part] = save(f'seg/{case}_{part}.npy', arr)
        manifest['seg'].append(entry)

    # NumPy's own float32 log (not correctly rounded on x86-64 SIMD), which skimage's float Li/Yen use.
    rng = np.random.default_rng(11)
    logs_in = np.concatenate([
        (10.0 ** rng.uniform(-30, 30, 3000)).astype(np.float32),
        np.nextafter(np.float32(1), np.float32(0)) + np.arange(-40, 40, dtype=np.float32) * np.float32(2 ** -24),
        np.float32(np.sqrt(0.5)) + np.arange(-40, 40, dtype=np.float32) * np.float32(2 ** -25),
        np.float32(2.0) ** np.arange(-149, 128, 7, dtype=np.float32),
        rng.uniform(0, 300, 2000).astype(np.float32),
    ]).astype(np.float32)
    save('numpy/logf32_in.npy', logs_in)
    save('numpy/logf32_out.npy', np.log(logs_in))

    (OUT / 'thresholds.json').write_text(json.dumps(thresholds, indent=1) + '\n')
    (OUT / 'manifest.json').write_text(json.dumps(manifest, indent=1) + '\n')
    total = sum(p.stat().st_size for p in OUT.rglob('*') if p.is_file())
    print(f'wrote {OUT.relative_to(ROOT)} ({total / 1e6:.2f} MB)')


if __name__ == '__main__':
    main()
