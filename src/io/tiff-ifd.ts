// The TIFF container: header, the chain of IFDs (one per page) and tag values, read defensively.
// Every offset and count is checked against the file before it is followed, the page chain is
// checked for loops, and nothing is allocated from a count the file merely declares: a hostile
// header ends in a one-line UserError, never a hang or an out-of-memory (utif's own parser loops
// forever on a circular page chain and on huge tag counts, so it is not used for this).
import { UserError } from '../core/errors';

/** One directory entry; `at` is the file offset of the value bytes (inline or pointed to). */
export interface TiffEntry {
  type: number;
  count: number;
  at: number;
}

export interface TiffDir {
  offset: number;
  entries: Map<number, TiffEntry>;
}

export interface TiffFile {
  bytes: Uint8Array;
  view: DataView;
  littleEndian: boolean;
  bigTiff: boolean;
  dirs: TiffDir[];
}

/** Bytes per value of each TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL, …, LONG8, IFD8). */
const TYPE_SIZE: Record<number, number> = {
  1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8,
};

export const TAG_NAMES: Record<number, string> = {
  254: 'NewSubfileType', 256: 'ImageWidth', 257: 'ImageLength', 258: 'BitsPerSample', 259: 'Compression',
  262: 'PhotometricInterpretation', 266: 'FillOrder', 270: 'ImageDescription', 273: 'StripOffsets',
  277: 'SamplesPerPixel', 278: 'RowsPerStrip', 279: 'StripByteCounts', 282: 'XResolution',
  283: 'YResolution', 284: 'PlanarConfiguration', 296: 'ResolutionUnit', 317: 'Predictor',
  322: 'TileWidth', 323: 'TileLength', 324: 'TileOffsets', 325: 'TileByteCounts', 338: 'ExtraSamples',
  339: 'SampleFormat',
};

const tagName = (tag: number) => TAG_NAMES[tag] ?? `tag ${tag}`;

