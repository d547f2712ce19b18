"""Reference outputs for the declumping kernels (src/imaging/{peak-local-max,h-maxima,watershed}.ts),
computed with Debian's scikit-image 0.19.3 / SciPy 1.10 / NumPy 1.24.

Writes test-data/reference/segment/:
  tiny.json                tiny images (ties, plateaus, isolated pixels) with skimage's peaks, h-maxima
                           and watershed outputs, compared exactly
  <case>_mask.npy          the binary mask declumped: the ground-truth nuclei of a DSB2018 image made
                           binary (so touching nuclei are merged), uint8
  <case>_smooth.npy        gaussian(image, sigma=2, preserve_range=True) as float32: the intensity surface
  <case>_<run>.npy         watershed labels (uint16) of each run in cases.json
  cases.json               for each case and run: the parameters, the peaks (flat indices, skimage's order)
                           and the h-maxima pixel count

Run with /usr/bin/python3 (see README.md).
"""
import json
import pathlib

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage import filters, measure, morphology, segmentation
from skimage.feature import peak_local_max

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'segment'


def flat(coords, shape):
    return [int(i) for i in np.ravel_multi_index(tuple(np.asarray(coords).T), shape)] if len(coords) else []


def markers_from(peaks, shape):
    m = np.zeros(shape, bool)
    if len(peaks):
        m[tuple(np.asarray(peaks).T)] = True
    return ndi.label(m)[0]


def tiny():
    cases = []
    # plateaus and ties: two equal maxima closer than min_distance, a flat square, an isolated pixel
    a = np.zeros((9, 11))
    a[2, 2] = a[2, 4] = 5
    a[6:8, 6:9] = 3
    a[7, 1] = 2
    a[4, 8] = 4
    cases.append(('ties', a))
    b = np.array([[0, 0, 0, 0, 0, 0, 0],
                  [0, 1, 1, 0, 1, 1, 0],
                  [0, 1, 1, 0, 1, 1, 0],
                  [0, 0, 0, 0, 0, 0, 0],
                  [0, 1, 1, 1, 1, 1, 1]], float)
    cases.append(('flat_objects', b))
    rng = np.random.default_rng(5)
    c = np.round(rng.uniform(0, 4, (10, 12)))  # many equal values: stresses tie order
    cases.append(('random_levels', c))
    out = []
    for name, img in cases:
        mask = img > 0
        lab = measure.label(mask, connectivity=2)
        entry = {'name': name, 'rows': img.tolist(), 'runs': []}
        for md, labels, border in [(1, None, False), (2, None, False), (1, None, True), (2, lab, False),
                                   (1, lab, True), (0, None, False), (3, lab, False)]:
            p = peak_local_max(img, min_distance=md, labels=labels, exclude_border=border)
            entry['runs'].append({'min_distance': md, 'labels': labels is not None,
                                  'exclude_border': md if border else 0, 'peaks': flat(p, img.shape)})
        for h in (0.5, 1, 2.5):
            entry.setdefault('h_maxima', {})[str(h)] = flat(np.argwhere(morphology.h_maxima(img, h)), img.shape)
        markers = markers_from(peak_local_max(img, min_distance=1, labels=lab, exclude_border=False), img.shape)
        entry['markers'] = markers.tolist()
        for conn in (1, 2):
            ws = segmentation.watershed(-img, markers, mask=mask, connectivity=conn)
            entry[f'watershed{conn}'] = ws.tolist()
            ws = segmentation.watershed(img, markers, connectivity=conn)  # no mask, rising surface
            entry[f'watershed{conn}_nomask'] = ws.tolist()
        entry['watershed_compact'] = segmentation.watershed(-img, markers, mask=mask, compactness=0.5).tolist()
        out.append(entry)
    (OUT / 'tiny.json').write_text(json.dumps(out) + '\n')


RUNS = [
    # name, surface, marker source, peak_local_max / h_maxima args, watershed connectivity
    ('dist_md5_c1', 'distance', 'peaks', {'min_distance': 5}, 1),
    ('dist_md3_c2', 'distance', 'peaks', {'min_distance': 3}, 2),
    ('dist_docs', 'distance', 'docs', {}, 1),
    ('dist_h2_c2', 'distance', 'hmax', {'h': 2.0}, 2),
    ('smooth_md4_c2', 'smooth', 'peaks', {'min_distance': 4}, 2),
    ('smooth_h20_c1', 'smooth', 'hmax', {'h': 20.0}, 1),
    ('combined_md4_c2', 'combined', 'peaks', {'min_distance': 4}, 2),  # distance × smoothed intensity
]


def real_case(name, image, gt):
    mask = gt > 0
    np.save(OUT / f'{name}_mask.npy', mask.astype(np.uint8))
    smooth = filters.gaussian(image.astype(np.float32), sigma=2, preserve_range=True).astype(np.float32)
    np.save(OUT / f'{name}_smooth.npy', smooth)
    distance = ndi.distance_transform_edt(mask)
    comps = measure.label(mask, connectivity=2)
    runs = []
    for run, surface_name, source, args, conn in RUNS:
        surface = {'distance': distance, 'smooth': smooth, 'combined': distance * smooth}[surface_name]
        entry = {'run': run, 'surface': surface_name, 'markers': source, 'connectivity': conn, **args}
        if source == 'peaks':
            peaks = peak_local_max(surface, min_distance=args['min_distance'], labels=comps, exclude_border=False)
            entry['peaks'] = flat(peaks, mask.shape)
            markers = markers_from(peaks, mask.shape)
        elif source == 'docs':  # the scikit-image gallery's watershed example
            peaks = peak_local_max(surface, footprint=np.ones((3, 3)), labels=mask)
            entry['peaks'] = flat(peaks, mask.shape)
            markers = markers_from(peaks, mask.shape)
        else:
            hmax = morphology.h_maxima(surface, args['h'])
            entry['h_maxima'] = flat(np.argwhere(hmax), mask.shape)
            markers = ndi.label(hmax, structure=np.ones((3, 3)))[0]
        ws = segmentation.watershed(-surface, markers, mask=mask, connectivity=conn)
        np.save(OUT / f'{name}_{run}.npy', ws.astype(np.uint16))
        entry['count'] = int(ws.max())
        runs.append(entry)
    return {'case': name, 'runs': runs}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    tiny()
    cases = [real_case('dsb256', tifffile.imread(IMAGES / 'dsb2018_256_uint8.tif'),
                       tifffile.imread(IMAGES / 'dsb2018_256_uint8_mask.tif'))]
    img = tifffile.imread(IMAGES / 'dsb2018_512_uint16.tif')[128:384, 0:256]
    gt = tifffile.imread(IMAGES / 'dsb2018_512_uint16_mask.tif')[128:384, 0:256]
    cases.append(real_case('dsb512crop', img, gt))
    (OUT / 'cases.json').write_text(json.dumps(cases) + '\n')
    for c in cases:
        print(c['case'], [(r['run'], r['count']) for r in c['runs']])


if __name__ == '__main__':
    main()
