// The `cellgraph` command end to end, as a user runs it: the built bin/cellgraph.mjs in a child
// process (npm test builds dist/ first), on real images, compared with scikit-image's numbers.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGES, REFERENCE, REPO_ROOT } from '../testing/paths';
import { cellgraph } from '../testing/cli';
import { parseCsvLine } from '../io/csv';

const NUCLEI = join(REPO_ROOT, 'pipelines', 'nuclei-count.json');
const STATS = join(REPO_ROOT, 'pipelines', 'image-stats.json');
const SYNTHETIC = join(REPO_ROOT, 'test-data', 'synthetic', 'synthetic_nuclei.tif');
const REAL = [
  'dsb2018_256_uint8.tif',
  'dsb2018_512_uint16.tif',
  'blobs.tif',
  'xy_8bit__mitocheck_incenp_t1.tif',
  'xy_16bit_calibrated__nuclei_various_shapes.tif',
];

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


/** The CSV files cellgraph writes, as rows of named cells. */
function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n').map(parseCsvLine);
  return rows.map((cells) => Object.fromEntries(cells.map((v, i) => [header[i], v])));
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('cellgraph run pipelines/nuclei-count.json', () => {
  const out = join(tmp, 'nuclei');
  const inputs = [...REAL.map((n) => join(IMAGES, n)), SYNTHETIC];
  const before = inputs.map(sha);
  let result: ReturnType<typeof cellgraph>;
  beforeAll(() => {
    result = cellgraph(['run', NUCLEI, ...inputs, '--out', out, '--jobs', '2']);
  });

  it('succeeds on every image and leaves the inputs untouched', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/6 images: 6 ok, 0 failed/);
    expect(inputs.map(sha)).toEqual(before);
  });

  it('writes the same objects and measurements as scikit-image', () => {
    const rows = readCsv(join(out, 'nuclei.csv'));
    for (const name of [...REAL, 'synthetic_nuclei.tif']) {
      const expected = readCsv(join(REFERENCE, 'nuclei-count', name.replace(/\.tif$/, '.csv')));
      const got = rows.filter((r) => r.image === name);
      expect(got.length, name).toBe(expected.length);
      got.forEach((row, i) => {
        const exp = expected[i];
        for (const col of Object.keys(exp)) {
          const [a, b] = [Number(row[col]), Number(exp[col])];
          const where = `${name} object ${exp.label} ${col}`;
          if (['label', 'area', 'bbox_min_x', 'bbox_min_y', 'bbox_max_x', 'bbox_max_y'].includes(col)) {
            expect(a, where).toBe(b);
          } else if (col === 'solidity') {
            expect(Math.abs(a - b) / b, where).toBeLessThanOrEqual(0.03);
          } else {
            expect(Math.abs(a - b), where).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(b)));
          }
        }
      });
    }
  });

  it('adds physical-unit columns for calibrated images only', () => {
    const rows = readCsv(join(out, 'nuclei.csv'));
    const calibrated = rows.find((r) => r.image === 'xy_16bit_calibrated__nuclei_various_shapes.tif')!;
    expect(Number(calibrated.area_um2)).toBeCloseTo(Number(calibrated.area) * 0.2 * 0.2, 6);
    expect(Number(calibrated.perimeter_um)).toBeCloseTo(Number(calibrated.perimeter) * 0.2, 6);
    const uncalibrated = rows.find((r) => r.image === 'blobs.tif')!;
    expect(uncalibrated.area_um2).toBe('');
  });

  it('writes images.csv with counts, thresholds and timing, one row per input in input order', () => {
    const summary = JSON.parse(readFileSync(join(REFERENCE, 'nuclei-count', 'summary.json'), 'utf8'));
    const rows = readCsv(join(out, 'images.csv'));
    expect(rows.map((r) => r.image)).toEqual([...REAL, 'synthetic_nuclei.tif']);
    for (const row of rows) {
      expect(row.status).toBe('ok');
      expect(row.error).toBe('');
      expect(Number(row['filter.count'])).toBe(summary[row.image].count);
      expect(Number(row['threshold.threshold'])).toBeCloseTo(summary[row.image].threshold, 4);
      expect(Number(row.duration_ms)).toBeGreaterThanOrEqual(0);
    }
    expect(summary['synthetic_nuclei.tif'].true_count).toBe(40);
    expect(Number(rows[5]['filter.count'])).toBe(40);
  });

  it('resumes: a second run reuses finished images and writes identical tables', () => {
    const first = readFileSync(join(out, 'nuclei.csv'), 'utf8');
    const again = cellgraph(['run', NUCLEI, ...inputs, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/6 resumed/);
    expect(readFileSync(join(out, 'nuclei.csv'), 'utf8')).toBe(first);
    expect(readdirSync(out).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('--set changes a param for one run', () => {
    const li = join(tmp, 'li');
    const r = cellgraph(['run', NUCLEI, join(IMAGES, 'blobs.tif'), '--out', li, '--set', 'threshold.method=li', '--no-cache']);
    expect(r.code).toBe(0);
    const otsu = readCsv(join(out, 'images.csv')).find((x) => x.image === 'blobs.tif')!;
    const row = readCsv(join(li, 'images.csv'))[0];
    expect(Number(row['threshold.threshold'])).not.toBeCloseTo(Number(otsu['threshold.threshold']), 1);
    expect(existsSync(join(li, '.cellgraph'))).toBe(false);
  });
});

describe('cellgraph run: bad inputs', () => {
  const dir = join(tmp, 'bad-inputs');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(IMAGES, 'blobs.tif'), join(dir, 'a_good.tif'));
  writeFileSync(join(dir, 'b_empty.tif'), '');
  writeFileSync(join(dir, 'c_text.png'), 'this is not an image at all');
  writeFileSync(join(dir, 'd_truncated.tif'), readFileSync(join(IMAGES, 'blobs.tif')).subarray(0, 3000));
  copyFileSync(join(IMAGES, 'dsb2018_256_uint8.tif'), join(dir, 'e_good.tif'));

  it('fails the bad images alone, with one line each, and exits 1', () => {
    const out = join(tmp, 'bad-out');
    const r = cellgraph(['run', NUCLEI, dir, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/5 images: 2 ok, 3 failed/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
    const rows = readCsv(join(out, 'images.csv'));
    expect(rows.map((x) => [x.image, x.status])).toEqual([
      ['a_good.tif', 'ok'], ['b_empty.tif', 'error'], ['c_text.png', 'error'], ['d_truncated.tif', 'error'], ['e_good.tif', 'ok'],
    ]);
    for (const row of rows.filter((x) => x.status === 'error')) {
      expect(row.error).toMatch(/^node 'load': /);
      expect(row.error).not.toMatch(/internal error/);
    }
    const images = new Set(readCsv(join(out, 'nuclei.csv')).map((x) => x.image));
    expect([...images]).toEqual(['a_good.tif', 'e_good.tif']);
  });

  it('refuses an image larger than --max-pixels without processing it', () => {
    const r = cellgraph(['run', NUCLEI, join(IMAGES, 'blobs.tif'), '--out', join(tmp, 'max'), '--max-pixels', '1000']);
    expect(r.code).toBe(1);
    expect(readCsv(join(tmp, 'max', 'images.csv'))[0].error).toMatch(/^node 'load': .*(limit|max)/i);
  });
});

describe('cellgraph: usage and pipeline errors exit 2 with one line each', () => {
  it('reports every problem of an invalid pipeline, located', () => {
    const doc = JSON.parse(readFileSync(NUCLEI, 'utf8'));
    doc.nodes[1].params.sigma = -1;
    doc.nodes[2].params.method = 'magic';
    doc.edges.push({ from: { node: 'blur', port: 'image' }, to: { node: 'label', port: 'mask' } });
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify(doc, null, 2));
    for (const cmd of [['validate', bad], ['run', bad, join(IMAGES, 'blobs.tif'), '--out', join(tmp, 'never')]]) {
      const r = cellgraph(cmd);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines.some((l) => l.includes("node 'blur', param 'sigma'"))).toBe(true);
      expect(lines.some((l) => l.includes("node 'threshold', param 'method'"))).toBe(true);
      expect(lines.some((l) => l.includes('cannot connect a image output to a mask input'))).toBe(true);
      expect(lines.some((l) => l.includes("input 'mask': connected more than once"))).toBe(true);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });

  it('locates a JSON syntax error', () => {
    const bad = join(tmp, 'syntax.json');
    writeFileSync(bad, '{\n  "format": "cellgraph-pipeline",\n  "nodes": [\n}\n');
    const r = cellgraph(['validate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/syntax\.json: line 4, column 1: invalid JSON/);
  });

  it('exits 2 for bad usage, a missing input and an unwritable output folder', () => {
    expect(cellgraph(['run', NUCLEI]).code).toBe(2);
    expect(cellgraph(['frobnicate']).stderr).toMatch(/unknown command 'frobnicate'/);
    expect(cellgraph(['run', NUCLEI, join(IMAGES, 'blobs.tif'), '--out', join(tmp, 'o'), '--jobs', 'many']).stderr).toMatch(/--jobs takes a whole number/);
    const missing = cellgraph(['run', NUCLEI, join(tmp, 'nope.tif'), '--out', join(tmp, 'o')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.tif does not exist/);
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const unwritable = cellgraph(['run', NUCLEI, join(IMAGES, 'blobs.tif'), '--out', join(file, 'sub')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot write to output folder/);
    const set = cellgraph(['run', NUCLEI, join(IMAGES, 'blobs.tif'), '--out', join(tmp, 'o'), '--set', 'blurr.sigma=3']);
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(/--set blurr\.sigma=3: no node 'blurr'/);
  });
});

describe('cellgraph COMMAND --help', () => {
  it('prints the usage and exits 0 for every command, -h too; after -- it is an argument', () => {
    for (const cmd of [['run', '--help'], ['run', NUCLEI, '-h'], ['merge', '--help'], ['validate', '--help'], ['nodes', '-h']]) {
      const r = cellgraph(cmd);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^cellgraph \S+: microscopy image analysis pipelines\n\nUsage:/);
      expect(r.stderr).toBe('');
    }
    const literal = cellgraph(['validate', '--', '--help']);
    expect(literal.code).toBe(2);
    expect(literal.stderr).toMatch(/cannot read pipeline --help/);
  });
});

describe('cellgraph validate, nodes, schema', () => {
  it('validates the example pipelines', () => {
    for (const p of readdirSync(join(REPO_ROOT, 'pipelines'))) {
      const r = cellgraph(['validate', join(REPO_ROOT, 'pipelines', p)]);
      expect(r.code, `${p}: ${r.stderr}`).toBe(0);
    }
  });

  it('lists nodes with their ports and params, as text and JSON', () => {
    const text = cellgraph(['nodes']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/gaussian-blur \(Preprocess, v1\)/);
    // a param without a default says so, not "default undefined"
    expect(text.stdout).toContain('--set NODE.threshold=  number, optional (empty by default): Keep only maxima above this value');
    expect(text.stdout).not.toContain('undefined');
    const json = JSON.parse(cellgraph(['nodes', '--json']).stdout) as { type: string; params: { properties: Record<string, unknown> } }[];
    const blur = json.find((n) => n.type === 'gaussian-blur')!;
    expect(blur.params.properties.sigma).toMatchObject({ type: 'number', default: 2 });
  });

  it('prints a JSON Schema that describes every node type', () => {
    const schema = JSON.parse(cellgraph(['schema']).stdout);
    expect(schema.$schema).toMatch(/json-schema/);
    const text = JSON.stringify(schema);
    for (const t of ['load-image', 'gaussian-blur', 'threshold', 'measure-objects', 'export-table']) expect(text).toContain(`"${t}"`);
  });
});

describe('cellgraph run pipelines/image-stats.json', () => {
  it('writes one row per image with numpy-equal statistics', () => {
    const ref = JSON.parse(readFileSync(join(REFERENCE, 'image-stats', 'stats.json'), 'utf8')) as Record<string, Record<string, number | null>>;
    const out = join(tmp, 'stats');
    const r = cellgraph(['run', STATS, ...Object.keys(ref).map((n) => join(IMAGES, n)), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readCsv(join(out, 'stats.csv'));
    expect(rows.map((x) => x.image)).toEqual(Object.keys(ref));
    for (const row of rows) {
      const exp = ref[row.image];
      expect(Number(row.width)).toBe(exp.width);
      expect(Number(row.height)).toBe(exp.height);
      expect(Number(row.width) * Number(row.height) * Number(row.planes) * Number(row.channels)).toBe(exp.samples);
      for (const k of ['min', 'max', 'mean', 'std'] as const) expect(Number(row[k])).toBeCloseTo(exp[k]!, 6);
      if (exp.pixel_size_um === null) expect(row.pixel_size_x).toBe('');
      else expect(Number(row.pixel_size_x)).toBeCloseTo(exp.pixel_size_um, 6);
    }
  });
});
