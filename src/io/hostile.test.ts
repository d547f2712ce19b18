// Damaged and hostile files: each fails with one UserError line saying what is wrong, quickly and
// without allocating what the file declares (the size limit is checked on the header, before any
// pixel buffer exists). The runner prefixes the file name (see src/cli/cli-safety.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { createImage } from '../core/image';
import { DEFAULT_MAX_PIXELS } from '../core/executor';
import { imagePath, REPO_ROOT } from '../testing/paths';
import { decodeImageFile } from './decode';
import { encodePng } from './png';
import { encodeTiff } from './tiff';

const opts = { maxPixels: DEFAULT_MAX_PIXELS };

/** The one-line UserError message decoding gives; fails the test if it decodes or throws anything else. */
function failure(bytes: Uint8Array): string {
  try {
    decodeImageFile(bytes, 'hostile', opts);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/internal error|undefined|NaN/);
    return message;
  }
  throw new Error('decoded a file that should have failed');
}

/** A valid little-endian 16×12 uint16 TIFF (cellgraph's encoder: one strip, IFD at byte 8). */
function smallTiff(): Uint8Array {
  const image = createImage({ width: 16, height: 12 }, 'uint16', Uint16Array.from({ length: 192 }, (_, i) => i * 300));
  return encodeTiff(image);
}

/** Sets the inline value of `tag` in the first IFD of a little-endian classic TIFF. */
function patchTag(bytes: Uint8Array, tag: number, value: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const ifd = view.getUint32(4, true);
  const count = view.getUint16(ifd, true);
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    if (view.getUint16(at, true) !== tag) continue;
    if (view.getUint16(at + 2, true) === 3) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
    return out;
  }
  throw new Error(`tag ${tag} not in the test file`);
}

function nextIfdAt(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const ifd = view.getUint32(4, true);
  return ifd + 2 + view.getUint16(ifd, true) * 12;
}

describe('any file', () => {
  it('empty', () => expect(failure(new Uint8Array(0))).toBe('the file is empty'));
  it('text, not an image', () => {
    expect(failure(new TextEncoder().encode('image,area\nfoo.tif,12\n'))).toMatch(/^not a TIFF, PNG or JPEG file \(it starts with bytes 69 6d 61 67\)$/);
  });
  it('a few bytes', () => expect(failure(Uint8Array.from([1, 2, 3]))).toMatch(/not an image file \(only 3 bytes\)/));
  it('formats people try, with what to do instead', () => {
    expect(failure(new TextEncoder().encode('GIF89a....'))).toMatch(/GIF is not supported/);
    expect(failure(new TextEncoder().encode('ZISRAWFILE....'))).toMatch(/Zeiss CZI.*OME-TIFF/);
  });
});

