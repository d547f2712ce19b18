"""Remake test-data/tiff/: small TIFF variants whose pixel values are known, for src/io/tiff tests.

Run with Debian's python3 (numpy, tifffile 2023.2.3) and libtiff-tools (tiffcp 4.5):

    /usr/bin/python3 scripts/make-tiff-fixtures.py

Each variant is written by tifffile or converted by tiffcp (compression, predictor, tiles, strips,
byte order, planar layout); the expected pixels go to a .npy in cellgraph's layout
(planes, channels, height, width) and the expected shape, dtype and pixel size to manifest.json.
"""
import json
import pathlib
import struct
import subprocess
import tempfile
import zlib

import numpy as np
import tifffile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / 'test-data' / 'tiff'
IMAGES = ROOT / 'test-data' / 'images'
H, W = 23, 37  # odd sizes: partial tiles, a short last strip
rng = np.random.default_rng(20240611)
manifest = []


def layout(a, planes=1, channels=1):
    """Our layout: (planes, channels, height, width), little-endian."""
    a = np.asarray(a)
    return np.ascontiguousarray(a.reshape(planes, channels, a.shape[-2], a.shape[-1])).astype(a.dtype.newbyteorder('<'))


def save_npy(key, arr):
    path = OUT / f'{key}.npy'
    if not path.exists():
        np.save(path, arr)
    return path.name


def add(name, npy_key, expected, dtype, planes=1, channels=1, pixel_size=None, extra=None):
    manifest.append({
        'file': name, 'npy': save_npy(npy_key, expected), 'dtype': dtype, 'width': int(expected.shape[-1]),
        'height': int(expected.shape[-2]), 'planes': planes, 'channels': channels,
        **({'pixelSize': pixel_size} if pixel_size else {}), **({'extra': extra} if extra else {}),
    })


def tiffcp(src, dst, *opts):
    subprocess.run(['tiffcp', *opts, str(OUT / src), str(OUT / dst)], check=True)


def float_predicted(a):
    """Adobe TIFF Technote 3: per row, the bytes of every sample, most significant first, as byte
    planes, then byte-wise differences (stride: one sample). Independent of the file's byte order."""
    h, w = a.shape
    be = np.ascontiguousarray(a.astype(a.dtype.newbyteorder('>')))
    planes = np.frombuffer(be.tobytes(), np.uint8).reshape(h, w, a.dtype.itemsize).transpose(0, 2, 1).reshape(h, -1)
    diff = planes.copy()
    diff[:, 1:] = planes[:, 1:] - planes[:, :-1]  # uint8 wraps, as the predictor does
    return diff.tobytes()


def write_float_predicted(name, a, byteorder):
    """A one-strip Deflate TIFF with the floating-point predictor, written by hand: tiffcp -B (libtiff
    4.5) writes big-endian float-predicted data that libtiff itself reads back wrong, and tifffile
    needs imagecodecs for any predictor."""
    e = byteorder
    data = zlib.compress(float_predicted(a))
    h, w = a.shape
    tags = [(256, 4, w), (257, 4, h), (258, 3, a.dtype.itemsize * 8), (259, 3, 8), (262, 3, 1), (273, 4, None),
            (277, 3, 1), (278, 4, h), (279, 4, len(data)), (317, 3, 3), (339, 3, 3)]
    data_at = 8 + 2 + len(tags) * 12 + 4
    out = bytearray((b'MM' if e == '>' else b'II') + struct.pack(e + 'HI', 42, 8) + struct.pack(e + 'H', len(tags)))
    for tag, typ, val in tags:
        val = data_at if val is None else val
        out += struct.pack(e + 'HHIHH', tag, typ, 1, val, 0) if typ == 3 else struct.pack(e + 'HHII', tag, typ, 1, val)
    out += struct.pack(e + 'I', 0) + data
    (OUT / name).write_bytes(bytes(out))


def tifffile_read(path):
    with tifffile.TiffFile(path) as tif:
        # one page: the page itself (tifffile 2023.2's series reshapes separate planes as if contiguous)
        return tif.pages[0].asarray() if len(tif.pages) == 1 else tif.asarray()


