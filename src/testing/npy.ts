// Reads NumPy .npy files (format 1.0/2.0, C order, little-endian numeric dtypes): the reference
// outputs that scripts/reference/*.py write with numpy.save. Test-only.
import { readFileSync } from 'node:fs';

export interface NpyArray {
  shape: number[];
  dtype: string;
  data: Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array | BigInt64Array;
}

const CTORS: Record<string, new (buf: ArrayBuffer, offset: number, length: number) => NpyArray['data']> = {
  '|u1': Uint8Array, '|i1': Int8Array, '|b1': Uint8Array,
  '<u2': Uint16Array, '<i2': Int16Array, '<u4': Uint32Array, '<i4': Int32Array,
  '<f4': Float32Array, '<f8': Float64Array, '<i8': BigInt64Array,
};

export function parseNpy(bytes: Uint8Array): NpyArray {
  const magic = String.fromCharCode(...bytes.subarray(1, 6));
  if (bytes[0] !== 0x93 || magic !== 'NUMPY') throw new Error('not a .npy file');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*True/.test(header);
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  const shape = shapeText.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (!descr || !CTORS[descr]) throw new Error(`unsupported npy dtype ${descr}`);
  if (fortran) throw new Error('fortran-order npy is not supported');
  const Ctor = CTORS[descr];
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = headerStart + headerLen;
  // copy so the typed array is aligned whatever the header length
  const body = bytes.slice(offset, offset + count * (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT);
  return { shape, dtype: descr, data: new Ctor(body.buffer, 0, count) };
}

export function readNpy(path: string): NpyArray {
  return parseNpy(new Uint8Array(readFileSync(path)));
}
