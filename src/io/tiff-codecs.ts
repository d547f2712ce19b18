// TIFF strip/tile codecs (LZW, PackBits, Deflate), the two predictors and byte order. Each decoder
// writes into an output of the size the page geometry says one strip or tile must have, so a
// hostile stream can neither allocate more nor run forever (it stops at the end of its input).
// utif's LZW is not used: given data that ends without an end-of-information code it keeps reading
// zeros past the end and never returns.
import { unzlibSync, inflateSync } from 'fflate';
import { UserError } from '../core/errors';

export const COMPRESSION_NAMES: Record<number, string> = {
  1: 'none', 2: 'CCITT RLE', 3: 'CCITT G3 fax', 4: 'CCITT G4 fax', 5: 'LZW', 6: 'old-style JPEG',
  7: 'JPEG', 8: 'Deflate', 32946: 'Deflate', 32773: 'PackBits', 34712: 'JPEG 2000', 34887: 'LERC',
  34925: 'LZMA', 50000: 'Zstandard', 50001: 'WebP', 33003: 'JPEG 2000', 33005: 'JPEG 2000',
};

export const SUPPORTED_COMPRESSIONS = new Set([1, 5, 8, 32946, 32773]);

/**
 * Decompresses one strip or tile into exactly `expected` bytes. Returns how many bytes the data
 * actually produced (less than `expected` when the stream ends early).
 */
export function decompress(compression: number, src: Uint8Array, out: Uint8Array): number {
  switch (compression) {
    case 1:
      out.set(src.subarray(0, out.length));
      return Math.min(src.length, out.length);
    case 5:
      return decodeLzw(src, out);
    case 32773:
      return decodePackBits(src, out);
    case 8:
    case 32946:
      return inflate(src, out);
    default:
      throw new UserError(`unsupported TIFF compression ${compression}`);
  }
}

