// track-objects on a synthetic time-lapse the size of a real one: 1024×1024 px, 20 frames, 841 cells
// (disks of radius 10 on a 29 × 29 grid) drifting a few pixels per frame, each missed by the
// segmentation in 5% of the frames (so gap closing has ~800 ends and starts to join).
// `npx vitest bench --run bench/tracking.bench.ts`.
import { bench, describe } from 'vitest';
import { createLabels } from '../src/core/image';
import { trackObjects } from '../src/imaging/tracking';

const SIZE = 1024;
const FRAMES = 20;
const GRID = 29;
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

const data = new Uint32Array(SIZE * SIZE * FRAMES);
const cells = Array.from({ length: GRID * GRID }, (_, k) => ({ x: 20 + (k % GRID) * 34.5, y: 20 + Math.floor(k / GRID) * 34.5 }));
for (let p = 0; p < FRAMES; p++) {
  cells.forEach((c, k) => {
    c.x += (random() - 0.5) * 6;
    c.y += (random() - 0.5) * 6;
    if (random() < 0.05) return;
    for (let y = Math.max(0, Math.floor(c.y - 10)); y <= Math.min(SIZE - 1, Math.ceil(c.y + 10)); y++) {
      for (let x = Math.max(0, Math.floor(c.x - 10)); x <= Math.min(SIZE - 1, Math.ceil(c.x + 10)); x++) {
        if ((x - c.x) ** 2 + (y - c.y) ** 2 <= 100) data[(p * SIZE + y) * SIZE + x] = k + 1;
      }
    }
  });
}
const movie = createLabels({ width: SIZE, height: SIZE, planes: FRAMES }, data);

describe('track-objects, 1024² × 20 frames, 841 cells, 5% missed per frame', () => {
  bench('overlap', () => void trackObjects(movie, { method: 'overlap', maxDistance: 50, minOverlap: 1 }), { iterations: 5 });
  bench('overlap + gap closing (max gap 2, 20 px)', () => void trackObjects(movie, { method: 'overlap', maxDistance: 50, minOverlap: 1, maxGap: 2, gapDistance: 20 }), { iterations: 5 });
  bench('distance (20 px)', () => void trackObjects(movie, { method: 'distance', maxDistance: 20, minOverlap: 1 }), { iterations: 5 });
});
