import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createLabels, type Labels } from '../core/image';
import { readNpy } from '../testing/npy';
import { referencePath } from '../testing/paths';
import { trackObjects, type TrackingOptions, type TrackRows } from './tracking';

/** An object of one frame: its input label and a filled shape. */
type Shape = { label: number } & ({ rect: [number, number, number, number] } | { disk: [number, number, number] });

/** A label stack drawn from shapes: rect [x0, y0, x1, y1) (end exclusive), disk [cx, cy, r] (d² <= r²). */
function stack(width: number, height: number, frames: Shape[][]): Labels {
  const data = new Uint32Array(width * height * frames.length);
  frames.forEach((shapes, p) => {
    for (const s of shapes) {
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const inside = 'rect' in s
            ? x >= s.rect[0] && x < s.rect[2] && y >= s.rect[1] && y < s.rect[3]
            : (x - s.disk[0]) ** 2 + (y - s.disk[1]) ** 2 <= s.disk[2] ** 2;
          if (inside) data[(p * height + y) * width + x] = s.label;
        }
      }
    }
  });
  return createLabels({ width, height, planes: frames.length }, data);
}

const OVERLAP: TrackingOptions = { method: 'overlap', maxDistance: 50, minOverlap: 1 };
const distance = (maxDistance: number): TrackingOptions => ({ method: 'distance', maxDistance, minOverlap: 1 });
const col = (rows: TrackRows, key: keyof TrackRows) => Array.from(rows[key]);
/** label at (x, y) of plane p. */
const at = (l: Labels, p: number, x: number, y: number) => l.data[(p * l.height + y) * l.width + x];

