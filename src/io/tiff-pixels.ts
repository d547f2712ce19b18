// Decoding one TIFF page's strips or tiles into the channel-planar pixels of an Image.
import { UserError } from '../core/errors';
import type { PixelArray } from '../core/image';
import {
  decompress, reverseBits, swapBytes, undoFloatPredictor, undoHorizontalPredictor,
} from './tiff-codecs';
import type { TiffFile } from './tiff-ifd';
import type { TiffPage } from './tiff-page';

/** Where a page goes in the output: its plane, first channel, and the output's shape. */
export interface PagePlacement {
  plane: number;
  channel: number;
  channels: number;
  /** Page number for messages, or undefined for a single-page file. */
  label?: number;
}

export function decodePageInto(file: TiffFile, page: TiffPage, out: PixelArray, place: PagePlacement): void {
  const { width, height, chunkWidth, chunkHeight, chunksAcross, chunksDown } = page;
  const sppChunk = page.planar === 2 ? 1 : page.samplesPerPixel;
  const chunkSamples = chunkWidth * chunkHeight * sppChunk;
  if (page.tiled && chunkSamples > Math.max(width * height * page.samplesPerPixel, 1 << 22)) {
    throw new UserError(`page ${page.index + 1} declares ${chunkWidth}×${chunkHeight} tiles for a ${width}×${height} image: the TIFF header is damaged`);
  }
  const bytesPerSample = page.bitsPerSample / 8;
  const rowBytes = page.kind === 'bit' ? Math.ceil((chunkWidth * sppChunk) / 8) : chunkWidth * sppChunk * bytesPerSample;
  const planesOfSamples = page.planar === 2 ? page.samplesPerPixel : 1;
  const area = width * height;
  for (let s = 0; s < planesOfSamples; s++) {
    for (let cy = 0; cy < chunksDown; cy++) {
      for (let cx = 0; cx < chunksAcross; cx++) {
        const k = (s * chunksDown + cy) * chunksAcross + cx;
        const ys = cy * chunkHeight;
        const xs = cx * chunkWidth;
        // a strip holds only the rows left in the image; a tile is always whole
        const rows = page.tiled ? chunkHeight : Math.min(chunkHeight, height - ys);
        const buf = readChunk(file, page, k, rows * rowBytes, place.label);
        const values = samplesOf(buf, page, rows, rowBytes, sppChunk, file.littleEndian);
        const cols = Math.min(chunkWidth, width - xs);
        const rowsIn = Math.min(rows, height - ys);
        for (let si = 0; si < sppChunk; si++) {
          const channel = place.channel + (page.planar === 2 ? s : si);
          const base = (place.plane * place.channels + channel) * area + ys * width + xs;
          if (sppChunk === 1) {
            for (let r = 0; r < rowsIn; r++) {
              (out as Float64Array).set(values.subarray(r * chunkWidth, r * chunkWidth + cols) as Float64Array, base + r * width);
            }
          } else {
            for (let r = 0; r < rowsIn; r++) {
              const o = base + r * width;
              const v = r * chunkWidth * sppChunk + si;
              for (let x = 0; x < cols; x++) out[o + x] = values[v + x * sppChunk];
            }
          }
        }
      }
    }
  }
}

/** The decompressed bytes of strip/tile k (`expected` bytes), checked against the file's end. */
function readChunk(file: TiffFile, page: TiffPage, k: number, expected: number, label?: number): Uint8Array {
  const what = page.tiled ? 'tile' : 'strip';
  const where = label === undefined ? '' : ` of page ${label}`;
  const out = new Uint8Array(expected);
  const offset = page.offsets[k];
  const count = page.byteCounts?.[k];
  if (count === 0) return out; // a sparse strip or tile (GDAL): all zeros
  const length = page.compression === 1 ? expected : (count ?? 0);
  if (!Number.isFinite(offset) || offset + length > file.bytes.length) {
    throw new UserError(`truncated: ${what} ${k + 1}${where} ends past the end of the file`);
  }
  let src = file.bytes.subarray(offset, offset + length);
  if (page.fillOrder === 2) src = reverseBits(src);
  const got = decompress(page.compression, src, out);
  if (got < expected) {
    throw new UserError(`damaged TIFF: ${what} ${k + 1}${where} decodes to ${got} bytes, expected ${expected}`);
  }
  return out;
}

/** The chunk's samples as an array of the page's dtype (little-endian, predictor undone). */
function samplesOf(buf: Uint8Array, page: TiffPage, rows: number, rowBytes: number, spp: number, le: boolean): PixelArray {
  const rowSamples = page.chunkWidth * spp;
  if (page.kind === 'bit') return unpackBits(buf, rows, rowBytes, rowSamples);
  const bytes = page.bitsPerSample / 8;
  if (page.predictor === 3) {
    undoFloatPredictor(buf, bytes, rowSamples, spp);
  } else {
    if (!le) swapBytes(buf, bytes);
    if (page.predictor === 2) undoHorizontalPredictor(buf, bytes, rowSamples, spp);
  }
  const n = buf.length / bytes;
  switch (page.kind) {
    case 'int8':
      return Int16Array.from(new Int8Array(buf.buffer, 0, n));
    case 'float16':
      return Float32Array.from(new Uint16Array(buf.buffer, 0, n), halfToFloat);
    default:
      break;
  }
  switch (page.dtype) {
    case 'uint8': return buf;
    case 'uint16': return new Uint16Array(buf.buffer, 0, n);
    case 'int16': return new Int16Array(buf.buffer, 0, n);
    case 'uint32': return new Uint32Array(buf.buffer, 0, n);
    case 'int32': return new Int32Array(buf.buffer, 0, n);
    case 'float32': return new Float32Array(buf.buffer, 0, n);
    case 'float64': return new Float64Array(buf.buffer, 0, n);
  }
}

/** 1-bit samples, most significant bit first, each row starting on a byte, to 0/1 bytes. */
function unpackBits(buf: Uint8Array, rows: number, rowBytes: number, rowSamples: number): Uint8Array {
  const out = new Uint8Array(rows * rowSamples);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < rowSamples; i++) out[r * rowSamples + i] = (buf[r * rowBytes + (i >> 3)] >> (7 - (i & 7))) & 1;
  }
  return out;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
