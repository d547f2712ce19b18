"""What tifffile (an independent reader) says about the real TIFFs in test-data/images: shape in
cellgraph's layout, dtype, pixel statistics, and the pixel size from the ImageJ header
(unit + XResolution, spacing) or the OME-XML (PhysicalSizeX/Y/Z); Pillow decodes the pixels of
the LZW/PackBits ones (tifffile needs imagecodecs for those). src/io/tiff-real.test.ts checks
decodeTiff against it. Run with Debian's python3 (tifffile 2023.2.3):

    /usr/bin/python3 scripts/make-real-image-truths.py
"""
import json
import pathlib
import re

import numpy as np
import PIL.Image
import tifffile

ROOT = pathlib.Path(__file__).resolve().parent.parent
IMAGES = ROOT / 'test-data' / 'images'
OUT = ROOT / 'test-data' / 'tiff' / 'real-images.json'
MICRON_WORDS = {'micron', 'microns', 'um', 'micrometer', '\\u00B5m', '\u00b5m'}


def pixel_size(tif):
    page = tif.pages[0]
    if tif.is_ome:
        pixels = re.search(r'<(?:\w+:)?Pixels\b([^>]*)>', tif.ome_metadata).group(1)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', pixels))
        units = {attrs.get(f'PhysicalSize{a}Unit', '\u00b5m') for a in 'XYZ'}
        assert units <= {'\u00b5m'}, units
        out = {'x': float(attrs['PhysicalSizeX']), 'y': float(attrs['PhysicalSizeY']), 'unit': '\u00b5m'}
        if 'PhysicalSizeZ' in attrs:
            out['z'] = float(attrs['PhysicalSizeZ'])
        return out
    ij = tif.imagej_metadata
    if ij and ij.get('unit') in MICRON_WORDS and 'XResolution' in page.tags:
        xn, xd = page.tags['XResolution'].value
        yn, yd = page.tags['YResolution'].value
        out = {'x': xd / xn, 'y': yd / yn, 'unit': '\u00b5m'}
        if 'spacing' in ij:
            out['z'] = float(ij['spacing'])
        return out
    return None


def layout(tif, a):
    """(planes, channels) from the axes tifffile reports for the first series."""
    axes = tif.series[0].axes
    shape = dict(zip(axes, a.shape))
    channels = shape.get('C', 1) * shape.get('S', 1)
    planes = shape.get('Z', 1) * shape.get('T', 1) * shape.get('I', 1) * shape.get('Q', 1)
    return planes, channels, axes


def main():
    truths = []
    for path in sorted(IMAGES.glob('*.tif')):
        with tifffile.TiffFile(path) as tif:
            try:
                a = tif.series[0].asarray()
            except ValueError:  # LZW/PackBits need imagecodecs: Pillow decodes these single pages
                a = np.array(PIL.Image.open(path))
            planes, channels, axes = layout(tif, a)
            if tif.pages[0].photometric == tifffile.PHOTOMETRIC.PALETTE:
                axes += ' (palette: indices kept)'
            truths.append({
                'file': path.name, 'axes': axes, 'width': int(a.shape[-1]) if 'S' not in axes else int(a.shape[-2]),
                'height': int(a.shape[-2]) if 'S' not in axes else int(a.shape[-3]),
                'planes': planes, 'channels': channels, 'dtype': str(a.dtype),
                'min': float(a.min()), 'max': float(a.max()), 'sum': float(a.astype(np.float64).sum()),
                'pixelSize': pixel_size(tif),
            })
    OUT.write_text(json.dumps(truths, indent=1, ensure_ascii=False) + '\n')
    print(f'{len(truths)} images → {OUT.relative_to(ROOT)}')


if __name__ == '__main__':
    main()