def read_back(name):
    """The pixels as tifffile reads them, through libtiff (tiffcp -c none) when the codec needs imagecodecs."""
    try:
        return tifffile_read(OUT / name)
    except ValueError:
        with tempfile.TemporaryDirectory() as tmp:
            plain = pathlib.Path(tmp) / 'plain.tif'
            subprocess.run(['tiffcp', '-c', 'none', str(OUT / name), str(plain)], check=True)
            return tifffile_read(plain)


def verify(entry):
    """Every variant must read back as its truth with a second reader, so a writer bug (tiffcp has
    some: 16-bit separate-plane tiles, big-endian float predictor) cannot become a wrong fixture."""
    truth = np.load(OUT / entry['npy'])
    if entry.get('extra', {}).get('photometric') == 'min-is-white' or entry['file'] in ('mixed_pages.tif',):
        return  # tifffile does not invert min-is-white; mixed_pages' last page is not part of the truth
    got = read_back(entry['file'])
    if got.dtype == np.int8 or got.dtype == np.float16:
        got = got.astype(truth.dtype)
    if entry['file'] == 'ome_cz.ome.tif':
        got = got.transpose(1, 0, 2, 3)  # stored C then Z; the truth is (z, c)
    if got.dtype == bool:
        got = got.astype(np.uint8)
    if got.ndim == 3 and got.shape[-1] == entry['channels'] and entry['channels'] > 1 and got.shape[0] == entry['height']:
        got = np.moveaxis(got, -1, 0)  # contiguous RGB (height, width, samples)
    if got.size != truth.size or not np.array_equal(got.reshape(truth.shape), truth, equal_nan=True):
        raise SystemExit(f"{entry['file']}: a second reader disagrees with the truth; not a usable fixture")


