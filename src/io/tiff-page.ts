// One TIFF page's geometry and pixel format, read from its tags and checked before any pixel is
// decoded: what is unsupported or inconsistent becomes a one-line UserError here.
import { UserError } from '../core/errors';
import type { DType } from '../core/image';
import { COMPRESSION_NAMES, SUPPORTED_COMPRESSIONS } from './tiff-codecs';
import { readNumber, readNumbers, type TiffDir, type TiffFile } from './tiff-ifd';
import { tooLarge } from './limits';

/** How samples are stored in the file; widened or converted to `dtype` on reading. */
export type SampleKind = 'native' | 'int8' | 'float16' | 'bit';

export interface TiffPage {
  index: number;
  width: number;
  height: number;
  samplesPerPixel: number;
  bitsPerSample: number;
  sampleFormat: number;
  dtype: DType;
  kind: SampleKind;
  compression: number;
  photometric: number;
  planar: 1 | 2;
  predictor: number;
  fillOrder: number;
  subfileType: number;
  tiled: boolean;
  /** Strip: image width × RowsPerStrip; tile: TileWidth × TileLength. */
  chunkWidth: number;
  chunkHeight: number;
  chunksAcross: number;
  chunksDown: number;
  offsets: number[];
  byteCounts?: number[];
}

function pixelType(bits: number, format: number, page: number): { dtype: DType; kind: SampleKind } {
  const key = `${format}:${bits}`;
  const table: Record<string, { dtype: DType; kind: SampleKind }> = {
    '1:1': { dtype: 'uint8', kind: 'bit' },
    '1:8': { dtype: 'uint8', kind: 'native' },
    '1:16': { dtype: 'uint16', kind: 'native' },
    '1:32': { dtype: 'uint32', kind: 'native' },
    '2:8': { dtype: 'int16', kind: 'int8' },
    '2:16': { dtype: 'int16', kind: 'native' },
    '2:32': { dtype: 'int32', kind: 'native' },
    '3:16': { dtype: 'float32', kind: 'float16' },
    '3:32': { dtype: 'float32', kind: 'native' },
    '3:64': { dtype: 'float64', kind: 'native' },
  };
  const found = table[key];
  if (found) return found;
  const what = format === 3 ? 'float' : format === 2 ? 'signed integer' : 'unsigned integer';
  if (format === 5 || format === 6) throw new UserError(`page ${page}: complex-valued samples are not supported`);
  throw new UserError(`page ${page}: ${bits}-bit ${what} samples are not supported (8, 16 or 32-bit integers, 32 or 64-bit float)`);
}

/**
 * Reads and validates the tags of page `index` (0-based) that decoding needs. The page's size is
 * checked against `maxSamples` before anything else is read.
 */