describe('trackObjects', () => {
  it('follows one disk moving by known steps, with CellProfiler\'s trajectory measurements', () => {
    // centre (10,10) → (13,10) → (16,14): steps 3 and 5; a digital disk's centroid is its centre
    const l = stack(30, 30, [[{ label: 4, disk: [10, 10, 5] }], [{ label: 9, disk: [13, 10, 5] }], [{ label: 2, disk: [16, 14, 5] }]]);
    for (const options of [OVERLAP, distance(10)]) {
      const { labels, rows } = trackObjects(l, options);
      expect(labels.count).toBe(1);
      expect([at(labels, 0, 10, 10), at(labels, 1, 13, 10), at(labels, 2, 16, 14), at(labels, 2, 0, 0)]).toEqual([1, 1, 1, 0]);
      expect(col(rows, 'label')).toEqual([1, 1, 1]);
      expect(col(rows, 'inputLabel')).toEqual([4, 9, 2]);
      expect(col(rows, 'parentLabel')).toEqual([0, 1, 1]);
      expect(col(rows, 'centroidX')).toEqual([10, 13, 16]);
      expect(col(rows, 'centroidY')).toEqual([10, 10, 14]);
      expect(col(rows, 'trajectoryX')).toEqual([0, 3, 3]);
      expect(col(rows, 'trajectoryY')).toEqual([0, 0, 4]);
      expect(col(rows, 'distanceTraveled')).toEqual([0, 3, 5]);
      expect(col(rows, 'integratedDistance')).toEqual([0, 3, 8]);
      expect(col(rows, 'displacement')).toEqual([0, 3, Math.sqrt(36 + 16)]);
      expect(col(rows, 'linearity')).toEqual([NaN, 1, Math.sqrt(52) / 8]);
      expect(col(rows, 'lifetime')).toEqual([1, 2, 3]);
      expect(col(rows, 'finalAge')).toEqual([NaN, NaN, 3]);
      expect(col(rows, 'isNew')).toEqual([1, 0, 0]);
      expect(col(rows, 'lost')).toEqual([0, 0, 0]);
    }
  });

  it('keeps two crossing objects apart (distance), each linked to its own successor', () => {
    // A moves right along y = 10, B left along y = 18; they pass each other at x = 20
    const frames: Shape[][] = [
      [{ label: 1, disk: [10, 10, 3] }, { label: 2, disk: [30, 18, 3] }],
      [{ label: 3, disk: [20, 10, 3] }, { label: 4, disk: [20, 18, 3] }],
      [{ label: 6, disk: [10, 18, 3] }, { label: 5, disk: [30, 10, 3] }],
    ];
    const { labels, rows } = trackObjects(stack(40, 30, frames), distance(15));
    expect([at(labels, 0, 10, 10), at(labels, 1, 20, 10), at(labels, 2, 30, 10)]).toEqual([1, 1, 1]);
    expect([at(labels, 0, 30, 18), at(labels, 1, 20, 18), at(labels, 2, 10, 18)]).toEqual([2, 2, 2]);
    expect(col(rows, 'trajectoryX')).toEqual([0, 0, 10, -10, 10, -10]);
    expect(col(rows, 'displacement')).toEqual([0, 0, 10, 10, 20, 20]);
  });

  it('links a whole drifting field optimally where nearest-first would not (distance)', () => {
    // X at x 10, Y at x 20 both drift +6: d(X,A) 6, d(Y,A) 4, d(Y,B) 6, d(X,B) 16 > 10. Nearest-first links Y–A
    // and loses X and B (cost 4 + 10 + 10 = 24); the optimum links X–A and Y–B (cost 12).
    const l = stack(40, 10, [
      [{ label: 1, disk: [10, 5, 1] }, { label: 2, disk: [20, 5, 1] }],
      [{ label: 3, disk: [16, 5, 1] }, { label: 4, disk: [26, 5, 1] }],
    ]);
    const { rows } = trackObjects(l, distance(10));
    expect(col(rows, 'label')).toEqual([1, 2, 1, 2]);
    expect(col(rows, 'inputLabel')).toEqual([1, 2, 3, 4]);
    expect(col(rows, 'distanceTraveled')).toEqual([0, 0, 6, 6]);
    expect(col(rows, 'isNew')).toEqual([1, 1, 0, 0]);
  });

  it('leaves objects farther apart than the maximum distance unlinked', () => {
    const l = stack(40, 10, [[{ label: 1, disk: [10, 5, 1] }], [{ label: 1, disk: [21, 5, 1] }]]);
    expect(col(trackObjects(l, distance(11)).rows, 'label')).toEqual([1, 1]);
    const { rows } = trackObjects(l, distance(10.9));
    expect(col(rows, 'label')).toEqual([1, 2]);
    expect(col(rows, 'parentLabel')).toEqual([0, 0]);
    expect(col(rows, 'lost')).toEqual([1, 0]);
    expect(col(rows, 'finalAge')).toEqual([1, 1]);
  });

  it('maximises the total overlap: a pair with the most shared pixels can lose to two smaller ones', () => {
    // one row of pixels: old X [10,29) and Y [2,10); new A [0,20) and B [20,29).
    // shared: X–A 10, X–B 9, Y–A 8. Most-overlap-first links X–A (10) only; the optimum X–B + Y–A = 17.
    const l = stack(30, 1, [
      [{ label: 1, rect: [2, 0, 10, 1] }, { label: 2, rect: [10, 0, 29, 1] }],
      [{ label: 3, rect: [0, 0, 20, 1] }, { label: 4, rect: [20, 0, 29, 1] }],
    ]);
    const { labels, rows } = trackObjects(l, OVERLAP);
    // Y (input 1) is track 1 and X (input 2) track 2; A continues Y, B continues X
    expect([at(labels, 1, 0, 0), at(labels, 1, 25, 0)]).toEqual([1, 2]);
    expect(col(rows, 'inputLabel')).toEqual([1, 2, 3, 4]);
    expect(col(rows, 'isNew')).toEqual([1, 1, 0, 0]);
  });

  it('a split: the daughter with more overlap keeps the label, the other is new with the mother as parent', () => {
    // mother [0,10)×[0,4) (40 px, centroid 4.5, 1.5); daughters [0,4) (16 px shared) and [5,10) (20 px shared)
    const l = stack(12, 4, [
      [{ label: 7, rect: [0, 0, 10, 4] }],
      [{ label: 1, rect: [0, 0, 4, 4] }, { label: 2, rect: [5, 0, 10, 4] }],
    ]);
    const { labels, rows } = trackObjects(l, OVERLAP);
    expect([at(labels, 1, 0, 0), at(labels, 1, 9, 0)]).toEqual([2, 1]);
    expect(col(rows, 'label')).toEqual([1, 1, 2]);
    expect(col(rows, 'inputLabel')).toEqual([7, 2, 1]);
    expect(col(rows, 'parentLabel')).toEqual([0, 1, 1]);
    expect(col(rows, 'isNew')).toEqual([1, 0, 1]);
    expect(col(rows, 'lifetime')).toEqual([1, 2, 1]);
    expect(col(rows, 'centroidX')).toEqual([4.5, 7, 1.5]);
    expect(col(rows, 'trajectoryX')).toEqual([0, 2.5, 0]);
  });

  it('a merge: the merged object continues the track it overlaps most, the other ends (lost)', () => {
    const l = stack(12, 4, [
      [{ label: 1, rect: [0, 0, 4, 4] }, { label: 2, rect: [5, 0, 10, 4] }],
      [{ label: 3, rect: [0, 0, 10, 4] }],
    ]);
    const { rows } = trackObjects(l, OVERLAP);
    expect(col(rows, 'label')).toEqual([1, 2, 2]);
    expect(col(rows, 'lost')).toEqual([1, 0, 0]);
    expect(col(rows, 'finalAge')).toEqual([1, NaN, 2]);
    expect(col(rows, 'parentLabel')).toEqual([0, 0, 2]);
  });

  it('equal overlaps: the nearer centroid wins, then the lower label', () => {
    // mother [0,12)×[0,2); daughters [0,3) and [9,12) share 6 px each, but daughter [9,12)×[0,4) is
    // taller, so its centroid (10, 1.5) is farther from the mother's (5.5, 0.5) than (1, 0.5) is
    const l = stack(12, 4, [
      [{ label: 1, rect: [0, 0, 12, 2] }],
      [{ label: 1, rect: [9, 0, 12, 4] }, { label: 2, rect: [0, 0, 3, 2] }],
    ]);
    expect(col(trackObjects(l, OVERLAP).rows, 'inputLabel')).toEqual([1, 2, 1]);
    // symmetric daughters: the lower input label keeps the track
    const sym = stack(12, 2, [[{ label: 1, rect: [0, 0, 12, 2] }], [{ label: 5, rect: [9, 0, 12, 2] }, { label: 6, rect: [0, 0, 3, 2] }]]);
    expect(col(trackObjects(sym, OVERLAP).rows, 'inputLabel')).toEqual([1, 5, 6]);
  });

  it('an object appearing and one disappearing; labels by first appearance', () => {
    const l = stack(30, 10, [
      [{ label: 1, rect: [0, 0, 4, 4] }, { label: 2, rect: [10, 0, 14, 4] }],
      [{ label: 1, rect: [20, 5, 24, 9] }, { label: 2, rect: [11, 0, 15, 4] }],
      [{ label: 1, rect: [12, 0, 16, 4] }, { label: 2, rect: [21, 5, 25, 9] }],
    ]);
    const { labels, rows } = trackObjects(l, OVERLAP);
    expect(labels.count).toBe(3);
    expect(col(rows, 'label')).toEqual([1, 2, 2, 3, 2, 3]);
    expect(col(rows, 'plane')).toEqual([0, 0, 1, 1, 2, 2]);
    expect(col(rows, 'isNew')).toEqual([1, 1, 0, 1, 0, 0]);
    expect(col(rows, 'lost')).toEqual([1, 0, 0, 0, 0, 0]);
    expect(col(rows, 'lifetime')).toEqual([1, 1, 2, 1, 3, 2]);
    expect(col(rows, 'finalAge')).toEqual([1, NaN, NaN, NaN, 3, 2]);
  });

  it('requires the minimum overlap', () => {
    const l = stack(12, 1, [[{ label: 1, rect: [0, 0, 6, 1] }], [{ label: 1, rect: [3, 0, 9, 1] }]]);
    expect(col(trackObjects(l, { ...OVERLAP, minOverlap: 3 }).rows, 'label')).toEqual([1, 1]);
    expect(col(trackObjects(l, { ...OVERLAP, minOverlap: 4 }).rows, 'label')).toEqual([1, 2]);
  });

  it('an empty plane ends every track; objects after it are new (no gap closing)', () => {
    const l = stack(10, 10, [[{ label: 1, rect: [0, 0, 4, 4] }], [], [{ label: 2, rect: [0, 0, 4, 4] }]]);
    const { rows } = trackObjects(l, OVERLAP);
    expect(col(rows, 'label')).toEqual([1, 2]);
    expect(col(rows, 'plane')).toEqual([0, 2]);
    expect(col(rows, 'lost')).toEqual([1, 0]);
  });
});

