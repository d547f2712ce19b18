import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashBytes, hashBytesAsync } from './hash';

describe('hashBytesAsync', () => {
  afterEach(() => vi.unstubAllGlobals());

  const bytes = Uint8Array.from({ length: 3_000_001 }, (_, i) => (i * 2654435761) >>> 24);

  it('gives hashBytes\' digest by Web Crypto, on a whole buffer and on a view into a larger one', async () => {
    expect(hashBytes(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await hashBytesAsync(new Uint8Array(0))).toBe(hashBytes(new Uint8Array(0)));
    expect(await hashBytesAsync(bytes)).toBe(hashBytes(bytes));
    const view = bytes.subarray(17, 1_000_017);
    expect(await hashBytesAsync(view)).toBe(hashBytes(view));
  });

  it('falls back to the pure-JS hash where there is no Web Crypto (a page served over plain http)', async () => {
    vi.stubGlobal('crypto', undefined);
    expect(globalThis.crypto).toBeUndefined();
    expect(await hashBytesAsync(bytes)).toBe(hashBytes(bytes));
  });
});
