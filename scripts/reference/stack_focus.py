"""Reference outputs for the focus kernels (src/imaging/focus-measure.ts, focus-stack.ts), computed
with Debian's SciPy 1.10 / NumPy 1.24 in float64.

The focus measure of a plane I is its local standard deviation
    F = sqrt(max(G(I^2) - G(I)^2, 0)),   G = scipy.ndimage.gaussian_filter(., sigma, mode='nearest')
on I as float64 (each 2-D plane on its own). The focus map is F / max(F over all planes), float32.
focus-stack: index = np.argmax(F, axis=0) (first plane on ties); depth = gaussian_filter(index as
float64, smoothing, mode='nearest') (no smoothing when 0); the composite at a pixel interpolates
linearly between planes floor(depth) and floor(depth) + 1. focus-score: the mean of F over a plane.

Writes test-data/reference/focus/:
  synthetic_stack.npy   (6, 96, 96) float32: a random texture, sharp in plane REGION_PLANES[k] inside
                        quadrant k (top-left, top-right, bottom-left, bottom-right) and blurred with
                        sigma 1.5·|plane − k's plane| elsewhere; so the in-focus plane of each region
                        is known
  <source>_*.npy        focus map, depth map, composite; manifest.json: the cases and the scores
Run with /usr/bin/python3 (see README.md).
"""
import json
import pathlib

import numpy as np
import scipy.ndimage as ndi
import tifffile

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'test-data' / 'reference' / 'focus'
REGION_PLANES = [1, 4, 2, 5]
PLANES = 6
HALF = 48


def save(name, arr):
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / name, np.ascontiguousarray(arr))
    return name


def synthetic_stack():
    rng = np.random.default_rng(5)
    texture = rng.uniform(0, 1000, (2 * HALF, 2 * HALF))
    stack = np.empty((PLANES, 2 * HALF, 2 * HALF), np.float32)
    for p in range(PLANES):
        for k, sharp in enumerate(REGION_PLANES):
            ys = slice((k // 2) * HALF, (k // 2 + 1) * HALF)
            xs = slice((k % 2) * HALF, (k % 2 + 1) * HALF)
            blurred = texture if p == sharp else ndi.gaussian_filter(texture, 1.5 * abs(p - sharp), mode='nearest')
            stack[p, ys, xs] = blurred[ys, xs]
    return stack


def focus_measure(stack, sigma):
    out = np.empty(stack.shape, np.float64)
    for p, plane in enumerate(stack):
        i = plane.astype(np.float64)
        m = ndi.gaussian_filter(i, sigma, mode='nearest')
        m2 = ndi.gaussian_filter(i * i, sigma, mode='nearest')
        out[p] = np.sqrt(np.maximum(m2 - m * m, 0))
    return out


def focus_stack(stack, sigma, smoothing):
    f = focus_measure(stack, sigma)
    index = np.argmax(f, axis=0)
    depth = ndi.gaussian_filter(index.astype(np.float64), smoothing, mode='nearest') if smoothing > 0 else index.astype(np.float64)
    lo = np.floor(depth).astype(np.intp)
    hi = np.minimum(lo + 1, stack.shape[0] - 1)
    t = depth - lo
    planes = stack.astype(np.float64)
    rows, cols = np.indices(depth.shape)
    composite = (1 - t) * planes[lo, rows, cols] + t * planes[hi, rows, cols]
    return depth.astype(np.float32), composite.astype(np.float32)


def main():
    spots = tifffile.imread(ROOT / 'test-data' / 'images' / 'xyz_16bit__spots.ome.tif')
    synth = synthetic_stack()
    save('synthetic_stack.npy', synth)
    manifest = {'region_planes': REGION_PLANES, 'half': HALF, 'maps': [], 'stacks': [], 'scores': []}
    for name, stack in (('synthetic', synth), ('spots', spots)):
        for sigma in (1.0, 2.0, 2.5):
            f = focus_measure(stack, sigma)
            if (name, sigma) in (('synthetic', 1.0), ('spots', 2.5)):  # one map per source keeps the fixtures small
                out = save(f'{name}_map_s{sigma}.npy', (f / f.max()).astype(np.float32))
                manifest['maps'].append({'source': name, 'sigma': sigma, 'out': out})
            scores = [float(f[p].mean()) for p in range(stack.shape[0])]
            manifest['scores'].append({'source': name, 'sigma': sigma, 'scores': scores, 'best': int(np.argmax(scores))})
        for sigma, smoothing in ((1.0, 0.0), (1.0, 3.0), (2.0, 4.0)):
            depth, composite = focus_stack(stack, sigma, smoothing)
            tag = f'{name}_s{sigma}_m{smoothing}'
            manifest['stacks'].append({'source': name, 'sigma': sigma, 'smoothing': smoothing,
                                       'depth': save(f'{tag}_depth.npy', depth),
                                       'composite': save(f'{tag}_composite.npy', composite)})
    (OUT / 'manifest.json').write_text(json.dumps(manifest, indent=1) + '\n')
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f'wrote {len(list(OUT.iterdir()))} files, {total / 1e6:.2f} MB')


if __name__ == '__main__':
    main()
