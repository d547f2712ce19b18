// pipelines/illumination-correction.json run as a user runs it (the built CLI, a folder of images):
// on synthetic fields whose flat field is known (spots on a flat background times a smooth vignetting:
// after correction the background must be flat and image/truth constant across the field), and on a
// real batch (the four quarters of a DSB2018 image) against the same steps in scikit-image
// (scripts/reference/illumination.py).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImage } from '../../src/core/image';
import { decodeImageFile } from '../../src/io/decode';
import { encodeTiff } from '../../src/io/tiff-encode';
import { REPO_ROOT, referencePath } from '../../src/testing/paths';
import { writeDsbQuarters } from '../../src/testing/quarters';
import { readCsvRecords } from '../../src/testing/csv';

const W = 256;
const H = 192;
const FIELDS = 24;
const BACKGROUND = 100;

/** A smooth vignetting: 1 at the centre, falling to about 0.5 in the corners. */
const flatField = (x: number, y: number) => 0.5 + 0.5 * Math.exp(-((x - W / 2) ** 2 + (y - H / 2) ** 2) / (2 * 120 ** 2));

/** Deterministic spots: a small linear congruential generator, so the test is the same every run. */
function truthField(seed: number): Float64Array {
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const truth = new Float64Array(W * H).fill(BACKGROUND);
  for (let k = 0; k < 10; k++) {
    const cx = random() * W;
    const cy = random() * H;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= 16) truth[y * W + x] = BACKGROUND + 200;
  }
  return truth;
}

const coefficientOfVariation = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
};

describe('cellgraph run pipelines/illumination-correction.json on fields with a known flat field', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-illum-'));
  const inputs = join(tmp, 'fields');
  const out = join(tmp, 'out');
  const truths: Float64Array[] = [];
  let run: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    mkdirSync(inputs);
    for (let i = 0; i < FIELDS; i++) {
      const truth = truthField(i + 1);
      truths.push(truth);
      const raw = Uint16Array.from(truth, (v, p) => Math.round(v * flatField(p % W, Math.floor(p / W))));
      writeFileSync(join(inputs, `field_${String(i).padStart(2, '0')}.tif`), encodeTiff(createImage({ width: W, height: H }, 'uint16', raw)));
    }
    run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'cellgraph.mjs'), 'run', join(REPO_ROOT, 'pipelines', 'illumination-correction.json'), inputs, '--out', out, '--jobs', '1'], { encoding: 'utf8', timeout: 120_000 });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('succeeds on every field', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, 'images.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(FIELDS + 1);
  });

  it('flattens the background and makes image / truth constant across the field', () => {
    for (const [i, truth] of truths.entries()) {
      const name = `field_${String(i).padStart(2, '0')}.tif`;
      const raw = decodeImageFile(new Uint8Array(readFileSync(join(inputs, name))), name, { maxPixels: 2 ** 24 });
      const corrected = decodeImageFile(new Uint8Array(readFileSync(join(out, 'corrected', name))), name, { maxPixels: 2 ** 24 });
      expect(corrected.dtype).toBe('float32');
      const background = (img: typeof raw) => Array.from(img.data).filter((_, p) => truth[p] === BACKGROUND);
      const rawCv = coefficientOfVariation(background(raw));
      const correctedCv = coefficientOfVariation(background(corrected));
      expect(rawCv).toBeGreaterThan(0.05); // the vignetting is there to remove
      expect(correctedCv).toBeLessThan(rawCv / 3);
      const ratio = Array.from(corrected.data, (v, p) => v / truth[p]);
      expect(coefficientOfVariation(ratio)).toBeLessThan(0.03); // raw: 0.08 (the vignetting itself)
    }
  });
});

describe('cellgraph run pipelines/illumination-correction.json on a real batch: the four quarters of a DSB2018 image', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-illum-real-'));
  const inputs = join(tmp, 'quarters');
  const out = join(tmp, 'out');
  const reference = JSON.parse(readFileSync(referencePath('illumination', 'quarters.json'), 'utf8')) as Record<string, { threshold: number; count: number; areas: number[] }>;
  let run: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    mkdirSync(inputs);
    writeDsbQuarters(inputs);
    run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'cellgraph.mjs'), 'run', join(REPO_ROOT, 'pipelines', 'illumination-correction.json'), inputs, '--out', out], { encoding: 'utf8', timeout: 120_000 });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives the thresholds, counts and object areas of scikit-image on every quarter', () => {
    expect(run.status).toBe(0);
    const rows = readCsvRecords(join(out, 'images.csv'));
    const nuclei = readFileSync(join(out, 'nuclei.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
    for (const row of rows) {
      const ref = reference[row.image.replace('.tif', '')];
      expect(row.status).toBe('ok');
      expect(Math.abs(Number(row['threshold.threshold']) - ref.threshold)).toBeLessThanOrEqual(1e-4 * ref.threshold);
      expect(Number(row['filter.count'])).toBe(ref.count);
      expect(nuclei.filter((cells) => cells[0] === row.image).map((cells) => Number(cells[2]))).toEqual(ref.areas);
    }
    expect(rows.map((r) => r.image)).toEqual(['q0.tif', 'q1.tif', 'q2.tif', 'q3.tif']);
  });
});