def grad(dtype, lo, hi):
    y, x = np.mgrid[0:H, 0:W]
    t = (x * 13 + y * 7) / (13 * (W - 1) + 7 * (H - 1))
    a = lo + t * (hi - lo) + rng.normal(0, abs(hi - lo) * 0.02, (H, W))
    a = np.clip(np.round(a), min(lo, hi), max(lo, hi)).astype(dtype)  # lo > hi: a falling ramp
    a[0, 0], a[-1, -1] = lo, hi  # the extremes of the type, to catch sign and byte-order slips
    return a


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in list(OUT.glob('*.tif')) + list(OUT.glob('*.npy')):
        old.unlink()
    mb = dict(photometric='minisblack')
    base = {
        'u8': grad(np.uint8, 0, 255), 'u16': grad(np.uint16, 0, 65535), 'i16': grad(np.int16, -32768, 32767),
        'u32': grad(np.uint32, 0, 2**32 - 1), 'i32': grad(np.int32, -2**31, 2**31 - 1),
        'i8': grad(np.int8, -128, 127),
    }
    f = rng.normal(0, 1000, (H, W))
    base['f32'] = f.astype(np.float32)
    base['f32'][0, :4] = [np.inf, -np.inf, 1e-40, -0.0]
    base['f64'] = f * np.pi * 1e-3
    base['f64'][0, :2] = [1e-300, -1e300]
    base['f16'] = (f / 100).astype(np.float16)
    for key, a in base.items():
        tifffile.imwrite(OUT / f'{key}.tif', a, **mb)
        tifffile.imwrite(OUT / f'{key}_be.tif', a, byteorder='>', **mb)
        dtype = {'i8': 'int16', 'f16': 'float32'}.get(key, str(a.dtype))
        expected = layout(a.astype({'i8': np.int16, 'f16': np.float32}.get(key, a.dtype)))
        add(f'{key}.tif', key, expected, dtype)
        add(f'{key}_be.tif', key, expected, dtype)

    def variant(src, key, name, *opts, dtype=None):
        tiffcp(src, name, *opts)
        add(name, key, layout(base[key]), dtype or str(base[key].dtype))

    variant('u8.tif', 'u8', 'u8_lzw.tif', '-c', 'lzw')
    variant('u8.tif', 'u8', 'u8_lzw_pred.tif', '-c', 'lzw:2')
    variant('u8.tif', 'u8', 'u8_packbits.tif', '-c', 'packbits')
    variant('u8.tif', 'u8', 'u8_zip_strips3.tif', '-c', 'zip', '-r', '3')
    variant('u16.tif', 'u16', 'u16_lzw_pred.tif', '-c', 'lzw:2')
    variant('u16.tif', 'u16', 'u16_be_lzw_pred.tif', '-B', '-c', 'lzw:2')
    variant('u16.tif', 'u16', 'u16_zip.tif', '-c', 'zip')
    variant('u16.tif', 'u16', 'u16_zip_pred.tif', '-c', 'zip:2')
    variant('u16.tif', 'u16', 'u16_be_packbits.tif', '-B', '-c', 'packbits')
    variant('u16.tif', 'u16', 'u16_strips4_lzw_pred.tif', '-c', 'lzw:2', '-r', '4')
    variant('u16.tif', 'u16', 'u16_tiles.tif', '-t', '-w', '16', '-l', '16')
    variant('u16.tif', 'u16', 'u16_tiles_lzw_pred.tif', '-t', '-w', '16', '-l', '16', '-c', 'lzw:2')
    variant('u16.tif', 'u16', 'u16_be_tiles_zip_pred.tif', '-B', '-t', '-w', '16', '-l', '16', '-c', 'zip:2')
    variant('u16.tif', 'u16', 'u16_bigtiff_lzw_pred.tif', '-8', '-c', 'lzw:2')
    variant('i16.tif', 'i16', 'i16_be_lzw_pred.tif', '-B', '-c', 'lzw:2')
    variant('u32.tif', 'u32', 'u32_lzw_pred.tif', '-c', 'lzw:2')
    variant('i32.tif', 'i32', 'i32_be_zip_pred.tif', '-B', '-c', 'zip:2')
    variant('f32.tif', 'f32', 'f32_zip_fpred.tif', '-c', 'zip:3')
    variant('f32.tif', 'f32', 'f32_lzw_fpred.tif', '-c', 'lzw:3')
    variant('f64.tif', 'f64', 'f64_zip_fpred.tif', '-c', 'zip:3')
    variant('f64.tif', 'f64', 'f64_tiles_zip_fpred.tif', '-t', '-w', '16', '-l', '16', '-c', 'zip:3')
    for key in ('f32', 'f64'):
        for order, suffix in (('>', '_be'), ('<', '')):
            name = f'{key}{suffix}_zip_fpred_byhand.tif'
            write_float_predicted(name, base[key], order)
            add(name, key, layout(base[key]), key.replace('f', 'float'))
    variant('u8.tif', 'u8', 'u8_tiles_packbits.tif', '-t', '-w', '16', '-l', '16', '-c', 'packbits')
    variant('i16.tif', 'i16', 'i16_tiles_zip.tif', '-t', '-w', '32', '-l', '16', '-c', 'zip')
    variant('u32.tif', 'u32', 'u32_be_tiles_lzw_pred.tif', '-B', '-t', '-w', '16', '-l', '16', '-c', 'lzw:2')
    variant('f32.tif', 'f32', 'f32_bigtiff_be_zip.tif', '-8', '-B', '-c', 'zip')
    # compression 32946 (the older Deflate code): tifffile's 'deflate'
    tifffile.imwrite(OUT / 'u16_deflate32946.tif', base['u16'], compression='deflate', **mb)
    add('u16_deflate32946.tif', 'u16', layout(base['u16']), 'uint16')

    rgb8 = np.stack([grad(np.uint8, 0, 255), grad(np.uint8, 255, 0), grad(np.uint8, 40, 200)], axis=-1)
    rgb16 = np.stack([grad(np.uint16, 0, 65535), grad(np.uint16, 65535, 0), grad(np.uint16, 1000, 50000)], axis=-1)
    rgba8 = np.concatenate([rgb8, grad(np.uint8, 0, 255)[..., None]], axis=-1)
    rgb = {'rgb8': rgb8, 'rgb16': rgb16, 'rgba8': rgba8}
    planar = {k: layout(np.moveaxis(v, -1, 0), 1, v.shape[-1]) for k, v in rgb.items()}
    tifffile.imwrite(OUT / 'rgb8.tif', rgb8, photometric='rgb')
    tifffile.imwrite(OUT / 'rgb16_be.tif', rgb16, photometric='rgb', byteorder='>')
    tifffile.imwrite(OUT / 'rgb8_planar.tif', np.moveaxis(rgb8, -1, 0), photometric='rgb', planarconfig='separate')
    tifffile.imwrite(OUT / 'rgba8.tif', rgba8, photometric='rgb', extrasamples=['unassalpha'])
    # tiffcp converts to separate planes only at 8 bits: write the 16-bit planar source directly
    tifffile.imwrite(OUT / 'rgb16_planar.tif', np.moveaxis(rgb16, -1, 0), photometric='rgb', planarconfig='separate')
    extra_rgb = {'photometric': 'rgb'}
    add('rgb8.tif', 'rgb8', planar['rgb8'], 'uint8', channels=3, extra=extra_rgb)
    add('rgb16_be.tif', 'rgb16', planar['rgb16'], 'uint16', channels=3, extra=extra_rgb)
    add('rgb8_planar.tif', 'rgb8', planar['rgb8'], 'uint8', channels=3, extra=extra_rgb)
    add('rgba8.tif', 'rgba8', planar['rgba8'], 'uint8', channels=4, extra=extra_rgb)
    add('rgb16_planar.tif', 'rgb16', planar['rgb16'], 'uint16', channels=3, extra=extra_rgb)
    # tiffcp garbles 16-bit separate-plane tiles, so tifffile writes this one
    tifffile.imwrite(OUT / 'rgb16_planar_tiles_zip.tif', np.moveaxis(rgb16, -1, 0), photometric='rgb',
                     planarconfig='separate', tile=(16, 16), compression='zlib')
    add('rgb16_planar_tiles_zip.tif', 'rgb16', planar['rgb16'], 'uint16', channels=3, extra=extra_rgb)
    for src, key, name, opts in [
        ('rgb8.tif', 'rgb8', 'rgb8_lzw_pred.tif', ['-c', 'lzw:2']),
        ('rgb8.tif', 'rgb8', 'rgb8_planar_lzw_pred.tif', ['-p', 'separate', '-c', 'lzw:2']),
        ('rgb8_planar.tif', 'rgb8', 'rgb8_planar_tiles_lzw_pred.tif', ['-t', '-w', '16', '-l', '16', '-c', 'lzw:2']),
        ('rgb16_be.tif', 'rgb16', 'rgb16_be_tiles_lzw_pred.tif', ['-B', '-t', '-w', '16', '-l', '16', '-c', 'lzw:2']),
        ('rgba8.tif', 'rgba8', 'rgba8_packbits.tif', ['-c', 'packbits']),
    ]:
        tiffcp(src, name, *opts)
        add(name, key, planar[key], str(rgb[key].dtype), channels=rgb[key].shape[-1], extra=extra_rgb)

    bits = grad(np.uint8, 0, 255) > 127
    tifffile.imwrite(OUT / 'bilevel.tif', bits)
    add('bilevel.tif', 'bilevel', layout(bits.astype(np.uint8)), 'uint8', extra={'storedAs': '1-bit'})
    tiffcp('bilevel.tif', 'bilevel_packbits.tif', '-c', 'packbits')
    add('bilevel_packbits.tif', 'bilevel', layout(bits.astype(np.uint8)), 'uint8')

    labels = (grad(np.uint8, 0, 255) // 20).astype(np.uint8)
    cmap = rng.integers(0, 65536, (3, 256), dtype=np.uint16)
    tifffile.imwrite(OUT / 'palette_labels.tif', labels, photometric='palette', colormap=cmap)
    add('palette_labels.tif', 'palette_labels', layout(labels), 'uint8', extra={'photometric': 'palette'})
    tifffile.imwrite(OUT / 'miniswhite.tif', base['u8'], photometric='miniswhite')
    add('miniswhite.tif', 'u8', layout(base['u8']), 'uint8', extra={'photometric': 'min-is-white'})

    stack = np.stack([grad(np.uint16, 0, 65535) for _ in range(5)])
    tifffile.imwrite(OUT / 'stack5_u16.tif', stack, **mb)
    add('stack5_u16.tif', 'stack5', layout(stack, 5), 'uint16', planes=5)
    tiffcp('stack5_u16.tif', 'stack5_u16_be_lzw_pred.tif', '-B', '-c', 'lzw:2')
    add('stack5_u16_be_lzw_pred.tif', 'stack5', layout(stack, 5), 'uint16', planes=5)
    with tifffile.TiffWriter(OUT / 'mixed_pages.tif') as tw:
        for p in stack[:3]:
            tw.write(p, contiguous=False, **mb)
        tw.write(base['u8'][:10, :10], contiguous=False, **mb)
    add('mixed_pages.tif', 'stack3', layout(stack[:3], 3), 'uint16', planes=3)

    # ImageJ hyperstack: T=2, Z=3, C=2, written channel fastest; our planes are t*Z + z
    hyper = np.stack([grad(np.uint16, 0, 65535) for _ in range(12)]).reshape(2, 3, 2, H, W)
    tifffile.imwrite(OUT / 'imagej_tzc.tif', hyper, imagej=True, resolution=(1 / 0.25, 1 / 0.25),
                     metadata={'axes': 'TZCYX', 'spacing': 0.5, 'unit': 'micron', 'finterval': 2.0})
    add('imagej_tzc.tif', 'imagej_tzc', layout(hyper, 6, 2), 'uint16', planes=6, channels=2,
        pixel_size={'x': 0.25, 'y': 0.25, 'z': 0.5, 'unit': '\u00b5m'},
        extra={'planeAxis': 'zt', 'slices': '3', 'frames': '2', 'frameInterval': '2.0'})
    frames = np.stack([grad(np.uint8, 0, 255) for _ in range(4)])
    tifffile.imwrite(OUT / 'imagej_frames_be.tif', frames, imagej=True, byteorder='>', resolution=(5.0, 5.0),
                     metadata={'axes': 'TYX', 'unit': '\\u00B5m'})  # ImageJ's own escaped micro sign
    add('imagej_frames_be.tif', 'imagej_frames', layout(frames, 4), 'uint8', planes=4,
        pixel_size={'x': 0.2, 'y': 0.2, 'unit': '\u00b5m'}, extra={'planeAxis': 't'})
    tifffile.imwrite(OUT / 'imagej_rgb.tif', rgb8, imagej=True, photometric='rgb')
    add('imagej_rgb.tif', 'rgb8', planar['rgb8'], 'uint8', channels=3)

    # OME-XML: C fastest (XYCZT) and Z fastest (XYZCT, from axes CZYX); sizes in nm and µm
    zc = np.stack([grad(np.uint16, 0, 65535) for _ in range(6)]).reshape(3, 2, H, W)
    tifffile.imwrite(OUT / 'ome_zc.ome.tif', zc, ome=True, **mb, metadata={
        'axes': 'ZCYX', 'PhysicalSizeX': 94.1, 'PhysicalSizeXUnit': 'nm', 'PhysicalSizeY': 94.1,
        'PhysicalSizeYUnit': 'nm', 'PhysicalSizeZ': 0.4})
    add('ome_zc.ome.tif', 'ome_zc', layout(zc, 3, 2), 'uint16', planes=3, channels=2,
        pixel_size={'x': 0.0941, 'y': 0.0941, 'z': 0.4, 'unit': '\u00b5m'}, extra={'planeAxis': 'z'})
    tifffile.imwrite(OUT / 'ome_cz.ome.tif', np.ascontiguousarray(zc.transpose(1, 0, 2, 3)), ome=True, **mb,
                     metadata={'axes': 'CZYX', 'PhysicalSizeX': 0.5, 'PhysicalSizeY': 0.5})
    add('ome_cz.ome.tif', 'ome_zc', layout(zc, 3, 2), 'uint16', planes=3, channels=2,
        pixel_size={'x': 0.5, 'y': 0.5, 'unit': '\u00b5m'}, extra={'planeAxis': 'z'})

    # the unit spellings ImageJ files carry: ImageJ's ASCII escape, words, and a raw micro sign in
    # UTF-8 or Latin-1 (older writers); the description is written as raw bytes to keep them exact
    for suffix, unit_bytes in [('escaped', b'\\u00B5m'), ('micron', b'micron'), ('micrometer', b'micrometer'),
                               ('um', b'um'), ('utf8', '\u00b5m'.encode('utf-8')), ('latin1', b'\xb5m'),
                               ('greek_mu', '\u03bcm'.encode('utf-8'))]:
        name = f'imagej_unit_{suffix}.tif'
        description = b'ImageJ=1.53t\nunit=' + unit_bytes + b'\nloop=false\n'
        tifffile.imwrite(OUT / name, base['u8'], resolution=(4.0, 4.0), description=None, metadata=None,
                         extratags=[(270, 's', 0, description, True)], **mb)
        add(name, 'u8', layout(base['u8']), 'uint8', pixel_size={'x': 0.25, 'y': 0.25, 'unit': '\u00b5m'})
    tifffile.imwrite(OUT / 'resolution_cm.tif', base['u16'], resolution=(20000, 20000), resolutionunit='CENTIMETER', **mb)
    add('resolution_cm.tif', 'u16', layout(base['u16']), 'uint16', pixel_size={'x': 0.5, 'y': 0.5, 'unit': '\u00b5m'})
    tifffile.imwrite(OUT / 'resolution_inch.tif', base['u16'], resolution=(300, 300), resolutionunit='INCH', **mb)
    add('resolution_inch.tif', 'u16', layout(base['u16']), 'uint16')

    # crops of real images (licences in test-data/images/README.md), in other encodings
    calibrated = tifffile.imread(IMAGES / 'xy_16bit_calibrated__nuclei_various_shapes.tif')[100:164, 120:168]
    tifffile.imwrite(OUT / 'real_nuclei16_crop.tif', calibrated, **mb)
    mito = tifffile.imread(IMAGES / 'xy_8bit__mitocheck_incenp_t1.tif')[150:198, 90:154]
    tifffile.imwrite(OUT / 'real_mitocheck8_crop.tif', mito, **mb)
    dsb = tifffile.imread(IMAGES / 'dsb2018_512_uint16.tif')[200:264, 180:244]
    tifffile.imwrite(OUT / 'real_dsb16_crop.tif', dsb, **mb)
    real = {'real_nuclei16_crop': calibrated, 'real_mitocheck8_crop': mito, 'real_dsb16_crop': dsb}
    for key, name, opts in [
        ('real_nuclei16_crop', 'real_nuclei16_crop_be_lzw_pred.tif', ['-B', '-c', 'lzw:2']),
        ('real_nuclei16_crop', 'real_nuclei16_crop_be_tiles_zip_pred.tif', ['-B', '-t', '-w', '16', '-l', '32', '-c', 'zip:2']),
        ('real_mitocheck8_crop', 'real_mitocheck8_crop_tiles_lzw_pred.tif', ['-t', '-w', '32', '-l', '32', '-c', 'lzw:2']),
        ('real_mitocheck8_crop', 'real_mitocheck8_crop_packbits_strips7.tif', ['-c', 'packbits', '-r', '7']),
        ('real_dsb16_crop', 'real_dsb16_crop_zip.tif', ['-c', 'zip']),
        ('real_dsb16_crop', 'real_dsb16_crop_be_packbits.tif', ['-B', '-c', 'packbits']),
    ]:
        tiffcp(f'{key}.tif', name, *opts)
        add(name, key, layout(real[key]), str(real[key].dtype))
    for key, a in real.items():
        add(f'{key}.tif', key, layout(a), str(a.dtype))

    for entry in manifest:
        verify(entry)
    (OUT / 'manifest.json').write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + '\n')
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f'{len(manifest)} variants, {total / 1024:.0f} KiB in {OUT.relative_to(ROOT)}')


if __name__ == '__main__':
    main()