export function readTiffPage(file: TiffFile, dir: TiffDir, index: number, maxSamples: number): TiffPage {
  const page = index + 1;
  const num = (tag: number, fallback: number) => readNumber(file, dir, tag, fallback);
  const width = num(256, 0);
  const height = num(257, 0);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new UserError(`page ${page} is ${width}×${height} pixels: the TIFF header is damaged`);
  }
  const samplesPerPixel = num(277, 1);
  if (!Number.isInteger(samplesPerPixel) || samplesPerPixel < 1 || samplesPerPixel > 1024) {
    throw new UserError(`page ${page} declares ${samplesPerPixel} samples per pixel: the TIFF header is damaged`);
  }
  if (width * height * samplesPerPixel > maxSamples) {
    const spp = samplesPerPixel > 1 ? ` × ${samplesPerPixel} samples` : '';
    throw tooLarge(`page ${page} (${width}×${height} pixels${spp})`, width * height * samplesPerPixel, maxSamples);
  }
  const bitsList = readNumbers(file, dir, 258) ?? [1];
  const bitsPerSample = bitsList[0];
  if (bitsList.some((b) => b !== bitsPerSample)) {
    throw new UserError(`page ${page}: samples of different bit depths (${bitsList.join(', ')}) are not supported`);
  }
  const formats = readNumbers(file, dir, 339) ?? [1];
  // SampleFormat 4 ("undefined") is read as unsigned
  const sampleFormat = formats[0] === 4 ? 1 : formats[0];
  const { dtype, kind } = pixelType(bitsPerSample, sampleFormat, page);
  const compression = num(259, 1);
  if (!SUPPORTED_COMPRESSIONS.has(compression)) {
    const name = COMPRESSION_NAMES[compression] ?? `code ${compression}`;
    throw new UserError(
      `page ${page} uses ${name} compression, which is not supported: re-save it as uncompressed, LZW or Deflate TIFF (e.g. in Fiji)`,
    );
  }
  const planar = num(284, 1) === 2 && samplesPerPixel > 1 ? 2 : 1;
  const predictor = num(317, 1);
  if (predictor !== 1 && compression === 1) {
    // the predictor only applies to compressed data; libtiff ignores it otherwise
  } else if (predictor === 2 && (sampleFormat === 3 || kind === 'bit')) {
    throw new UserError(`page ${page}: the horizontal predictor on ${sampleFormat === 3 ? 'float' : '1-bit'} samples is not supported`);
  } else if (predictor === 3 && sampleFormat !== 3) {
    throw new UserError(`page ${page}: the floating-point predictor on integer samples is not valid`);
  } else if (predictor !== 1 && predictor !== 2 && predictor !== 3) {
    throw new UserError(`page ${page}: predictor ${predictor} is not supported`);
  }
  const tiled = dir.entries.has(322) || dir.entries.has(324);
  const chunkWidth = tiled ? num(322, 0) : width;
  const rowsPerStrip = num(278, height);
  const chunkHeight = tiled ? num(323, 0) : Math.min(rowsPerStrip >= 1 ? rowsPerStrip : height, height);
  if (!Number.isInteger(chunkWidth) || !Number.isInteger(chunkHeight) || chunkWidth < 1 || chunkHeight < 1) {
    throw new UserError(`page ${page} declares ${chunkWidth}×${chunkHeight} tiles: the TIFF header is damaged`);
  }
  if (tiled && (chunkWidth > 65536 || chunkHeight > 65536)) {
    throw new UserError(`page ${page} declares ${chunkWidth}×${chunkHeight} tiles: the TIFF header is damaged`);
  }
  const chunksAcross = Math.ceil(width / chunkWidth);
  const chunksDown = Math.ceil(height / chunkHeight);
  const chunkCount = chunksAcross * chunksDown * (planar === 2 ? samplesPerPixel : 1);
  const what = tiled ? 'tiles' : 'strips';
  const offsetsEntry = dir.entries.get(tiled ? 324 : 273);
  if (!offsetsEntry) throw new UserError(`page ${page} has no ${what} offsets: the TIFF header is damaged`);
  if (offsetsEntry.count < chunkCount) {
    throw new UserError(`page ${page} lists ${offsetsEntry.count} ${what}, expected ${chunkCount}: the TIFF header is damaged`);
  }
  const offsets = readNumbers(file, dir, tiled ? 324 : 273) ?? [];
  const byteCounts = readNumbers(file, dir, tiled ? 325 : 279);
  if (!byteCounts && compression !== 1) {
    throw new UserError(`page ${page} has compressed ${what} but no byte counts: the TIFF header is damaged`);
  }
  if (byteCounts && byteCounts.length < chunkCount) {
    throw new UserError(`page ${page} lists ${byteCounts.length} ${what} byte counts, expected ${chunkCount}`);
  }
  // one empty strip or tile is a sparse file (GDAL writes those, read as zeros); all of them is a
  // writer that stopped before the pixels
  if (byteCounts && byteCounts.slice(0, chunkCount).every((n) => n === 0)) {
    throw new UserError(`damaged TIFF: every ${tiled ? 'tile' : 'strip'} of page ${page} is empty (0 bytes)`);
  }
  return {
    index, width, height, samplesPerPixel, bitsPerSample, sampleFormat, dtype, kind, compression,
    photometric: num(262, samplesPerPixel >= 3 ? 2 : 1), planar, predictor: compression === 1 ? 1 : predictor,
    fillOrder: num(266, 1), subfileType: num(254, 0), tiled, chunkWidth, chunkHeight, chunksAcross,
    chunksDown, offsets, byteCounts,
  };
}

/** Whether two pages can be planes of one image: same size, samples and pixel type. */
export function samePixelLayout(a: TiffPage, b: TiffPage): boolean {
  return (
    a.width === b.width && a.height === b.height && a.samplesPerPixel === b.samplesPerPixel &&
    a.dtype === b.dtype && a.kind === b.kind && a.photometric === b.photometric
  );
}

/** One line saying what a page is, for messages: "512×512, 1 × uint16". */
export function describePage(p: TiffPage): string {
  return `${p.width}×${p.height}, ${p.samplesPerPixel} × ${p.bitsPerSample}-bit`;
}
