"""Reference outputs for the morphology kernels and nodes (src/imaging/{morphology,rolling-ball,
distance-transform,remove-small-holes,clear-border,expand-labels,shrink-labels,skeletonize}.ts),
computed with Debian's scikit-image 0.19.3 / SciPy 1.10 / NumPy 1.24.

Reads the 128x128 crops written by preprocess.py (test-data/reference/preprocess/sources) and writes
test-data/reference/morphology/:
  sources/*.npy          64x64 crops, masks (Otsu) and labels (skimage.measure.label) used as inputs
  <kernel>/<case>.npy    reference outputs (rolling-ball backgrounds as float32)
  manifest.json          {kernel: [{source, params..., out}]}, read by the tests

Run with /usr/bin/python3 after preprocess.py (see README.md).
"""
import json
import pathlib

import numpy as np
import scipy.ndimage as ndi
from skimage import filters, measure, morphology, segmentation
from skimage.restoration.rolling_ball import ball_kernel

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = ROOT / 'test-data' / 'reference' / 'preprocess' / 'sources'
OUT = ROOT / 'test-data' / 'reference' / 'morphology'
MANIFEST = {}


def save(rel, arr):
    path = OUT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, np.ascontiguousarray(arr))
    return rel


def case(kernel, source, out_name, result, **params):
    rel = save(f'{kernel}/{out_name}.npy', result)
    MANIFEST.setdefault(kernel, []).append({'source': source, **params, 'out': rel})


def rolling_ball_opening(img, radius, light):
    """ImageJ's rolling ball: grey opening with the ball's height profile, pixels outside ignored."""
    kernel = ball_kernel(radius, 2)
    inside = np.isfinite(kernel)
    deficit = np.where(inside, kernel[kernel.shape[0] // 2, kernel.shape[1] // 2] - kernel, 0.0)
    f = img.astype(np.float64)
    if light:
        f = -f
    eroded = ndi.grey_erosion(f, footprint=inside, structure=-deficit, mode='constant', cval=np.inf)
    opened = ndi.grey_dilation(eroded, footprint=inside, structure=-deficit, mode='constant', cval=-np.inf)
    return -opened if light else opened


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    src = {name: np.load(SOURCES / f'{name}.npy') for name in ('blobs_u8', 'nuclei_u16', 'dna_u8', 'dna_f32')}

    for name, r, light in (('blobs_u8', 5, False), ('blobs_u8', 12.5, False), ('nuclei_u16', 8, False),
                           ('dna_f32', 6, False), ('blobs_u8', 7, True), ('nuclei_u16', 8, True)):
        case('rolling_ball_opening', name, f'{name}_r{r}{"_light" if light else ""}',
             rolling_ball_opening(src[name], r, light).astype(np.float32), radius=r, light=light)

    # 64x64 crops keep the remaining fixtures small
    src = {name: np.ascontiguousarray(a[32:96, 32:96]) for name, a in src.items()}
    for name in ('blobs_u8', 'dna_f32'):
        save(f'sources/{name}_64.npy', src[name])

    # masks and labels from the real crops
    blobs = src['blobs_u8']
    mask = blobs > filters.threshold_otsu(blobs)
    save('sources/blobs_mask.npy', mask.astype(np.uint8))
    dna = src['dna_u8']
    dna_mask = dna > filters.threshold_otsu(dna)
    save('sources/dna_mask.npy', dna_mask.astype(np.uint8))
    labels = measure.label(mask, connectivity=1).astype(np.uint32)
    save('sources/blobs_labels.npy', labels)
    dna_labels = measure.label(dna_mask, connectivity=2).astype(np.uint32)
    save('sources/dna_labels.npy', dna_labels)

    footprints = {'disk': morphology.disk, 'square': lambda r: morphology.square(2 * r + 1)}
    grey_ops = {'erode': morphology.erosion, 'dilate': morphology.dilation,
                'open': morphology.opening, 'close': morphology.closing}
    binary_ops = {'erode': morphology.binary_erosion, 'dilate': morphology.binary_dilation,
                  'open': morphology.binary_opening, 'close': morphology.binary_closing}
    for op in grey_ops:
        for shape, r in (('disk', 1), ('disk', 4), ('square', 2)):
            fp = footprints[shape](r)
            for name in ('blobs_u8', 'dna_f32'):
                case(f'grey_{op}', f'{name}_64', f'{name}_{shape}{r}', grey_ops[op](src[name], fp), shape=shape, radius=r)
            for name in ('blobs_mask', 'dna_mask'):
                m = mask if name == 'blobs_mask' else dna_mask
                case(f'binary_{op}', name, f'{name}_{shape}{r}', binary_ops[op](m, fp).astype(np.uint8), shape=shape, radius=r)

    for name, m in (('blobs_mask', mask), ('dna_mask', dna_mask)):
        case('edt', name, name, ndi.distance_transform_edt(m))
        case('edt', name, f'{name}_sampling', ndi.distance_transform_edt(m, sampling=(0.5, 0.3)), sampling=[0.5, 0.3])
        for area in (8, 64):
            for conn in (1, 2):
                case('remove_small_holes', name, f'{name}_a{area}_c{conn}',
                     morphology.remove_small_holes(m, area, connectivity=conn).astype(np.uint8), area=area, connectivity=conn)
        case('skeletonize', name, name, morphology.skeletonize(m).astype(np.uint8))

    for name, lab in (('blobs_labels', labels), ('dna_labels', dna_labels)):
        for buf in (0, 3):
            case('clear_border', name, f'{name}_b{buf}', segmentation.clear_border(lab, buffer_size=buf), buffer=buf)
        for d in (1, 3, 7.5):
            case('expand_labels', name, f'{name}_d{d}', segmentation.expand_labels(lab, d).astype(np.uint32), distance=d)
        for d in (1, 2.5):
            # each label kept where its own distance transform (edge not background) exceeds d
            shrunk = np.zeros_like(lab)
            for v in range(1, lab.max() + 1):
                region = lab == v
                dist = ndi.distance_transform_edt(np.pad(region, 1, constant_values=True))[1:-1, 1:-1]
                shrunk[region & (dist > d)] = v
            case('shrink_labels', name, f'{name}_d{d}', shrunk, distance=d)

    (OUT / 'manifest.json').write_text(json.dumps(MANIFEST, indent=1) + '\n')
    total = sum(p.stat().st_size for p in OUT.rglob('*') if p.is_file())
    print(f'wrote {sum(len(v) for v in MANIFEST.values())} cases, {total / 1e6:.2f} MB')


if __name__ == '__main__':
    main()
