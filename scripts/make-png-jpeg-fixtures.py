"""Remake test-data/png/ and test-data/jpeg/: small PNG and JPEG files with their expected pixels, for
src/io/png.test.ts and src/io/jpeg.test.ts. Run with Debian's python3 (numpy, Pillow 9.4 with
libjpeg-turbo 2.1):

    /usr/bin/python3 scripts/make-png-jpeg-fixtures.py

PNG is lossless, so the .npy truth is the array written; *_rgb2gray.npy is scikit-image's rgb2gray
of rgb8/rgb16.png times 255/65535 (load-image's gray keeps the input's range). PNGs that Pillow cannot write (16-bit RGB,
16-bit grey with alpha, 2/4-bit grey) are written by the small encoder below. JPEG is lossy: the
.npy is what libjpeg-turbo decodes (Pillow), the reference the tests compare jpeg-js with, within
a tolerance. Layout of every .npy: (channels, height, width), cellgraph's channel-planar order.
"""
import json
import pathlib
import struct
import zlib

import numpy as np
from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parent.parent
PNG = ROOT / 'test-data' / 'png'
JPEG = ROOT / 'test-data' / 'jpeg'
IMAGES = ROOT / 'test-data' / 'images'
H, W = 29, 41
rng = np.random.default_rng(20240612)


def ramp(dtype, lo, hi):
    y, x = np.mgrid[0:H, 0:W]
    t = (x * 11 + y * 5) / (11 * (W - 1) + 5 * (H - 1))
    a = lo + t * (hi - lo) + rng.normal(0, abs(hi - lo) * 0.03, (H, W))
    a = np.clip(np.round(a), min(lo, hi), max(lo, hi)).astype(dtype)
    a[0, 0], a[-1, -1] = lo, hi
    return a


def planar(a):
    """(height, width[, channels]) to (channels, height, width)."""
    return np.ascontiguousarray(a[None] if a.ndim == 2 else np.moveaxis(a, -1, 0))


