"""Reference outputs for the preprocessing, background and colour kernels (src/imaging/{median,
uniform-filter,unsharp-mask,laplacian-of-gaussian,difference-of-gaussians,sobel,rescale-intensity,
convert-type,resize,rolling-ball,tophat,illumination,weighted-gray,color-deconvolution}.ts), computed
with Debian's scikit-image 0.19.3 / SciPy 1.10 / NumPy 1.24.

Writes test-data/reference/preprocess/:
  sources/<name>.npy     input pixels (2-D crops of real images, 128x128, plus a synthetic RGB), so the
                         TS tests need no TIFF decoder
  <kernel>/<case>.npy    the reference output of each case
  manifest.json          {kernel: [{source, params..., out}]}, read by the tests

Deterministic: fixed crops and seeds. Run with /usr/bin/python3 (see README.md).
"""
import json
import pathlib

import numpy as np
import scipy.ndimage as ndi
import tifffile
from skimage import color, exposure, filters, morphology, restoration, transform, util

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'reference' / 'preprocess'
MANIFEST = {}


def save(rel, arr):
    path = OUT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    arr = np.ascontiguousarray(arr)
    if arr.dtype.byteorder == '>':
        arr = arr.astype(arr.dtype.newbyteorder('<'))
    np.save(path, arr)
    return rel


def case(kernel, source, out_name, result, **params):
    rel = save(f'{kernel}/{out_name}.npy', result)
    MANIFEST.setdefault(kernel, []).append({'source': source, **params, 'out': rel})


def synthetic_hed_rgb():
    """64x64 RGB uint8: known haematoxylin/eosin/DAB optical densities mixed by skimage's rgb_from_hed."""
    rng = np.random.default_rng(20241125)
    h, w = 64, 64
    yy, xx = np.mgrid[0:h, 0:w]
    hema = 0.8 * np.exp(-((yy - 20) ** 2 + (xx - 22) ** 2) / 120.0)
    eosin = 0.5 * (xx / (w - 1))
    dab = 0.6 * ((yy > 40) & (xx > 36))
    stains = np.stack([hema, eosin, dab], axis=-1) + rng.uniform(0, 0.03, (h, w, 3))
    rgb = color.hed2rgb(stains)  # float 0..1
    return np.clip(np.round(rgb * 255), 0, 255).astype(np.uint8)


