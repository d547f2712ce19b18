// PNG in and out (fast-png). PNG carries one plane of 8- or 16-bit unsigned samples and no pixel
// size a microscope would set, so it is for viewing and for simple 2-D inputs; TIFF is for analysis.
//
// Reading: grey → 1 channel, RGB → 3; an alpha channel is dropped (it is transparency, not a
// measurement) and noted in meta.extra.alpha; a palette is expanded to RGB, or to 1 channel of
// grey values when every palette entry is grey; 1/2/4-bit samples keep their raw values (0–1,
// 0–3, 0–15). A 'description' (or cellgraph's own) text chunk becomes meta.extra.description.
import { decode, encode, type DecodedPng } from 'fast-png';
import { Unzlib } from 'fflate';
import { UserError } from '../core/errors';
import { createImage, type Image, type Labels, type Mask } from '../core/image';
import { escapeAscii, quoteText, unquoteText } from './ascii-text';
import { tooLarge } from './limits';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Width, height and colour type from the IHDR chunk, read before anything is decompressed. */
function readHeader(bytes: Uint8Array): { width: number; height: number; colorType: number } {
  if (!hasPngSignature(bytes)) throw new UserError('not a PNG file');
  if (bytes.length < 33) throw new UserError('truncated PNG: the file ends inside its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') throw new UserError('damaged PNG: the first chunk is not IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20), colorType: bytes[25] };
}

/**
 * fast-png's message, except where it says nothing a user can act on: a RangeError is its reader
 * running past the data (a file cut short, or a chunk length damaged), and for image data that will
 * not inflate ('Error while decompressing the data:') the inflater's reason.
 */
function decodeFailure(err: unknown): string {
  const cause = err instanceof Error ? err.cause : undefined;
  if (err instanceof RangeError || cause instanceof RangeError) return 'its image data ends early';
  const message = err instanceof Error ? err.message : String(err);
  if (!/decompress/i.test(message)) return message;
  return `its compressed image data cannot be decompressed${cause instanceof Error ? `: ${cause.message.split('\n')[0]}` : ''}`;
}

export function decodePng(bytes: Uint8Array, name: string, opts: { maxPixels: number }): Image {
  const { width, height, colorType } = readHeader(bytes);
  if (width < 1 || height < 1) throw new UserError(`damaged PNG: it declares ${width}×${height} pixels`);
  const channels = colorType === 0 || colorType === 4 ? 1 : 3;
  if (width * height * channels > opts.maxPixels) {
    throw tooLarge(`the image (${width}×${height} pixels × ${channels} channels)`, width * height * channels, opts.maxPixels);
  }
  checkInflatedSize(bytes, width, height);
  let png: DecodedPng;
  try {
    png = decode(bytes, { checkCrc: true });
  } catch (err) {
    throw new UserError(`damaged or truncated PNG (${decodeFailure(err)})`);
  }
  const n = width * height;
  const expectedBytes = Math.ceil((width * png.channels * png.depth) / 8) * height;
  const got = png.depth === 16 ? png.data.length * 2 : png.data.length;
  if (got < expectedBytes) throw new UserError('truncated PNG: the image data ends early');
  const raw = png.depth < 8 ? unpack(png.data as Uint8Array, width, height, png.channels, png.depth) : png.data;
  const extra: Record<string, string> = {};
  const text = png.text['cellgraph.description'] ?? png.text.description;
  if (text !== undefined) extra.description = png.text['cellgraph.description'] !== undefined ? unquoteText(text) : text;
  const meta = { source: name, extra };

  if (png.palette) {
    const palette = png.palette;
    const grey = palette.every((c) => c[0] === c[1] && c[1] === c[2]);
    extra.palette = grey ? 'grey' : 'expanded to RGB';
    const out = new Uint8Array(n * (grey ? 1 : 3));
    for (let i = 0; i < n; i++) {
      const color = palette[raw[i]] ?? [0, 0, 0];
      if (grey) out[i] = color[0];
      else for (let c = 0; c < 3; c++) out[c * n + i] = color[c];
    }
    return createImage({ width, height, channels: grey ? 1 : 3 }, 'uint8', out, meta);
  }
  const kept = png.channels === 2 || png.channels === 4 ? png.channels - 1 : png.channels;
  if (kept !== png.channels) extra.alpha = 'dropped';
  const out = png.depth === 16 ? new Uint16Array(n * kept) : new Uint8Array(n * kept);
  for (let c = 0; c < kept; c++) {
    for (let i = 0; i < n; i++) out[c * n + i] = raw[i * png.channels + c];
  }
  return createImage({ width, height, channels: kept }, png.depth === 16 ? 'uint16' : 'uint8', out, meta);
}

const SAMPLES_PER_PIXEL: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Inflates the IDAT stream in pieces, only counting, and refuses data that inflates to more than
 * width × height needs: fast-png would otherwise hold all of it, so a 300 KB file of zeros could
 * take 800 MB (a decompression bomb).
 */
function checkInflatedSize(bytes: Uint8Array, width: number, height: number): void {
  const depth = bytes[24];
  const samples = SAMPLES_PER_PIXEL[bytes[25]] ?? 4;
  const rowBytes = Math.ceil((width * samples * Math.max(depth, 1)) / 8);
  // one filter byte per row; Adam7 interlacing splits rows into at most 7 passes, each with its own
  const limit = bytes[28] === 1 ? height * (rowBytes + 7) + 7 * 64 : height * (rowBytes + 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  const stream = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > limit) throw new UserError(`damaged PNG: its image data inflates to more than the ${limit} bytes ${width}×${height} pixels need`);
  });
  let at = 8;
  try {
    while (at + 8 <= bytes.length) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
      if (type === 'IDAT') stream.push(bytes.subarray(at + 8, Math.min(at + 8 + length, bytes.length)));
      if (type === 'IEND') break;
      at += 12 + length;
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    // damaged zlib data: fast-png reports it below with its own message
  }
}

