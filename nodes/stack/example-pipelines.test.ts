// pipelines/z-projection.json and pipelines/focus-stack.json run as a user runs them: the built
// bin/cellgraph.mjs in a child process (npm test builds it first) on the real z-stack; the files it
// writes are decoded and compared with the numpy references of test-data/reference/{stack,focus}.
// Kept out of pipelines/: src/cli/cli.test.ts validates every file in that folder as a pipeline.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '../../src/io/decode';
import { SPOTS_FILE, maxAbsDifference, readReferenceJson, referenceImage } from '../../src/imaging/stack-reference';
import { imagePath, REPO_ROOT } from '../../src/testing/paths';
import { cellgraph } from '../../src/testing/cli';
import { readCsvRecords } from '../../src/testing/csv';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-stack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const decode = (path: string) => decodeImageFile(new Uint8Array(readFileSync(path)), SPOTS_FILE, { maxPixels: 2 ** 28 });

describe.each(['z-projection', 'focus-stack', 'track-cells'])('cellgraph validate pipelines/%s.json', (name) => {
  it('is a valid pipeline', () => {
    const r = cellgraph(['validate', join(REPO_ROOT, 'pipelines', `${name}.json`)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('cellgraph run pipelines/z-projection.json on the real z-stack', () => {
  const out = join(tmp, 'projection');
  let result: ReturnType<typeof cellgraph>;
  beforeAll(() => {
    result = cellgraph(['run', join(REPO_ROOT, 'pipelines', 'z-projection.json'), imagePath(SPOTS_FILE), '--out', out]);
  });

  it('succeeds', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });

  it('saves the maximum projection, equal to np.max(axis=0), as a 16-bit TIFF with the pixel size', () => {
    const saved = decode(join(out, 'projection', SPOTS_FILE));
    const expected = referenceImage('stack', 'spots_project_max.npy');
    expect([saved.width, saved.height, saved.planes, saved.channels, saved.dtype]).toEqual([89, 88, 1, 1, 'uint16']);
    expect(maxAbsDifference(saved.data, expected.data)).toBe(0);
    expect(saved.meta.pixelSize?.x).toBeCloseTo(0.0941, 4);
  });

  it('writes the projection statistics table', () => {
    const [row] = readCsvRecords(join(out, 'projection_stats.csv'));
    const expected = Array.from(referenceImage('stack', 'spots_project_max.npy').data);
    const max = expected.reduce((a, b) => Math.max(a, b), 0);
    const min = expected.reduce((a, b) => Math.min(a, b), Infinity);
    expect(row).toMatchObject({ image: SPOTS_FILE, width: '89', height: '88', planes: '1', dtype: 'uint16' });
    expect([Number(row.min), Number(row.max)]).toEqual([min, max]);
  });
});

describe('cellgraph run pipelines/focus-stack.json on the real z-stack', () => {
  const out = join(tmp, 'focus');
  let result: ReturnType<typeof cellgraph>;
  beforeAll(() => {
    result = cellgraph(['run', join(REPO_ROOT, 'pipelines', 'focus-stack.json'), imagePath(SPOTS_FILE), '--out', out]);
  });

  it('succeeds', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });

  it('saves the composite and the 0-based index map equal to the numpy reference', () => {
    const composite = decode(join(out, 'composite', SPOTS_FILE));
    const index = decode(join(out, 'focus-index', SPOTS_FILE));
    expect([composite.width, composite.height, composite.planes, composite.dtype]).toEqual([89, 88, 1, 'float32']);
    expect(maxAbsDifference(composite.data, referenceImage('focus', 'spots_s2.0_m4.0_composite.npy').data)).toBe(0);
    expect(maxAbsDifference(index.data, referenceImage('focus', 'spots_s2.0_m4.0_depth.npy').data)).toBe(0);
  });

  it('writes the focus score of every plane, as numpy computes it', () => {
    const rows = readCsvRecords(join(out, 'focus_scores.csv'));
    const ref = readReferenceJson<{ scores: { source: string; sigma: number; scores: number[]; best: number }[] }>('focus', 'manifest.json')
      .scores.find((s) => s.source === 'spots' && s.sigma === 2)!;
    expect(rows.map((r) => Number(r.plane))).toEqual([...Array(17).keys()]);
    rows.forEach((r, p) => expect(Math.abs(Number(r.focus_score) - ref.scores[p]) / ref.scores[p]).toBeLessThan(1e-12));
    expect(Number(rows[ref.best].focus_score_relative)).toBe(1);
  });
});

describe('the 2-D nuclei examples on the real z-stack, plane by plane, through the CLI', () => {
  it.each(['nuclei-count', 'nuclei-declump'])('%s succeeds and writes every plane', (name) => {
    const out = join(tmp, name);
    const result = cellgraph(['run', join(REPO_ROOT, 'pipelines', `${name}.json`), imagePath(SPOTS_FILE), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(new Set(readCsvRecords(join(out, 'nuclei.csv')).map((r) => r.plane)).size).toBeGreaterThan(1);
    if (name === 'nuclei-declump') {
      // the outlines picture keeps all 17 planes (a PNG could hold one)
      const outlines = decode(join(out, 'outlines', SPOTS_FILE));
      expect([outlines.planes, outlines.channels, outlines.dtype]).toEqual([17, 3, 'uint8']);
    }
  });
});

describe('cellgraph run pipelines/track-cells.json on the membrane time-lapse', () => {
  it('one row per cell and frame, 15 tracks (gap closing keeps the cell missed in frame 1), 13 through all 5 frames, each row joined to its measurements', () => {
    const out = join(tmp, 'tracks');
    const r = cellgraph(['run', join(REPO_ROOT, 'pipelines', 'track-cells.json'), imagePath('membrane_2d_timelapse_crop.tif'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readCsvRecords(join(out, 'tracks.csv'));
    expect(rows.length).toBe(72);
    const frames = new Map<string, number>();
    for (const row of rows) frames.set(row.label, (frames.get(row.label) ?? 0) + 1);
    expect(frames.size).toBe(15);
    expect([...frames.values()].filter((n) => n === 5).length).toBe(13);
    // the cell missed in frame 1 (plane 1) is track 2 in planes 0, 2 and 3, not new when it comes back
    const two = rows.filter((row) => row.label === '2');
    expect(two.map((row) => row.plane)).toEqual(['0', '2', '3']);
    expect(two.map((row) => row.new)).toEqual(['1', '0', '0']);
    // the joined measurements belong to the same cell and frame: its own centroid, measured twice
    for (const row of rows) expect(Number(row.centroid_x_b)).toBeCloseTo(Number(row.centroid_x), 9);
    expect(rows.every((row) => Number(row.area) >= 100)).toBe(true);
  });
});