describe('TIFF', () => {
  it('decodes the untouched test file (so the failures below are the patches)', () => {
    expect(decodeImageFile(smallTiff(), 'ok.tif', opts).width).toBe(16);
  });

  it('truncated: header only, inside the tag list, inside the pixels', () => {
    const tiff = smallTiff();
    expect(failure(tiff.subarray(0, 6))).toMatch(/truncated TIFF: the file is only 6 bytes/);
    expect(failure(tiff.subarray(0, 40))).toMatch(/truncated: the tag list of page 1 ends past the end of the file/);
    expect(failure(tiff.subarray(0, tiff.length - 10))).toMatch(/truncated: strip 1 ends past the end of the file/);
    const real = new Uint8Array(readFileSync(imagePath('dsb2018_512_uint16_lzw.tif')));
    expect(failure(real.subarray(0, real.length >> 1))).toMatch(/truncated|damaged/);
  });

  it('100000 × 100000 pixels: refused from the header, naming the size and the limit', () => {
    let huge = patchTag(smallTiff(), 256, 100000);
    huge = patchTag(huge, 257, 100000);
    huge = patchTag(huge, 278, 100000);
    expect(failure(huge)).toBe(
      `image too large: page 1 (100000×100000 pixels) is 10000000000 samples, over the limit of ${DEFAULT_MAX_PIXELS}`,
    );
  });

  it('zero or absurd sizes', () => {
    expect(failure(patchTag(smallTiff(), 256, 0))).toMatch(/page 1 is 0×12 pixels: the TIFF header is damaged/);
    expect(failure(patchTag(smallTiff(), 277, 60000))).toMatch(/60000 samples per pixel: the TIFF header is damaged/);
    expect(failure(patchTag(smallTiff(), 258, 12))).toMatch(/12-bit unsigned integer samples are not supported/);
  });

  it('a page list that loops back to itself', () => {
    const looped = smallTiff().slice();
    new DataView(looped.buffer).setUint32(nextIfdAt(looped), 8, true);
    expect(failure(looped)).toMatch(/damaged TIFF: the page list loops \(page 2 points back to page 1\)/);
  });

  it('offsets past the end of the file: first page, next page, strip, tag values', () => {
    const first = smallTiff().slice();
    new DataView(first.buffer).setUint32(4, 0x7fffffff, true);
    expect(failure(first)).toMatch(/truncated: page 1 starts at byte 2147483647, past the end of the file/);
    const next = smallTiff().slice();
    new DataView(next.buffer).setUint32(nextIfdAt(next), next.length + 100, true);
    expect(failure(next)).toMatch(/truncated: page 2 starts at byte \d+, past the end of the file/);
    expect(failure(patchTag(smallTiff(), 273, 0xfffffff0))).toMatch(/truncated: strip 1 ends past the end of the file/);
  });

  it('a tag count far beyond the file (no allocation from it)', () => {
    const many = smallTiff().slice();
    new DataView(many.buffer).setUint16(8, 0xffff, true);
    expect(failure(many)).toMatch(/tag list of page 1 ends past the end of the file/);
  });

  it('zero-size strips: a compressed strip of 0 bytes for a page that needs data', () => {
    // LZW with every strip 0 bytes long: nothing to decode, and not a sparse GDAL file
    const tiff = readFileSync(join(REPO_ROOT, 'test-data', 'tiff', 'u8_lzw.tif'));
    const zero = patchTag(new Uint8Array(tiff), 279, 0);
    expect(failure(zero)).toMatch(/damaged TIFF: every strip of page 1 is empty \(0 bytes\)/);
  });

  it('one zero-size strip among others is a sparse file (GDAL): those rows read as zeros', () => {
    const tiff = new Uint8Array(readFileSync(join(REPO_ROOT, 'test-data', 'tiff', 'u8_zip_strips3.tif')));
    const view = new DataView(tiff.buffer);
    const ifd = view.getUint32(4, true);
    for (let i = 0; i < view.getUint16(ifd, true); i++) {
      const at = ifd + 2 + i * 12;
      if (view.getUint16(at, true) !== 279) continue;
      const type = view.getUint16(at + 2, true);
      const values = view.getUint32(at + 8, true); // 8 strips: the counts are stored out of line
      if (type === 3) view.setUint16(values, 0, true);
      else view.setUint32(values, 0, true);
    }
    const image = decodeImageFile(tiff, 'sparse.tif', opts);
    const original = decodeImageFile(new Uint8Array(readFileSync(join(REPO_ROOT, 'test-data', 'tiff', 'u8_zip_strips3.tif'))), 'x', opts);
    const rows = 3 * image.width;
    expect(image.data.subarray(0, rows).every((v) => v === 0)).toBe(true);
    expect(Array.from(image.data.subarray(rows))).toEqual(Array.from(original.data.subarray(rows)));
  });

  it('an unsupported compression says what to do', () => {
    expect(failure(patchTag(smallTiff(), 259, 7))).toMatch(/JPEG compression, which is not supported: re-save it as uncompressed, LZW or Deflate/);
  });

  it('damaged compressed data', () => {
    const tiff = new Uint8Array(readFileSync(join(REPO_ROOT, 'test-data', 'tiff', 'u16_zip.tif')));
    const view = new DataView(tiff.buffer);
    const ifd = view.getUint32(4, true);
    const count = view.getUint16(ifd, true);
    let stripAt = 0;
    for (let i = 0; i < count; i++) if (view.getUint16(ifd + 2 + i * 12, true) === 273) stripAt = view.getUint32(ifd + 2 + i * 12 + 8, true);
    const damaged = tiff.slice();
    damaged.fill(0xff, stripAt + 2, stripAt + 40);
    expect(failure(damaged)).toMatch(/damaged Deflate data|damaged TIFF/);
  });
});