function inflate(src: Uint8Array, out: Uint8Array): number {
  try {
    // zlib-wrapped is the norm; a few writers store raw deflate
    const isZlib = src.length >= 2 && (src[0] & 15) === 8 && ((src[0] << 8) | src[1]) % 31 === 0;
    return (isZlib ? unzlibSync(src, { out }) : inflateSync(src, { out })).length;
  } catch (err) {
    throw new UserError(`damaged Deflate data (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** TIFF LZW: MSB-first codes of 9–12 bits, code 256 clears, 257 ends, widths change one code early. */
export function decodeLzw(src: Uint8Array, out: Uint8Array): number {
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < 256; i++) {
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  const totalBits = src.length * 8;
  let bitPos = 0;
  let width = 9;
  let next = 258;
  let old = -1;
  let op = 0;
  while (op < out.length && bitPos + width <= totalBits) {
    const at = bitPos >>> 3;
    // a 24-bit window always holds the next code (≤ 12 bits at any bit offset); bytes past the end read as 0
    const window = (src[at] << 16) | ((src[at + 1] ?? 0) << 8) | (src[at + 2] ?? 0);
    const code = (window >>> (24 - (bitPos & 7) - width)) & ((1 << width) - 1);
    bitPos += width;
    if (code === 257) break;
    if (code === 256) {
      width = 9;
      next = 258;
      old = -1;
      continue;
    }
    if (old === -1) {
      if (code > 255) throw new UserError('damaged LZW data (a code refers to an unknown string)');
      out[op++] = code;
      old = code;
      continue;
    }
    let emit: number;
    if (code < next) emit = code;
    else if (code === next && next < 4096) emit = -1;
    else throw new UserError('damaged LZW data (a code refers to an unknown string)');
    if (next < 4096) {
      prefix[next] = old;
      suffix[next] = emit === -1 ? first[old] : first[code];
      first[next] = first[old];
      length[next] = length[old] + 1;
      if (emit === -1) emit = next;
      next++;
      if (next === (1 << width) - 1 && width < 12) width++;
    }
    // write the string of `emit` backwards from its last byte; clip at the end of the output
    const len = length[emit];
    let c = emit;
    for (let k = len - 1; k >= 0; k--) {
      if (op + k < out.length) out[op + k] = suffix[c];
      c = prefix[c];
    }
    op = Math.min(op + len, out.length);
    old = code;
  }
  return op;
}

/** PackBits (Macintosh run-length): n ≥ 0 copies n+1 bytes, n < 0 repeats the next byte 1−n times. */
export function decodePackBits(src: Uint8Array, out: Uint8Array): number {
  let ip = 0;
  let op = 0;
  while (ip < src.length && op < out.length) {
    const n = (src[ip++] << 24) >> 24;
    if (n >= 0) {
      const end = Math.min(ip + n + 1, src.length);
      const count = Math.min(end - ip, out.length - op);
      out.set(src.subarray(ip, ip + count), op);
      op += count;
      ip = end;
    } else if (n !== -128) {
      if (ip >= src.length) break;
      const count = Math.min(1 - n, out.length - op);
      out.fill(src[ip++], op, op + count);
      op += count;
    }
  }
  return op;
}

/** Big-endian samples to little-endian (the order typed arrays use here), in place. */
export function swapBytes(buf: Uint8Array, bytesPerSample: number): void {
  if (bytesPerSample <= 1) return;
  for (let i = 0; i + bytesPerSample <= buf.length; i += bytesPerSample) {
    for (let a = i, b = i + bytesPerSample - 1; a < b; a++, b--) {
      const t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
  }
}

/**
 * Undoes the horizontal-differencing predictor (2) on little-endian integer samples: each sample
 * was stored as the difference to the same component of the pixel on its left, modulo 2^bits.
 */
export function undoHorizontalPredictor(buf: Uint8Array, bytesPerSample: number, rowSamples: number, stride: number): void {
  const n = Math.floor(buf.length / bytesPerSample);
  const values =
    bytesPerSample === 1 ? buf
      : bytesPerSample === 2 ? new Uint16Array(buf.buffer, buf.byteOffset, n)
        : bytesPerSample === 4 ? new Uint32Array(buf.buffer, buf.byteOffset, n)
          : new BigUint64Array(buf.buffer, buf.byteOffset, n);
  for (let row = 0; row + rowSamples <= n; row += rowSamples) {
    if (values instanceof BigUint64Array) {
      for (let i = row + stride; i < row + rowSamples; i++) values[i] = BigInt.asUintN(64, values[i] + values[i - stride]);
    } else {
      for (let i = row + stride; i < row + rowSamples; i++) values[i] += values[i - stride];
    }
  }
}

/**
 * Undoes the floating-point predictor (3, Adobe TIFF Technote 3): per row, bytes were split into
 * planes (most significant byte of every sample first) and then byte-differenced with a stride of
 * one pixel. The result is written little-endian, whatever the file's byte order.
 */
export function undoFloatPredictor(buf: Uint8Array, bytesPerSample: number, rowSamples: number, stride: number): void {
  const rowBytes = rowSamples * bytesPerSample;
  const tmp = new Uint8Array(rowBytes);
  for (let row = 0; row + rowBytes <= buf.length; row += rowBytes) {
    for (let i = row + stride; i < row + rowBytes; i++) buf[i] = (buf[i] + buf[i - stride]) & 255;
    tmp.set(buf.subarray(row, row + rowBytes));
    for (let k = 0; k < rowSamples; k++) {
      for (let b = 0; b < bytesPerSample; b++) buf[row + k * bytesPerSample + b] = tmp[(bytesPerSample - 1 - b) * rowSamples + k];
    }
  }
}

/** FillOrder 2 stores the bits of each byte lowest first. */
export function reverseBits(buf: Uint8Array): Uint8Array {
  const out = new Uint8Array(buf.length);
  for (let i = 0; i < buf.length; i++) {
    let v = buf[i];
    v = ((v & 0xf0) >> 4) | ((v & 0x0f) << 4);
    v = ((v & 0xcc) >> 2) | ((v & 0x33) << 2);
    out[i] = ((v & 0xaa) >> 1) | ((v & 0x55) << 1);
  }
  return out;
}