def sources():
    blobs = tifffile.imread(IMAGES / 'blobs.tif')[60:188, 60:188]
    nuclei = tifffile.imread(IMAGES / 'xy_16bit_calibrated__nuclei_various_shapes.tif')[60:188, 70:198]
    dna = tifffile.imread(IMAGES / 'examplehuman_dna_packbits.tif')[100:228, 100:228]
    tubulin = tifffile.imread(IMAGES / 'xyc_16bit__nuclei_tubulin_crop.tif')  # (2, 156, 163)
    # a float image with negative values and ties: a linear map of the 8-bit DNA crop
    f32 = (dna.astype(np.float32) * np.float32(0.37) - np.float32(5.2)).astype(np.float32)
    src = {'blobs_u8': blobs, 'nuclei_u16': nuclei, 'dna_u8': dna, 'dna_f32': f32,
           'tubulin_u16': tubulin, 'hed_rgb_u8': synthetic_hed_rgb()}
    for name, a in src.items():
        save(f'sources/{name}.npy', a)
    return src


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    src = sources()
    gray = ['blobs_u8', 'nuclei_u16', 'dna_f32']

    for name in gray:
        for r in (1, 2, 5):
            case('median', name, f'{name}_r{r}', filters.median(src[name], morphology.disk(r), mode='nearest'), radius=r)
    case('median', 'tubulin_u16', 'tubulin_u16_r3',
         np.stack([filters.median(c, morphology.disk(3), mode='nearest') for c in src['tubulin_u16']]), radius=3)

    for name in gray:
        for size in (3, 4, 7):
            res = ndi.uniform_filter(src[name].astype(np.float64), size, mode='nearest')
            case('mean', name, f'{name}_s{size}', res.astype(np.float32), size=size)

    for name in gray:
        for radius, amount in ((1.0, 1.0), (3.0, 0.7)):
            res = filters.unsharp_mask(src[name], radius=radius, amount=amount, preserve_range=True)
            case('unsharp', name, f'{name}_r{radius}_a{amount}', res.astype(np.float32), radius=radius, amount=amount)

    for name in gray:
        for sigma in (1.0, 2.5):
            res = ndi.gaussian_laplace(src[name].astype(np.float64), sigma, mode='nearest')
            case('log', name, f'{name}_s{sigma}', res.astype(np.float32), sigma=sigma)

    for name in gray:
        for low, high in ((1.0, 3.0), (2.0, None)):
            res = filters.difference_of_gaussians(src[name], low, high, mode='nearest')
            case('dog', name, f'{name}_{low}_{high}', res.astype(np.float32), low=low, high=high)

    for name in gray:
        case('sobel', name, name, filters.sobel(src[name]).astype(np.float32))

    rescale_cases = [
        ('blobs_u8', 'image', 'dtype', 'img_dtype'),
        ('blobs_u8', (1.0, 99.5), 'uint8', 'pct_u8'),
        ('nuclei_u16', 'image', 'uint8', 'img_u8'),
        ('nuclei_u16', (0.5, 99.0), 'uint16', 'pct_u16'),
        ('nuclei_u16', (33100.0, 34000.0), (0.0, 1.0), 'values_float'),
        ('dna_f32', 'image', 'uint16', 'img_u16'),
        ('dna_f32', (2.0, 98.0), (-1.0, 10.0), 'pct_range'),
        ('dna_f32', 'image', 'dtype', 'img_dtype'),
    ]
    for name, in_range, out_range, tag in rescale_cases:
        img = src[name]
        params = {}
        if isinstance(in_range, tuple) and tag.startswith('pct'):
            lo, hi = np.percentile(img, in_range)
            params['in'] = {'mode': 'percentiles', 'low': in_range[0], 'high': in_range[1],
                            'values': [float(lo), float(hi)]}
            in_range = (lo, hi)
        elif isinstance(in_range, tuple):
            params['in'] = {'mode': 'values', 'low': in_range[0], 'high': in_range[1]}
        else:
            params['in'] = {'mode': 'image'}
        params['outRange'] = list(out_range) if isinstance(out_range, tuple) else out_range
        res = exposure.rescale_intensity(img, in_range=in_range, out_range=out_range)
        if res.dtype == np.float64:
            res = res.astype(np.float32)
        case('rescale', name, f'{name}_{tag}', res, **params)

    case('convert', 'nuclei_u16', 'nuclei_u16_to_u8', util.img_as_ubyte(src['nuclei_u16']), to='uint8')
    case('convert', 'blobs_u8', 'blobs_u8_to_u16', util.img_as_uint(src['blobs_u8']), to='uint16')
    case('convert', 'blobs_u8', 'blobs_u8_to_f32', util.img_as_float32(src['blobs_u8']), to='float32')
    case('convert', 'nuclei_u16', 'nuclei_u16_to_f32', util.img_as_float32(src['nuclei_u16']), to='float32')
    unit = (src['dna_f32'] - src['dna_f32'].min()) / np.float32(100.0)  # 0..0.95, float32
    save('sources/dna_unit_f32.npy', unit)
    case('convert', 'dna_unit_f32', 'dna_unit_f32_to_u8', util.img_as_ubyte(unit), to='uint8')
    case('convert', 'dna_unit_f32', 'dna_unit_f32_to_u16', util.img_as_uint(unit), to='uint16')

    for name in ('blobs_u8', 'dna_f32'):
        for f in (2, 3):
            case('bin', name, f'{name}_f{f}', transform.downscale_local_mean(src[name], (f, f)).astype(np.float32), factor=f)
        for shape in ((50, 70), (300, 200), (128, 37)):
            res = transform.resize(src[name], shape, order=1, mode='edge', anti_aliasing=False, preserve_range=True)
            case('bilinear', name, f'{name}_{shape[0]}x{shape[1]}', res.astype(np.float32),
                 height=shape[0], width=shape[1])

    for name in gray:
        for r in (5, 15):
            bg = restoration.rolling_ball(src[name], radius=r)
            case('rolling_ball', name, f'{name}_r{r}', bg, radius=r, light=False)
    # light background, the recipe of skimage's gallery (invert, roll, invert back)
    for name in ('blobs_u8', 'nuclei_u16'):
        bg = util.invert(restoration.rolling_ball(util.invert(src[name]), radius=8))
        case('rolling_ball', name, f'{name}_r8_light', bg, radius=8, light=True)
    case('rolling_ball', 'blobs_u8', 'blobs_u8_r2.5', restoration.rolling_ball(src['blobs_u8'], radius=2.5),
         radius=2.5, light=False)

    for name in gray:
        for r in (3, 7):
            case('white_tophat', name, f'{name}_r{r}', morphology.white_tophat(src[name], morphology.disk(r)), radius=r)
            case('black_tophat', name, f'{name}_r{r}', morphology.black_tophat(src[name], morphology.disk(r)), radius=r)

    # illumination: a large smoothing of one image, optionally divided by its mean
    dna = src['dna_u8']
    g = ndi.gaussian_filter(dna.astype(np.float64), 20.0, mode='nearest', truncate=4.0)
    case('illumination', 'dna_u8', 'dna_u8_gauss20_mean', (g / g.mean()).astype(np.float32),
         method='gaussian', size=20, normalize='mean')
    m = ndi.median_filter(dna.astype(np.float64), footprint=morphology.disk(10), mode='nearest')
    case('illumination', 'dna_u8', 'dna_u8_median10_none', m.astype(np.float32),
         method='median', size=10, normalize='none')
    case('illumination', 'dna_u8', 'dna_u8_median10_median', (m / np.median(m)).astype(np.float32),
         method='median', size=10, normalize='median')

    rgb = src['hed_rgb_u8']
    case('gray', 'hed_rgb_u8', 'hed_rgb_u8_gray', color.rgb2gray(rgb).astype(np.float32))
    hed = color.rgb2hed(rgb)
    case('hed', 'hed_rgb_u8', 'hed_rgb_u8_hed', np.moveaxis(hed, -1, 0).astype(np.float32))
    hed64 = np.moveaxis(hed, -1, 0)
    save('hed/hed_rgb_u8_hed_f64.npy', hed64)

    (OUT / 'manifest.json').write_text(json.dumps(MANIFEST, indent=1) + '\n')
    total = sum(p.stat().st_size for p in OUT.rglob('*') if p.is_file())
    print(f'wrote {sum(len(v) for v in MANIFEST.values())} cases, {total / 1e6:.2f} MB')


if __name__ == '__main__':
    main()