/** Rows of 1/2/4-bit samples (each row starting on a byte) to one byte per sample. */
function unpack(data: Uint8Array, width: number, height: number, channels: number, depth: number): Uint8Array {
  const rowSamples = width * channels;
  const rowBytes = Math.ceil((rowSamples * depth) / 8);
  const mask = (1 << depth) - 1;
  const out = new Uint8Array(rowSamples * height);
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < rowSamples; i++) {
      const bit = i * depth;
      out[y * rowSamples + i] = (data[y * rowBytes + (bit >> 3)] >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return out;
}

export interface EncodePngOptions {
  /** Stored in a 'cellgraph.description' tEXt chunk; decodePng returns it as meta.extra.description. */
  description?: string;
  /** A cellgraph provenance document (JSON), stored in a tEXt chunk with keyword `cellgraph`. */
  provenance?: string;
}

/** The PNG text keyword that holds a cellgraph provenance document. */
export const PNG_PROVENANCE_KEYWORD = 'cellgraph';

/**
 * One plane of uint8/uint16 grey or RGB; masks as 0/255 uint8, labels as uint16 (fewer than
 * 65536 objects). Anything else is a UserError that suggests TIFF.
 */
export function encodePng(raster: Image | Mask | Labels, opts: EncodePngOptions = {}): Uint8Array {
  if (raster.planes !== 1) {
    throw new UserError(`PNG holds one plane but this ${raster.kind} has ${raster.planes}: save it as TIFF`);
  }
  const { width, height } = raster;
  const n = width * height;
  let data: Uint8Array | Uint16Array;
  let depth: 8 | 16;
  let channels = 1;
  if (raster.kind === 'mask') {
    data = new Uint8Array(n);
    for (let i = 0; i < n; i++) data[i] = raster.data[i] ? 255 : 0;
    depth = 8;
  } else if (raster.kind === 'labels') {
    if (raster.count >= 65536) {
      throw new UserError(`PNG holds at most 65535 labels but there are ${raster.count}: save the labels as TIFF`);
    }
    data = Uint16Array.from(raster.data);
    depth = 16;
  } else {
    if (raster.dtype !== 'uint8' && raster.dtype !== 'uint16') {
      throw new UserError(`PNG holds 8- or 16-bit unsigned integers but this image is ${raster.dtype}: save it as TIFF`);
    }
    if (raster.channels !== 1 && raster.channels !== 3) {
      throw new UserError(`PNG holds grey or RGB (1 or 3 channels) but this image has ${raster.channels}: save it as TIFF`);
    }
    channels = raster.channels;
    depth = raster.dtype === 'uint8' ? 8 : 16;
    data = depth === 8 ? new Uint8Array(n * channels) : new Uint16Array(n * channels);
    // channel-planar to interleaved
    for (let c = 0; c < channels; c++) for (let i = 0; i < n; i++) data[i * channels + c] = raster.data[c * n + i];
  }
  const text: Record<string, string> = {};
  if (opts.description !== undefined) text['cellgraph.description'] = quoteText(opts.description);
  // tEXt is Latin-1: the JSON with non-ASCII escaped is ASCII and still the same JSON
  if (opts.provenance !== undefined) text[PNG_PROVENANCE_KEYWORD] = escapeAscii(opts.provenance);
  return encode({ width, height, data, depth, channels, ...(Object.keys(text).length ? { text } : {}) });
}
