// Values (images, masks, labels, tables, numbers) to bytes and back, for the file-system cache and
// for files: a small header of JSON, then each typed array's bytes, 8-byte aligned. Pure code.

const MAGIC = 0x31564743; // "CGV1" little-endian
const CTORS = {
  Uint8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array,
} as const;
type CtorName = keyof typeof CTORS;
type Typed = InstanceType<(typeof CTORS)[CtorName]>;

const align8 = (n: number) => (n + 7) & ~7;

export function serializeValue(value: unknown): Uint8Array {
  const arrays: Typed[] = [];
  let offset = 0;
  const header = JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    if (ArrayBuffer.isView(v)) {
      const name = v.constructor.name as CtorName;
      if (!(name in CTORS)) throw new Error(`cannot serialise a ${name}`);
      const typed = v as Typed;
      const entry = { $typed: name, offset, length: typed.length };
      arrays.push(typed);
      offset += align8(typed.byteLength);
      return entry;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
    return v;
  });
  const headerBytes = new TextEncoder().encode(header);
  const start = align8(8 + headerBytes.length);
  const out = new Uint8Array(start + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  let at = start;
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align8(a.byteLength);
  }
  return out;
}

export function deserializeValue(bytes: Uint8Array): unknown {
  if (bytes.length < 8) throw new Error('serialised value is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a serialised cellgraph value');
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.length) throw new Error('serialised value is truncated');
  const header = new TextDecoder().decode(bytes.subarray(8, 8 + headerLength));
  const start = align8(8 + headerLength);
  return JSON.parse(header, (_key, v: unknown) => {
    if (v && typeof v === 'object' && '$typed' in v) {
      const { $typed, offset, length } = v as { $typed: CtorName; offset: number; length: number };
      const Ctor = CTORS[$typed];
      if (!Ctor) throw new Error(`unknown array type ${$typed}`);
      const byteLength = length * Ctor.BYTES_PER_ELEMENT;
      if (start + offset + byteLength > bytes.length) throw new Error('serialised value is truncated');
      // copy out, so the result owns an aligned buffer it can transfer
      const copy = bytes.slice(start + offset, start + offset + byteLength);
      return new Ctor(copy.buffer, 0, length);
    }
    if (v && typeof v === 'object' && '$number' in v) return Number((v as { $number: string }).$number);
    return v;
  });
}
