// TIFF out: uncompressed, little-endian, one page per (plane, channel) in ImageJ's order (channel
// fastest), with an ImageJ header so Fiji opens planes and channels as a hyperstack with its pixel
// size, and tifffile/libtiff read back every value unchanged.
//
// Masks are written as uint8 0/255 (what Fiji's binary operations expect), labels as uint16 when
// there are fewer than 65536 objects, else uint32 (Fiji shows 32-bit images as float, exact up to
// 2^24). Reading the file back gives an Image; it does not become a Mask or Labels again.
import { UserError } from '../core/errors';
import type { DType, Image, Labels, Mask, PixelArray, PixelSize } from '../core/image';
import { escapeAscii, quoteText } from './ascii-text';
import { MICRON } from './units';

/** The ImageJ header key that holds a cellgraph provenance document. */
export const PROVENANCE_KEY = 'cellgraph.provenance';

export interface EncodeTiffOptions {
  /** Free text (e.g. provenance) stored in the ImageJ header; decodeTiff returns it as meta.extra.description. */
  description?: string;
  /**
   * A cellgraph provenance document (JSON text, see core/provenance.ts), stored as one more line of the
   * ImageJ header, `cellgraph.provenance=<the JSON, non-ASCII escaped>`. ImageJ and tifffile read the
   * header as key=value lines and ignore keys they do not know, so the hyperstack layout, pixel size
   * and spacing they need stay as they are; readEmbeddedPipeline (io/embedded-provenance.ts) reads it back.
   */
  provenance?: string;
}

interface Samples {
  data: PixelArray;
  dtype: DType;
  planes: number;
  channels: number;
}

const FORMAT: Record<DType, { bits: number; format: number }> = {
  uint8: { bits: 8, format: 1 }, uint16: { bits: 16, format: 1 }, uint32: { bits: 32, format: 1 },
  int16: { bits: 16, format: 2 }, int32: { bits: 32, format: 2 },
  float32: { bits: 32, format: 3 }, float64: { bits: 64, format: 3 },
};

/** The samples a raster is written as: masks 0/255 uint8, labels uint16 or uint32. */
export function rasterSamples(raster: Image | Mask | Labels): Samples {
  if (raster.kind === 'image') {
    return { data: raster.data, dtype: raster.dtype, planes: raster.planes, channels: raster.channels };
  }
  if (raster.kind === 'mask') {
    const data = new Uint8Array(raster.data.length);
    for (let i = 0; i < data.length; i++) data[i] = raster.data[i] ? 255 : 0;
    return { data, dtype: 'uint8', planes: raster.planes, channels: 1 };
  }
  let max = 0;
  for (let i = 0; i < raster.data.length; i++) if (raster.data[i] > max) max = raster.data[i];
  if (max < 65536) return { data: Uint16Array.from(raster.data), dtype: 'uint16', planes: raster.planes, channels: 1 };
  return { data: raster.data, dtype: 'uint32', planes: raster.planes, channels: 1 };
}

export function encodeTiff(raster: Image | Mask | Labels, opts: EncodeTiffOptions = {}): Uint8Array {
  const { data, dtype, planes, channels } = rasterSamples(raster);
  const { width, height } = raster;
  const { bits, format } = FORMAT[dtype];
  const pages = planes * channels;
  const pageBytes = width * height * (bits / 8);
  const description = imagejDescription(raster, planes, channels, opts);
  const resolution = raster.meta.pixelSize ? resolutionOf(raster.meta.pixelSize) : undefined;

  const ifds: Field[][] = [];
  for (let p = 0; p < pages; p++) {
    const fields: Field[] = [
      { tag: 254, type: 4, values: [0] },
      { tag: 256, type: 4, values: [width] },
      { tag: 257, type: 4, values: [height] },
      { tag: 258, type: 3, values: [bits] },
      { tag: 259, type: 3, values: [1] },
      { tag: 262, type: 3, values: [1] },
    ];
    if (p === 0) fields.push({ tag: 270, type: 2, values: ascii(description) });
    fields.push(
      { tag: 273, type: 4, values: [0] }, // strip offset, filled in below
      { tag: 277, type: 3, values: [1] },
      { tag: 278, type: 4, values: [height] },
      { tag: 279, type: 4, values: [pageBytes] },
    );
    if (resolution) {
      fields.push({ tag: 282, type: 5, values: resolution.x }, { tag: 283, type: 5, values: resolution.y }, { tag: 296, type: 3, values: [1] });
    }
    if (p === 0) fields.push({ tag: 305, type: 2, values: ascii('cellgraph') });
    fields.push({ tag: 339, type: 3, values: [format] });
    ifds.push(fields);
  }

  let offset = 8;
  const ifdOffsets = ifds.map((fields) => {
    const at = offset;
    offset += ifdSize(fields);
    return at;
  });
  const dataStart = align(offset, 16);
  const total = dataStart + pages * pageBytes;
  if (total > 0xffffffff) {
    throw new UserError(`the image is too large for a TIFF file (${Math.ceil(total / 2 ** 30)} GB, over 4 GB)`);
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, ifdOffsets[0] ?? 0, true);
  ifds.forEach((fields, p) => {
    fields.find((f) => f.tag === 273)!.values = [dataStart + p * pageBytes];
    writeIfd(view, ifdOffsets[p], fields, ifdOffsets[p + 1] ?? 0);
  });
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  out.set(bytes, dataStart);
  return out;
}

