"""Reads test-data/tiff/written/*.tif (cellgraph's TIFF encoder output, see make-written-tiffs.mjs)
with tifffile and libtiff (tiffinfo) and checks that every value, the dtype, the ImageJ axes and the
pixel size come back unchanged. Exits non-zero on the first difference. Run with Debian's python3:

    /usr/bin/python3 scripts/check-written-tiffs.py
"""
import hashlib
import json
import pathlib
import subprocess
import sys

import tifffile

FOLDER = pathlib.Path(__file__).resolve().parent.parent / 'test-data' / 'tiff' / 'written'


def main():
    failures = 0
    for t in json.loads((FOLDER / 'expected.json').read_text()):
        path = FOLDER / t['file']
        problems = []
        with tifffile.TiffFile(path) as tif:
            a = tif.asarray()
            if str(a.dtype) != t['dtype']:
                problems.append(f"dtype {a.dtype}, expected {t['dtype']}")
            if list(a.shape) != t['shape']:
                problems.append(f"shape {a.shape}, expected {t['shape']}")
            elif hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes()).hexdigest() != t['sha256']:
                problems.append('values differ')
            if t['pixelSize']:
                ij = tif.imagej_metadata or {}
                xn, xd = tif.pages[0].tags['XResolution'].value
                if ij.get('unit') != 'micron' or abs(xd / xn - t['pixelSize']['x']) > 1e-12:
                    problems.append(f"pixel size {xd}/{xn} {ij.get('unit')}")
                if 'z' in t['pixelSize'] and abs(float(ij.get('spacing', 'nan')) - t['pixelSize']['z']) > 1e-12:
                    problems.append(f"z spacing {ij.get('spacing')}")
            if 'provenance' in t:
                # cellgraph's provenance line: one more ImageJ key whose value is the JSON document
                ij = tif.imagej_metadata or {}
                if ij.get('slices') != 3 or ij.get('channels') != 2 or not tif.is_imagej:
                    problems.append(f"ImageJ hyperstack keys {ij}")
                try:
                    if json.loads(ij.get('cellgraph.provenance', '')) != t['provenance']:
                        problems.append('provenance differs')
                except ValueError as err:
                    problems.append(f'provenance is not JSON: {err}')
        info = subprocess.run(['tiffinfo', str(path)], capture_output=True, text=True)
        if info.returncode != 0 or 'Error' in info.stderr:
            problems.append(f'tiffinfo: {info.stderr.strip()}')
        print(f"{t['file']}: {'ok' if not problems else '; '.join(problems)}")
        failures += bool(problems)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