describe('trackObjects, gap closing', () => {
  // A disk moving +3 in x per plane, missing from planes 2 and 3; a second disk far away throughout
  const frames = (missing: number[]): Shape[][] =>
    [0, 1, 2, 3, 4, 5].map((p) => [
      ...(missing.includes(p) ? [] : [{ label: 7, disk: [6 + 3 * p, 6, 3] as [number, number, number] }]),
      { label: 9, disk: [40, 20, 3] as [number, number, number] },
    ]);

  it('a cell missing from one plane keeps its track; steps, lifetime and age count across the gap', () => {
    const l = stack(50, 30, frames([2]));
    const without = trackObjects(l, OVERLAP);
    expect(without.labels.count).toBe(3);
    for (const options of [{ ...OVERLAP, maxGap: 1, gapDistance: 10 }, { ...distance(5), maxGap: 1, gapDistance: 10 }]) {
      const { labels, rows } = trackObjects(l, options);
      expect(labels.count).toBe(2);
      const mine = col(rows, 'label').map((t, r) => (t === 1 ? r : -1)).filter((r) => r >= 0);
      expect(mine.map((r) => rows.plane[r])).toEqual([0, 1, 3, 4, 5]);
      expect(mine.map((r) => rows.trajectoryX[r])).toEqual([0, 3, 6, 3, 3]); // across the gap: from plane 1's centroid
      expect(mine.map((r) => rows.integratedDistance[r])).toEqual([0, 3, 9, 12, 15]);
      expect(mine.map((r) => rows.lifetime[r])).toEqual([1, 2, 4, 5, 6]);
      expect(mine.map((r) => rows.isNew[r])).toEqual([1, 0, 0, 0, 0]);
      expect(mine.map((r) => rows.parentLabel[r])).toEqual([0, 1, 1, 1, 1]);
      expect(mine.map((r) => rows.lost[r])).toEqual([0, 0, 0, 0, 0]);
      expect(mine.map((r) => rows.finalAge[r])).toEqual([NaN, NaN, NaN, NaN, 6]);
      expect(at(labels, 3, 15, 6)).toBe(1);
    }
  });

  it('bridges as many missing planes as Max gap, not more, and only within Gap distance', () => {
    const l = stack(50, 30, frames([2, 3])); // plane 1 at x 9, back at plane 4 at x 18
    const tracks = (options: TrackingOptions) => trackObjects(l, options).labels.count;
    expect(tracks({ ...OVERLAP, maxGap: 1, gapDistance: 20 })).toBe(3);
    expect(tracks({ ...OVERLAP, maxGap: 2, gapDistance: 20 })).toBe(2);
    expect(tracks({ ...OVERLAP, maxGap: 2, gapDistance: 9 })).toBe(2);
    expect(tracks({ ...OVERLAP, maxGap: 2, gapDistance: 8.9 })).toBe(3);
  });

  it('joins one to one and optimally: two cells missing from the same plane each find their own', () => {
    // A (8, 6) and B (12, 14) both vanish in plane 1 and are back in plane 2 at (12, 9) and (16, 18). Both ends
    // are 5 px from (12, 9): taking the nearest first may give it to B and leave A and (16, 18) unjoined; the
    // optimum joins A to it and B to (16, 18), 5.66 px away.
    const l = stack(40, 24, [
      [{ label: 1, disk: [8, 6, 2] }, { label: 2, disk: [12, 14, 2] }],
      [],
      [{ label: 3, disk: [12, 9, 2] }, { label: 4, disk: [16, 18, 2] }],
    ]);
    const { rows } = trackObjects(l, { ...distance(3), maxGap: 1, gapDistance: 6 });
    expect(col(rows, 'label')).toEqual([1, 2, 1, 2]);
    expect(col(rows, 'inputLabel')).toEqual([1, 2, 3, 4]);
  });
});