describe('PNG', () => {
  const png = encodePng(createImage({ width: 40, height: 30 }, 'uint8', Uint8Array.from({ length: 1200 }, (_, i) => (i * 7) % 256)));

  it('decodes the untouched test file', () => expect(decodeImageFile(png, 'ok.png', opts).width).toBe(40));

  it('truncated: in the header, in the data', () => {
    expect(failure(png.subarray(0, 20))).toMatch(/truncated PNG: the file ends inside its header/);
    expect(failure(png.subarray(0, png.length - 30))).toMatch(/damaged or truncated PNG|truncated PNG/);
  });

  it('100000 × 100000 pixels: refused from the header', () => {
    const huge = png.slice();
    const view = new DataView(huge.buffer);
    view.setUint32(16, 100000);
    view.setUint32(20, 100000);
    expect(failure(huge)).toMatch(/^image too large: the image \(100000×100000 pixels × 1 channels\) is 10000000000 samples/);
  });

  it('image data that will not inflate: the reason, not fast-png\'s bare "Error while decompressing the data:"', () => {
    // the bytes are a real file's (the IHC sample), cut short or damaged
    const real = new Uint8Array(readFileSync(imagePath('ihc_fhl2_dab.png')));
    // cut inside its first IDAT chunk; as a copy and as a view on the whole file (fast-png fails differently)
    expect(failure(real.slice(0, 11774))).toBe('damaged or truncated PNG (its image data ends early)');
    expect(failure(real.subarray(0, 11774))).toBe('damaged or truncated PNG (its image data ends early)');
    // four bytes early in the first IDAT chunk's data: the inflater fails before the chunk's CRC is checked
    const damaged = real.slice();
    damaged.set([0, 0o106, 0o203, 0o375], 1513);
    expect(failure(damaged)).toBe('damaged or truncated PNG (its compressed image data cannot be decompressed: invalid distance)');
  });

  it('damaged data (CRC mismatch)', () => {
    const damaged = png.slice();
    damaged[45] ^= 0xff;
    expect(failure(damaged)).toMatch(/damaged or truncated PNG/);
  });
});

describe('JPEG', () => {
  const jpeg = new Uint8Array(readFileSync(join(REPO_ROOT, 'test-data', 'jpeg', 'rgb420.jpg')));

  it('decodes the untouched test file', () => expect(decodeImageFile(jpeg, 'ok.jpg', opts).channels).toBe(3));

  it('truncated: before the frame header, in the scan', () => {
    expect(failure(jpeg.subarray(0, 30))).toMatch(/truncated or damaged JPEG: no frame header/);
    expect(failure(jpeg.subarray(0, jpeg.length >> 1))).toMatch(/damaged or truncated JPEG|truncated JPEG/);
  });

  it('a scan naming a component the frame lacks: said so, not the decoder\'s TypeError', () => {
    const damaged = jpeg.slice();
    let at = 2;
    while (damaged[at + 1] !== 0xda) at += 2 + ((damaged[at + 2] << 8) | damaged[at + 3]);
    damaged[at + 5] = 0x09; // SOS: its first component selector (the frame has ids 1, 2, 3)
    expect(failure(damaged)).toBe('damaged or truncated JPEG (its headers contradict each other)');
  });

  it('60000 × 60000 pixels: refused from the frame header', () => {
    const huge = jpeg.slice();
    let at = 2;
    while (!(huge[at + 1] >= 0xc0 && huge[at + 1] <= 0xc2)) at += 2 + ((huge[at + 2] << 8) | huge[at + 3]);
    huge.set([0xea, 0x60, 0xea, 0x60], at + 5);
    expect(failure(huge)).toMatch(/^image too large: the image \(60000×60000 pixels × 3 channels\)/);
  });
});

describe('PNG decompression bomb', () => {
  it('a 10×10 PNG whose data inflates to 30 MB is refused while inflating, not decoded', () => {
    // built with fflate: zlib of 30 MB of zeros is about 30 KB
    const raw = new Uint8Array(30_000_000);
    const idat = zlibSync(raw, { level: 9 });
    const chunk = (type: string, data: Uint8Array) => {
      const out = new Uint8Array(12 + data.length);
      const view = new DataView(out.buffer);
      view.setUint32(0, data.length);
      out.set(new TextEncoder().encode(type), 4);
      out.set(data, 8);
      view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
      return out;
    };
    const ihdr = new Uint8Array(13);
    new DataView(ihdr.buffer).setUint32(0, 10);
    new DataView(ihdr.buffer).setUint32(4, 10);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
    const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) (png.set(p, at), (at += p.length));
    expect(png.length).toBeLessThan(100_000);
    expect(failure(png)).toBe('damaged PNG: its image data inflates to more than the 110 bytes 10×10 pixels need');
  });
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