def write_png(path, a, color_type, depth):
    """A minimal PNG encoder (filter 0 on every row), for what Pillow cannot write."""
    h, w = a.shape[:2]
    if depth < 8:
        rows = []
        for row in a.reshape(h, w):
            bits = ''.join(format(int(v), f'0{depth}b') for v in row)
            bits += '0' * (-len(bits) % 8)
            rows.append(bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8)))
    else:
        big = a.astype(a.dtype.newbyteorder('>')) if depth == 16 else a
        rows = [big[y].tobytes() for y in range(h)]
    raw = b''.join(b'\0' + r for r in rows)

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    ihdr = struct.pack('>IIBBBBB', w, h, depth, color_type, 0, 0, 0)
    path.write_bytes(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def main():
    PNG.mkdir(parents=True, exist_ok=True)
    JPEG.mkdir(parents=True, exist_ok=True)
    for old in list(PNG.iterdir()) + list(JPEG.iterdir()):
        old.unlink()
    manifest = []

    def add(folder, name, truth, dtype, extra=None, **more):
        np.save(folder / name.replace('.', '_') , truth)
        manifest.append({'file': f'{folder.name}/{name}', 'npy': f"{folder.name}/{name.replace('.', '_')}.npy",
                         'dtype': dtype, 'channels': int(truth.shape[0]), 'height': H, 'width': W,
                         **({'extra': extra} if extra else {}), **more})

    grey8 = ramp(np.uint8, 0, 255)
    grey16 = ramp(np.uint16, 0, 65535)
    rgb8 = np.stack([ramp(np.uint8, 0, 255), ramp(np.uint8, 255, 0), ramp(np.uint8, 30, 220)], axis=-1)
    rgb16 = np.stack([ramp(np.uint16, 0, 65535), ramp(np.uint16, 65535, 0), ramp(np.uint16, 500, 60000)], axis=-1)
    alpha8 = ramp(np.uint8, 255, 0)

    Image.fromarray(grey8).save(PNG / 'grey8.png')
    add(PNG, 'grey8.png', planar(grey8), 'uint8')
    Image.fromarray(grey16).save(PNG / 'grey16.png')  # Pillow writes I;16 as a 16-bit grey PNG
    add(PNG, 'grey16.png', planar(grey16), 'uint16')
    Image.fromarray(rgb8).save(PNG / 'rgb8.png')
    add(PNG, 'rgb8.png', planar(rgb8), 'uint8')
    write_png(PNG / 'rgb16.png', rgb16, 2, 16)
    add(PNG, 'rgb16.png', planar(rgb16), 'uint16')
    Image.fromarray(np.dstack([rgb8, alpha8])).save(PNG / 'rgba8.png')
    add(PNG, 'rgba8.png', planar(rgb8), 'uint8', extra={'alpha': 'dropped'})
    Image.fromarray(np.dstack([grey8, alpha8]), 'LA').save(PNG / 'grey_alpha8.png')
    add(PNG, 'grey_alpha8.png', planar(grey8), 'uint8', extra={'alpha': 'dropped'})
    write_png(PNG / 'grey_alpha16.png', np.dstack([grey16, ramp(np.uint16, 0, 65535)]), 4, 16)
    add(PNG, 'grey_alpha16.png', planar(grey16), 'uint16', extra={'alpha': 'dropped'})
    write_png(PNG / 'rgba16.png', np.dstack([rgb16, ramp(np.uint16, 0, 65535)]), 6, 16)
    add(PNG, 'rgba16.png', planar(rgb16), 'uint16', extra={'alpha': 'dropped'})

    # palettes: colour entries are expanded to RGB, an all-grey palette gives grey values
    indices = (ramp(np.uint8, 0, 255) // 16).astype(np.uint8)
    colours = rng.integers(0, 256, (16, 3), dtype=np.uint8)
    pal = Image.fromarray(indices, 'P')
    pal.putpalette(colours.ravel().tolist())
    pal.save(PNG / 'palette_rgb.png')
    add(PNG, 'palette_rgb.png', planar(colours[indices]), 'uint8', extra={'palette': 'expanded to RGB'})
    greys = np.arange(16, dtype=np.uint8) * 17
    pal = Image.fromarray(indices, 'P')
    pal.putpalette(np.repeat(greys, 3).tolist())
    pal.save(PNG / 'palette_grey.png')
    add(PNG, 'palette_grey.png', planar(greys[indices]), 'uint8', extra={'palette': 'grey'})

    # load-image's "gray": skimage.color.rgb2gray (on [0, 1] floats) scaled back to the input's range
    from skimage.color import rgb2gray
    for name, arr, top in [('rgb8.png', rgb8, 255), ('rgb16.png', rgb16, 65535)]:
        gray = (rgb2gray(arr) * top).astype(np.float32)
        np.save(PNG / name.replace('.png', '_rgb2gray.npy'), gray)

    # low bit depths keep their raw values (0-1, 0-3, 0-15)
    for depth in (1, 2, 4):
        low = (ramp(np.uint8, 0, 255) >> (8 - depth)).astype(np.uint8)
        write_png(PNG / f'grey{depth}bit.png', low, 0, depth)
        add(PNG, f'grey{depth}bit.png', planar(low), 'uint8')

    # JPEG: grey, colour 4:4:4 and 4:2:0 (the common camera case), from a real image's crop so the
    # blocks hold texture, not just ramps
    real = np.array(Image.open(IMAGES / 'xy_8bit__mitocheck_incenp_t1.tif'))[100:100 + H, 80:80 + W]
    colour = np.dstack([real, rgb8[..., 1], np.flipud(real)])
    for name, arr, opts in [
        ('grey.jpg', real, {}),
        ('rgb444.jpg', colour, {'subsampling': 0}),
        ('rgb420.jpg', colour, {'subsampling': 2}),
    ]:
        Image.fromarray(arr).save(JPEG / name, quality=90, **opts)
        decoded = np.array(Image.open(JPEG / name))
        add(JPEG, name, planar(decoded), 'uint8', extra={'lossy': 'jpeg'}, written=f"{name.replace('.', '_')}_original.npy")
        np.save(JPEG / f"{name.replace('.', '_')}_original", planar(arr))

    (PNG / 'manifest.json').write_text(json.dumps(manifest, indent=1) + '\n')
    total = sum(p.stat().st_size for p in list(PNG.iterdir()) + list(JPEG.iterdir()))
    print(f'{len(manifest)} files, {total / 1024:.0f} KiB')


if __name__ == '__main__':
    main()