interface RefCase {
  labels: string;
  methods: Record<string, { params: { min_overlap?: number; max_distance?: number }; table: Record<string, (number | null)[]> }>;
}

const COLUMNS: [keyof TrackRows, string][] = [
  ['label', 'label'], ['plane', 'plane'], ['inputLabel', 'input_label'], ['parentLabel', 'parent_label'],
  ['centroidX', 'centroid_x'], ['centroidY', 'centroid_y'], ['trajectoryX', 'trajectory_x'], ['trajectoryY', 'trajectory_y'],
  ['distanceTraveled', 'distance_traveled'], ['displacement', 'displacement'], ['integratedDistance', 'integrated_distance'],
  ['linearity', 'linearity'], ['lifetime', 'lifetime'], ['finalAge', 'final_age'], ['isNew', 'new'], ['lost', 'lost'],
];

describe('trackObjects against scripts/reference/track_objects.py (scipy linear_sum_assignment)', () => {
  const ref = JSON.parse(readFileSync(referencePath('tracking', 'tracking.json'), 'utf8')) as Record<string, RefCase>;
  const npy = readNpy(referencePath('tracking', ref.crowded.labels));
  const [planes, height, width] = npy.shape;
  const crowded = createLabels({ width, height, planes }, Uint32Array.from(npy.data as Uint8Array));

  it.each(['overlap', 'distance'])('a crowded synthetic sequence, %s: same table, same labels', (method) => {
    const { params, table } = ref.crowded.methods[method];
    const { labels, rows } = trackObjects(crowded, { method: method as 'overlap' | 'distance', maxDistance: params.max_distance ?? 50, minOverlap: params.min_overlap ?? 1 });
    for (const [key, name] of COLUMNS) expect(col(rows, key), name).toEqual(table[name].map((v) => (v === null ? NaN : v)));
    // the tracked labels are the input mapped through (plane, input_label) → label
    const expected = new Uint32Array(crowded.data.length);
    const n = width * height;
    table.label.forEach((label, r) => {
      const p = table.plane[r]!;
      for (let i = p * n; i < (p + 1) * n; i++) if (crowded.data[i] === table.input_label[r]) expected[i] = label!;
    });
    expect(labels.data).toEqual(expected);
  });

  const gaps = (ref.crowded as RefCase & { gaps: Record<string, { method: 'overlap' | 'distance'; params: { min_overlap?: number; max_distance?: number; max_gap: number; gap_distance: number }; table: Record<string, (number | null)[]> }> }).gaps;
  it.each(Object.keys(gaps))('the crowded sequence with gap closing, %s: same table', (name) => {
    const { method, params, table } = gaps[name];
    const options = { method, maxDistance: params.max_distance ?? 50, minOverlap: params.min_overlap ?? 1, maxGap: params.max_gap, gapDistance: params.gap_distance };
    const { labels, rows } = trackObjects(crowded, options);
    for (const [key, name] of COLUMNS) expect(col(rows, key), name).toEqual(table[name].map((v) => (v === null ? NaN : v)));
    // fewer tracks than without gap closing: objects that vanished for a plane were taken back
    expect(labels.count).toBeLessThan(trackObjects(crowded, { ...options, maxGap: 0 }).labels.count);
  });
});
