import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { labelsFromRows, type Image, type Labels, type Mask, type Table } from '../../src/core/image';
import { numberColumn } from '../../src/core/table';
import { decodeImageFile } from '../../src/io/decode';
import { readNpy } from '../../src/testing/npy';
import { imagePath, referencePath } from '../../src/testing/paths';
import { runNode } from '../../src/testing/run-node';
import { filterObjects } from '../segment/filter-objects';
import { labelObjects } from '../segment/label';
import { threshold } from '../threshold/threshold';
import { trackObjects } from './track-objects';

const MOVIE = 'membrane_2d_timelapse_crop.tif';

type RefTable = Record<string, (number | null)[]>;

interface Reference {
  membrane: {
    threshold_li: number;
    labels: string;
    methods: Record<string, { params: Record<string, number>; table: RefTable }>;
    gap: { removed: { plane: number; input_label: number }; method: string; params: Record<string, number>; table: RefTable };
  };
}

const ref = (JSON.parse(readFileSync(referencePath('tracking', 'tracking.json'), 'utf8')) as Reference).membrane;

/** The time-lapse segmented by nodes as scripts/reference/track_objects.py does with skimage. */
function segmentMovie(): { movie: Image; threshold: number; labels: Labels } {
  const movie = decodeImageFile(new Uint8Array(readFileSync(imagePath(MOVIE))), MOVIE, { maxPixels: 2 ** 28 });
  const t = runNode(threshold, { image: movie }, { method: 'li', objects: 'dark' }) as { mask: Mask; threshold: number };
  const { labels: all } = runNode(labelObjects, { mask: t.mask }, { connectivity: 4 }) as { labels: Labels };
  const { labels } = runNode(filterObjects, { labels: all }, { min_area: 100, max_area: 5000, remove_border: true }) as { labels: Labels };
  return { movie, threshold: t.threshold, labels };
}

describe('track-objects node', () => {
  const seg = segmentMovie();

  it('segments the real time-lapse as the reference does (Li, dark, 4-connected, 100–5000 px, off the edge)', () => {
    expect(seg.movie.planes).toBe(5);
    expect(seg.threshold).toBe(ref.threshold_li);
    expect(Array.from(seg.labels.data)).toEqual(Array.from(readNpy(referencePath('tracking', ref.labels)).data as Uint8Array));
  });

  it.each(['overlap', 'distance'])('tracks the real time-lapse (%s) exactly as the reference', (method) => {
    const { params, table: expected } = ref.methods[method];
    const { labels, table } = runNode(trackObjects, { labels: seg.labels }, { method, ...params }) as { labels: Labels; table: Table };
    expect(table.columns.map((c) => c.name)).toEqual(Object.keys(expected));
    for (const name of Object.keys(expected)) {
      expect(Array.from(numberColumn(table, name)), name).toEqual(expected[name].map((v) => (v === null ? NaN : v)));
    }
    const n = labels.width * labels.height;
    const mapped = new Uint32Array(labels.data.length);
    expected.label.forEach((label, r) => {
      const p = expected.plane[r]!;
      for (let i = p * n; i < (p + 1) * n; i++) if (seg.labels.data[i] === expected.input_label[r]) mapped[i] = label!;
    });
    expect(labels.data).toEqual(mapped);
    expect(labels.count).toBe(Math.max(...(expected.label as number[])));
  });

  it('gives the tracked cells one label in every frame (13 of 16 tracks span all 5 frames)', () => {
    const { table } = runNode(trackObjects, { labels: seg.labels }) as { table: Table };
    const label = numberColumn(table, 'label');
    const lengths = new Map<number, number>();
    label.forEach((l) => lengths.set(l, (lengths.get(l) ?? 0) + 1));
    expect(lengths.size).toBe(16);
    expect([...lengths.values()].filter((k) => k === 5).length).toBe(13);
  });

  it('gap closing: a cell taken out of frame 2 keeps its track, and a real dropout (a cell missed in frame 1) is rejoined', () => {
    const { removed, params, table: expected } = ref.gap;
    const n = seg.labels.width * seg.labels.height;
    const holed = { ...seg.labels, data: seg.labels.data.slice() };
    for (let i = removed.plane * n; i < (removed.plane + 1) * n; i++) if (holed.data[i] === removed.input_label) holed.data[i] = 0;
    const { labels, table } = runNode(trackObjects, { labels: holed }, { method: 'overlap', ...params }) as { labels: Labels; table: Table };
    for (const name of Object.keys(expected)) {
      expect(Array.from(numberColumn(table, name)), name).toEqual(expected[name].map((v) => (v === null ? NaN : v)));
    }
    // against the tracking of the whole movie without gap closing: every pixel keeps its label, except the
    // removed cell's (now background) and those of track 16, the cell the segmentation lost in frame 1
    // (track 2 in frame 0, back in frame 2 at the same place), now track 2 again
    const whole = runNode(trackObjects, { labels: seg.labels }) as { labels: Labels; table: Table };
    const rows = whole.table;
    const at = (name: string, r: number) => numberColumn(rows, name)[r];
    const removedRow = Array.from(numberColumn(rows, 'plane')).findIndex((p, r) => p === removed.plane && at('input_label', r) === removed.input_label);
    expect(at('label', removedRow)).toBeGreaterThan(0);
    let changed = 0;
    for (let i = 0; i < labels.data.length; i++) {
      const before = whole.labels.data[i];
      const want = seg.labels.data[i] === removed.input_label && Math.floor(i / n) === removed.plane ? 0 : before === 16 ? 2 : before;
      if (labels.data[i] !== want) changed++;
    }
    expect(changed).toBe(0);
    expect(labels.count).toBe(15);
    expect(whole.labels.count).toBe(16);
  });

  it('refuses 2-D labels with one line', () => {
    const run = () => runNode(trackObjects, { labels: labelsFromRows([[1, 0], [0, 2]]) });
    expect(run).toThrow(UserError);
    expect(run).toThrow(/needs a stack of labels.*\(1 plane\)/);
  });

  it('defaults to overlap (min 1 px) and checks its params', () => {
    expect(trackObjects.params.parse({})).toEqual({ method: 'overlap', max_distance: 50, min_overlap: 1, max_gap: 0, gap_distance: 20 });
    expect(() => trackObjects.params.parse({ max_gap: -1 })).toThrow();
    expect(() => trackObjects.params.parse({ max_gap: 1.5 })).toThrow();
    expect(() => trackObjects.params.parse({ method: 'lap' })).toThrow();
    expect(() => trackObjects.params.parse({ min_overlap: 0 })).toThrow();
    expect(() => trackObjects.params.parse({ max_distance: 0 })).toThrow();
  });

  it('states its rules and CellProfiler equivalents', () => {
    for (const text of [/one to one and optimal/, /Hungarian/, /Max distance/, /split/i, /merge/i, /Gap closing/, /no gap closing/i, /z-slices/, /FinalAge/, /IntegratedDistance/]) {
      expect(trackObjects.description).toMatch(text);
    }
  });
});
