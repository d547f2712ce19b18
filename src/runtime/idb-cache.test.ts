// The browser's result store on fake-indexeddb: least-recently-used eviction under the size cap,
// recovery from a quota error, and what a reopened database still knows.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { imageFromRows } from '../core/image';
import type { NodeOutputs } from '../core/executor';
import { IdbCache } from './idb-cache';
import { serializeValue } from './serialize';

/** A result of about `kib` KiB whose pixels all hold `v`. */
function result(v: number, kib = 4): NodeOutputs {
  const side = Math.sqrt((kib * 1024) / 4);
  return { image: imageFromRows(Array.from({ length: side }, () => new Array(side).fill(v))) };
}
const size = serializeValue(result(0)).byteLength;
let dbCount = 0;
const freshName = () => `test-${++dbCount}-${Math.random()}`;

describe('IdbCache', () => {
  test('keeps values under the cap, evicting the least recently used', async () => {
    const cache = await IdbCache.open(freshName(), Math.floor(size * 2.5));
    await cache.set('a', result(1));
    await cache.set('b', result(2));
    expect(cache.size).toBe(2);
    await cache.get('a'); // a is now more recent than b
    await cache.set('c', result(3));
    expect(cache.size).toBe(2);
    expect(await cache.get('b')).toBeUndefined();
    expect(((await cache.get('a'))!.image as { data: Float32Array }).data[0]).toBe(1);
    expect(((await cache.get('c'))!.image as { data: Float32Array }).data[0]).toBe(3);
    expect(cache.totalBytes).toBe(2 * size);
    await cache.setLimit(size);
    expect(cache.size).toBe(1);
    expect(await cache.get('c')).toBeDefined();
    cache.close();
  });

  test('a value larger than the cap is not stored; clear empties everything', async () => {
    const cache = await IdbCache.open(freshName(), size * 2);
    await cache.set('big', result(1, 64));
    expect(cache.size).toBe(0);
    await cache.set('small', result(1));
    await cache.clear();
    expect([cache.size, cache.totalBytes, await cache.get('small')]).toEqual([0, 0, undefined]);
    cache.close();
  });

  test('a reopened database knows its entries and sizes', async () => {
    const name = freshName();
    const cache = await IdbCache.open(name, size * 10);
    await cache.set('a', result(1));
    await cache.set('b', result(2));
    const hash = 'feed';
    await cache.putSource(hash, 'cells.tif', new Uint8Array([1, 2, 3]));
    cache.close();
    const again = await IdbCache.open(name, size * 10);
    expect([again.size, again.totalBytes]).toEqual([2, 2 * size]);
    expect((await again.getSource(hash))?.name).toBe('cells.tif');
    again.close();
  });

  test('a quota error evicts old entries and stores the new value', async () => {
    const base = await IdbCache.open(freshName(), size * 10);
    // the browser refuses the first write of 'd' for lack of space
    const store = base as unknown as { write(key: string, bytes: Uint8Array): Promise<void> };
    const write = store.write.bind(base);
    let failures = 1;
    store.write = async (key, bytes) => {
      if (key === 'd' && failures-- > 0) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      return write(key, bytes);
    };
    for (const k of ['a', 'b', 'c']) await base.set(k, result(1));
    await base.set('d', result(4));
    expect(base.quotaErrors).toBe(1);
    expect(await base.get('d')).toBeDefined();
    expect(await base.get('a')).toBeUndefined(); // the oldest went to make room
    expect(base.size).toBeLessThan(4);
    base.close();
  });
});