/** Parses the header and walks the page chain; tag values are read later, on demand. */
export function readTiffFile(bytes: Uint8Array): TiffFile {
  if (bytes.length < 8) throw new UserError(`truncated TIFF: the file is only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0], bytes[1]);
  if (order !== 'II' && order !== 'MM') throw new UserError('not a TIFF file (no II/MM byte-order mark)');
  const littleEndian = order === 'II';
  const version = view.getUint16(2, littleEndian);
  if (version !== 42 && version !== 43) throw new UserError(`not a TIFF file (version ${version}, expected 42 or 43)`);
  const bigTiff = version === 43;
  let first: number;
  if (bigTiff) {
    if (bytes.length < 16) throw new UserError('truncated BigTIFF header');
    if (view.getUint16(4, littleEndian) !== 8) throw new UserError('unsupported BigTIFF variant (offset size is not 8)');
    first = readOffset(view, 8, littleEndian, true);
  } else {
    first = view.getUint32(4, littleEndian);
  }
  const file: TiffFile = { bytes, view, littleEndian, bigTiff, dirs: [] };
  walkDirs(file, first);
  if (file.dirs.length === 0) throw new UserError('the TIFF file has no pages');
  return file;
}

function readOffset(view: DataView, at: number, le: boolean, big: boolean): number {
  if (!big) return view.getUint32(at, le);
  const value = view.getBigUint64(at, le);
  // anything past 2^53 cannot be inside a file held in memory: report it as past the end
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function walkDirs(file: TiffFile, first: number): void {
  const { view, littleEndian: le, bigTiff: big, bytes } = file;
  const countSize = big ? 8 : 2;
  const entrySize = big ? 20 : 12;
  const offsetSize = big ? 8 : 4;
  const seen = new Map<number, number>();
  let offset = first;
  while (offset !== 0) {
    const page = file.dirs.length + 1;
    const earlier = seen.get(offset);
    if (earlier !== undefined) {
      throw new UserError(`damaged TIFF: the page list loops (page ${page} points back to page ${earlier})`);
    }
    seen.set(offset, page);
    if (offset + countSize > bytes.length) {
      throw new UserError(
        `truncated: page ${page} starts at byte ${offset}, past the end of the file (${bytes.length} bytes)`,
      );
    }
    const count = big ? readOffset(view, offset, le, true) : view.getUint16(offset, le);
    const end = offset + countSize + count * entrySize;
    if (end + offsetSize > bytes.length) {
      throw new UserError(`truncated: the tag list of page ${page} ends past the end of the file`);
    }
    const entries = new Map<number, TiffEntry>();
    for (let i = 0; i < count; i++) {
      const at = offset + countSize + i * entrySize;
      const tag = view.getUint16(at, le);
      const type = view.getUint16(at + 2, le);
      const n = readOffset(view, at + 4, le, big);
      const size = TYPE_SIZE[type];
      if (size === undefined) continue; // unknown field type: the spec says skip it
      const valueAt = at + 4 + offsetSize;
      const inline = n * size <= offsetSize;
      entries.set(tag, { type, count: n, at: inline ? valueAt : readOffset(view, valueAt, le, big) });
    }
    file.dirs.push({ offset, entries });
    offset = readOffset(view, end, le, big);
  }
}

function checkedRange(file: TiffFile, tag: number, entry: TiffEntry): number {
  const size = entry.count * TYPE_SIZE[entry.type];
  if (entry.at + size > file.bytes.length) {
    throw new UserError(`truncated: the ${tagName(tag)} values lie past the end of the file`);
  }
  return size;
}

/** All values of a numeric tag (rationals as numerator/denominator), or undefined when absent. */
export function readNumbers(file: TiffFile, dir: TiffDir, tag: number): number[] | undefined {
  const entry = dir.entries.get(tag);
  if (!entry) return undefined;
  checkedRange(file, tag, entry);
  const { view, littleEndian: le } = file;
  const out = new Array<number>(entry.count);
  for (let i = 0; i < entry.count; i++) out[i] = readValue(view, entry.type, entry.at, i, le);
  return out;
}

function readValue(view: DataView, type: number, at: number, i: number, le: boolean): number {
  switch (type) {
    case 1: case 2: case 7: return view.getUint8(at + i);
    case 6: return view.getInt8(at + i);
    case 3: return view.getUint16(at + 2 * i, le);
    case 8: return view.getInt16(at + 2 * i, le);
    case 4: case 13: return view.getUint32(at + 4 * i, le);
    case 9: return view.getInt32(at + 4 * i, le);
    case 5: return view.getUint32(at + 8 * i, le) / view.getUint32(at + 8 * i + 4, le);
    case 10: return view.getInt32(at + 8 * i, le) / view.getInt32(at + 8 * i + 4, le);
    case 11: return view.getFloat32(at + 4 * i, le);
    case 12: return view.getFloat64(at + 8 * i, le);
    case 16: case 18: return Number(view.getBigUint64(at + 8 * i, le));
    case 17: return Number(view.getBigInt64(at + 8 * i, le));
    default: return NaN;
  }
}

/** The first value of a numeric tag, or `fallback` when the tag is absent or empty. */
export function readNumber(file: TiffFile, dir: TiffDir, tag: number, fallback: number): number {
  const entry = dir.entries.get(tag);
  if (!entry || entry.count === 0) return fallback;
  checkedRange(file, tag, entry);
  return readValue(file.view, entry.type, entry.at, 0, file.littleEndian);
}

/**
 * 1 / the first value of a numeric tag, or undefined when absent, zero or not finite. A RATIONAL
 * n/d gives d/n directly: XResolution 10000/941 must read as a pixel size of exactly 0.0941, and
 * 1 / (10000 / 941) is 0.09409999999999999.
 */
export function readInverse(file: TiffFile, dir: TiffDir, tag: number): number | undefined {
  const entry = dir.entries.get(tag);
  if (!entry || entry.count === 0) return undefined;
  checkedRange(file, tag, entry);
  const { view, littleEndian: le } = file;
  let inverse: number;
  if (entry.type === 5) inverse = view.getUint32(entry.at + 4, le) / view.getUint32(entry.at, le);
  else if (entry.type === 10) inverse = view.getInt32(entry.at + 4, le) / view.getInt32(entry.at, le);
  else inverse = 1 / readValue(view, entry.type, entry.at, 0, le);
  return Number.isFinite(inverse) && inverse > 0 ? inverse : undefined;
}

/** A text tag (ImageDescription): UTF-8 when valid (OME-XML), else Latin-1; trailing NULs dropped. */
export function readText(file: TiffFile, dir: TiffDir, tag: number): string | undefined {
  const entry = dir.entries.get(tag);
  if (!entry) return undefined;
  const size = checkedRange(file, tag, entry);
  let raw = file.bytes.subarray(entry.at, entry.at + size);
  let end = raw.length;
  while (end > 0 && raw[end - 1] === 0) end--;
  raw = raw.subarray(0, end);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('latin1').decode(raw);
  }
}