interface Field {
  tag: number;
  /** 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL (values as numerator, denominator pairs). */
  type: 2 | 3 | 4 | 5;
  values: number[];
}

const TYPE_BYTES = { 2: 1, 3: 2, 4: 4, 5: 4 } as const;

function valueBytes(f: Field): number {
  return f.values.length * TYPE_BYTES[f.type];
}

function ifdSize(fields: Field[]): number {
  let size = 2 + fields.length * 12 + 4;
  for (const f of fields) if (valueBytes(f) > 4) size += align(valueBytes(f), 2);
  return size;
}

function writeIfd(view: DataView, at: number, fields: Field[], next: number): void {
  view.setUint16(at, fields.length, true);
  let extra = at + 2 + fields.length * 12 + 4;
  fields.forEach((f, i) => {
    const entry = at + 2 + i * 12;
    view.setUint16(entry, f.tag, true);
    view.setUint16(entry + 2, f.type, true);
    view.setUint32(entry + 4, f.type === 5 ? f.values.length / 2 : f.values.length, true);
    let valueAt = entry + 8;
    if (valueBytes(f) > 4) {
      view.setUint32(entry + 8, extra, true);
      valueAt = extra;
      extra += align(valueBytes(f), 2);
    }
    f.values.forEach((v, j) => {
      if (f.type === 2) view.setUint8(valueAt + j, v);
      else if (f.type === 3) view.setUint16(valueAt + 2 * j, v, true);
      else view.setUint32(valueAt + 4 * j, v, true);
    });
  });
  view.setUint32(at + 2 + fields.length * 12, next, true);
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/** ASCII bytes with the terminating NUL; the text is already 7-bit (see escapeAscii). */
function ascii(text: string): number[] {
  const out = Array.from(text, (ch) => ch.charCodeAt(0) & 0x7f);
  out.push(0);
  return out;
}

function imagejDescription(raster: Image | Mask | Labels, planes: number, channels: number, opts: EncodeTiffOptions): string {
  const text = opts.description;
  const extra = raster.meta.extra;
  let slices = planes;
  let frames = 1;
  if (extra.planeAxis === 't') [slices, frames] = [1, planes];
  if (extra.planeAxis === 'zt' && Number(extra.slices) * Number(extra.frames) === planes) {
    [slices, frames] = [Number(extra.slices), Number(extra.frames)];
  }
  const lines = ['ImageJ=1.11a', `images=${planes * channels}`];
  if (channels > 1) lines.push(`channels=${channels}`);
  if (slices > 1) lines.push(`slices=${slices}`);
  if (frames > 1) lines.push(`frames=${frames}`);
  if ([channels, slices, frames].filter((n) => n > 1).length > 1) lines.push('hyperstack=true');
  if (channels > 1) lines.push('mode=grayscale');
  const size = raster.meta.pixelSize;
  if (size) {
    lines.push(`unit=${size.unit === MICRON ? 'micron' : escapeAscii(size.unit)}`);
    if (size.z !== undefined) lines.push(`spacing=${size.z}`);
  }
  if (frames > 1 && extra.frameInterval !== undefined && Number.isFinite(Number(extra.frameInterval))) {
    lines.push(`finterval=${Number(extra.frameInterval)}`);
  }
  lines.push('loop=false');
  // one line whatever the text: a JSON string, non-ASCII escaped, so no line can pose as an ImageJ key
  if (text !== undefined) lines.push(`cellgraph.description=${quoteText(text)}`);
  if (opts.provenance !== undefined) lines.push(`${PROVENANCE_KEY}=${provenanceValue(opts.provenance)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The JSON document as one ASCII line that stays the same JSON: non-ASCII escaped as \uXXXX, and '='
 * (which JSON only has inside strings) as \u003D, because tifffile drops header lines holding more
 * than one '='. JSON.stringify output has no raw newlines. ImageJ reads the header with Java's
 * Properties.load, where every backslash of the line is one of JSON's escapes (\" \\ \n \uXXXX …),
 * all valid Properties escapes, and the line ends in '}', never in a continuation backslash.
 */
function provenanceValue(json: string): string {
  return escapeAscii(json).replace(/=/g, '\\u003D');
}

/** XResolution/YResolution (pixels per unit) as exact-as-possible rationals of 1/pixel size. */
function resolutionOf(size: PixelSize): { x: number[]; y: number[] } {
  return { x: rationalOfInverse(size.x), y: rationalOfInverse(size.y) };
}

/**
 * A rational n/d ≈ 1/size with n, d < 2^32, from the continued fraction of 1/size, stopping at the
 * first convergent that reads back as exactly `size` (d/n), e.g. 0.0941 → 10000/941.
 */
export function rationalOfInverse(size: number): number[] {
  const target = 1 / size;
  const max = 0xffffffff;
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let x = target;
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(x);
    const h2 = a * h1 + h0;
    const k2 = a * k1 + k0;
    if (h2 > max || k2 > max) break;
    [h0, h1, k0, k1] = [h1, h2, k1, k2];
    if (k1 / h1 === size || x === a) break;
    x = 1 / (x - a);
  }
  if (k1 === 0) return [max, 1];
  return [h1, k1];
}
