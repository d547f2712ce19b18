import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createImage, createLabels, createMask } from '../core/image';
import { createTable } from '../core/table';
import { FileCache } from './fs-cache';
import { deserializeValue, serializeValue } from './serialize';

const values = () => ({
  image: createImage({ width: 3, height: 2, planes: 2 }, 'float32', Float32Array.from([0, 1.5, -2, NaN, 4, 5, 6, 7, 8, 9, 10, 11])),
  u16: createImage({ width: 1, height: 3 }, 'uint16', Uint16Array.from([0, 65535, 7])),
  mask: createMask({ width: 2, height: 1 }, Uint8Array.from([0, 1])),
  labels: createLabels({ width: 2, height: 1 }, Uint32Array.from([0, 4000000000])),
  table: createTable([{ name: 'area', values: [1, NaN] }, { name: 'name', values: ['a', 'b'] }]),
  threshold: Infinity,
  nan: NaN,
});

describe('serializeValue', () => {
  it('round-trips every kind of value, typed arrays and non-finite numbers included', () => {
    const v = values();
    v.image.meta.pixelSize = { x: 0.1, y: 0.1, unit: 'µm' };
    const back = deserializeValue(serializeValue(v)) as ReturnType<typeof values>;
    expect(back).toEqual(v);
    expect(back.image.data).toBeInstanceOf(Float32Array);
    expect(back.labels.data).toBeInstanceOf(Uint32Array);
    expect(back.threshold).toBe(Infinity);
    expect(back.nan).toBeNaN();
  });

  it('handles typed arrays that are views into larger buffers', () => {
    const big = new Uint16Array([1, 2, 3, 4, 5]);
    const back = deserializeValue(serializeValue({ a: big.subarray(1, 3) })) as { a: Uint16Array };
    expect(Array.from(back.a)).toEqual([2, 3]);
  });

  it('rejects truncated or foreign bytes', () => {
    const bytes = serializeValue(values());
    expect(() => deserializeValue(bytes.subarray(0, bytes.length - 20))).toThrow(/truncated/);
    expect(() => deserializeValue(new Uint8Array(16))).toThrow(/not a serialised/);
  });
});

describe('FileCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellgraph-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores and reads back values across instances', async () => {
    const key = 'ab'.repeat(32);
    await new FileCache(dir).set(key, values() as never);
    const back = await new FileCache(dir).get(key);
    expect(back).toEqual(values());
    expect(await new FileCache(dir).get('cd'.repeat(32))).toBeUndefined();
    expect(readdirSync(join(dir, 'ab')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a cache folder that cannot be written does not fail the run: one warning, nothing kept', async () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const cache = new FileCache(join(blocked, 'cache'));
    const warnings: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (warnings.push(String(text)), true));
    try {
      await cache.set('12'.repeat(32), values() as never);
      await cache.set('34'.repeat(32), values() as never);
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toEqual([`cellgraph: cannot write to the cache folder ${join(blocked, 'cache')} (ENOTDIR); going on without keeping results there\n`]);
    expect(await cache.get('12'.repeat(32))).toBeUndefined();
  });

  it('treats a damaged entry as a miss', async () => {
    const key = 'ef'.repeat(32);
    const cache = new FileCache(dir);
    await cache.set(key, values() as never);
    writeFileSync(join(dir, 'ef', `${key}.bin`), 'garbage');
    expect(await cache.get(key)).toBeUndefined();
  });
});
