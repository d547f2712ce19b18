import { describe, expect, it } from 'vitest';
import { autoBlockSize } from './auto-block';

/** w × h values: `inside` within the given disks, `outside` elsewhere. */
function disks(w: number, h: number, list: [number, number, number][], inside: number, outside: number): Float64Array {
  const out = new Float64Array(w * h).fill(outside);
  for (const [cx, cy, r] of list) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) out[y * w + x] = inside;
  return out;
}

describe('autoBlockSize', () => {
  it('is 2·round(2·r) + 1 with r the median largest distance to the background over the objects', () => {
    // radius-3 disk: largest EDT √10 (centre to (7, 9)) → 2·round(6.32) + 1 = 13
    expect(autoBlockSize(disks(24, 24, [[6, 6, 3]], 100, 10), 24, 24, 50, true)).toBe(13);
    // radius 3, 8 and 8: the median is the large disks' largest EDT, √65 ≈ 8.06 (centre to (1, 8) off) → 2·16 + 1 = 33
    const three = disks(80, 40, [[6, 6, 3], [30, 20, 8], [60, 20, 8]], 100, 10);
    expect(autoBlockSize(three, 80, 40, 50, true)).toBe(33);
    // dark objects: the same disks dark on a bright background
    expect(autoBlockSize(disks(80, 40, [[6, 6, 3], [30, 20, 8], [60, 20, 8]], 10, 100), 80, 40, 50, false)).toBe(33);
  });

  it('is 3 when nothing passes the global threshold', () => {
    expect(autoBlockSize(new Float64Array(100).fill(5), 10, 10, 50, true)).toBe(3);
  });
});
