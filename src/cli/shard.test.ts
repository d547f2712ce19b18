// `cellgraph run --shard K/N`: each machine runs one contiguous part of the inputs; `cellgraph merge`
// combines the parts' tables into exactly what one whole run writes, also for a batch pipeline (whose
// batch-mean still reads every input).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMAGES, REPO_ROOT } from '../testing/paths';
import { cellgraph } from '../testing/cli';
import { writePlate } from '../testing/plate';
import { shardIndices } from './run';
import { writeDsbQuarters } from '../testing/quarters';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-shard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


/** A CSV's lines; images.csv's last column (the measured duration) blanked. */
const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => (path.endsWith('images.csv') ? l.replace(/,[^,]*$/, ',') : l));

/** `cellgraph merge` of the shards' folders into `merged`: its files equal the whole run's. */
function expectMergedEqualsWhole(outs: string[], merged: string, whole: string, tables: string[]) {
  const r = cellgraph(['merge', ...outs, '--out', merged]);
  expect(r.code, r.stderr).toBe(0);
  for (const name of [...tables.flatMap((t) => [`${t}.csv`, `${t}.provenance.json`]), 'images.csv']) {
    expect({ name, lines: lines(join(merged, name)) }).toEqual({ name, lines: lines(join(whole, name)) });
  }
}

describe('shardIndices', () => {
  it('splits any number of inputs into N contiguous parts, in order, sizes differing by at most one', () => {
    for (let total = 0; total <= 40; total++) {
      for (let count = 1; count <= 9; count++) {
        const parts = Array.from({ length: count }, (_, k) => shardIndices(total, { index: k + 1, count }));
        expect(parts.flat()).toEqual(Array.from({ length: total }, (_, i) => i));
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
    expect(shardIndices(3)).toEqual([0, 1, 2]);
  });
});

describe('cellgraph run --shard', () => {
  it('nuclei-count: the shards\' tables, merged, are the whole run\'s, a failed image included', () => {
    const dir = join(tmp, 'images');
    mkdirSync(dir);
    for (const f of ['blobs.tif', 'dsb2018_256_uint8.tif', 'dsb2018_512_uint16.tif', 'xy_8bit__mitocheck_incenp_t1.tif', 'nuclei_tubulin_dna.tif']) {
      writeFileSync(join(dir, f), readFileSync(join(IMAGES, f)));
    }
    writeFileSync(join(dir, 'a_truncated.tif'), readFileSync(join(IMAGES, 'blobs.tif')).subarray(0, 300));
    const pipeline = join(REPO_ROOT, 'pipelines', 'nuclei-count.json');
    const whole = join(tmp, 'whole');
    expect(cellgraph(['run', pipeline, dir, '--out', whole]).code).toBe(1);
    // six inputs in four shards of 1, 2, 1, 2: the first holds only the truncated file
    const outs = [1, 2, 3, 4].map((k) => join(tmp, `shard${k}`));
    const runs = outs.map((out, k) => cellgraph(['run', pipeline, dir, '--out', out, '--shard', `${k + 1}/4`]));
    expect(runs.map((r) => r.code)).toEqual([1, 0, 0, 0]);
    expect(runs.map((r) => r.stdout.split(':').slice(0, 2).join(':'))).toEqual(['shard 1/4: 1 of 6 images', 'shard 2/4: 2 of 6 images', 'shard 3/4: 1 of 6 images', 'shard 4/4: 2 of 6 images']);
    expect(lines(join(outs[1], 'images.csv')).map((l) => l.split(',')[0])).toEqual(['image', 'blobs.tif', 'dsb2018_256_uint8.tif']);
    // blobs.tif has no pixel size, later images do: the shards' nuclei.csv have different columns
    expect(lines(join(outs[1], 'nuclei.csv'))[0]).not.toContain('area_um2');
    expectMergedEqualsWhole(outs, join(tmp, 'merged'), whole, ['nuclei']);
  });

  it('a batch pipeline: every shard\'s batch-mean is over all inputs, so its corrected images are the whole run\'s', () => {
    // the four quarters of the DSB2018 512 image, as four fields of one batch
    const dir = join(tmp, 'fields');
    mkdirSync(dir);
    writeDsbQuarters(dir);
    const pipeline = join(REPO_ROOT, 'pipelines', 'illumination-correction.json');
    const whole = join(tmp, 'batch-whole');
    expect(cellgraph(['run', pipeline, dir, '--out', whole]).code).toBe(0);
    const outs = [1, 2].map((k) => join(tmp, `batch-shard${k}`));
    const runs = outs.map((out, k) => cellgraph(['run', pipeline, dir, '--out', out, '--shard', `${k + 1}/2`]));
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(runs[0].stderr).toContain('first pass: batch over 4 images');
    expectMergedEqualsWhole(outs, join(tmp, 'batch-merged'), whole, ['nuclei']);
    expect(readdirSync(join(outs[1], 'corrected')).sort()).toEqual(['q2.tif', 'q3.tif']);
    for (const [k, file] of [[0, 'q0.tif'], [0, 'q1.tif'], [1, 'q2.tif'], [1, 'q3.tif']] as const) {
      expect(readFileSync(join(outs[k], 'corrected', file)).equals(readFileSync(join(whole, 'corrected', file))), file).toBe(true);
    }
  });

  it('merge --group-by writes the whole run\'s --group-by files, text columns that look like numbers included', () => {
    const plate = writePlate(join(tmp, 'grouped'));
    const group = ['--group-by', 'well', '--group-by', 'site'];
    const whole = join(tmp, 'grouped-whole');
    expect(cellgraph(['run', plate.pipeline, plate.images, '--out', whole, ...group]).code).toBe(0);
    const outs = [1, 2, 3].map((k) => join(tmp, `grouped-shard${k}`));
    expect(outs.map((out, k) => cellgraph(['run', plate.pipeline, plate.images, '--out', out, '--shard', `${k + 1}/3`, ...group]).code)).toEqual([0, 0, 0]);
    const merged = join(tmp, 'grouped-merged');
    const r = cellgraph(['merge', ...outs, '--out', merged, ...group]);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['nuclei.csv', 'nuclei.provenance.json', 'nuclei_by_well.csv', 'nuclei_by_site.csv']) {
      expect({ name, lines: lines(join(merged, name)) }).toEqual({ name, lines: lines(join(whole, name)) });
    }
    // site is text ("1", "2"): summarised per well it would be a site_mean column
    expect(lines(join(merged, 'nuclei_by_well.csv'))[0]).not.toContain('site_');
    expect(lines(join(merged, 'nuclei_by_site.csv')).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['site,images,rows', expect.stringMatching(/^1,2,\d+$/), expect.stringMatching(/^2,1,\d+$/)]);
    // a column no table has: said on stderr, no file
    const none = cellgraph(['merge', ...outs, '--out', join(tmp, 'grouped-none'), '--group-by', 'plate_id']);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain("--group-by plate_id: table nuclei has no column 'plate_id', so no nuclei_by_plate_id.csv");
  });

  it('merge --group-by refuses a shard whose sidecar does not say which columns are text, before writing anything', () => {
    const outs = [1, 2, 3].map((k) => join(tmp, `grouped-shard${k}`));
    const sidecar = join(outs[1], 'nuclei.provenance.json');
    const doc = JSON.parse(readFileSync(sidecar, 'utf8'));
    delete doc.columns;
    writeFileSync(sidecar, JSON.stringify(doc));
    const dest = join(tmp, 'grouped-old');
    const r = cellgraph(['merge', ...outs, '--out', dest, '--group-by', 'well']);
    expect({ code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ code: 2, lines: 1 });
    expect(r.stderr).toContain('grouped-shard2/nuclei.provenance.json does not say which columns hold text');
    expect(existsSync(dest)).toBe(false);
    // without --group-by the old sidecar merges as before
    expect(cellgraph(['merge', ...outs, '--out', dest]).code).toBe(0);
  });

  it('merge refuses folders that are not shards of one run, in one line', () => {
    const [a, b] = [join(tmp, 'shard1'), join(tmp, 'batch-shard1')];
    const cases: [string[], RegExp][] = [
      [[a, a], /a_truncated\.tif is in both .*shard1 and .*shard1: shards must not overlap/],
      [[join(tmp, 'shard2'), b], /batch-shard1\/nuclei\.provenance\.json: this shard ran another pipeline/],
      [[a, join(tmp, 'nowhere')], /nowhere has no images\.csv: it is not the --out folder of a cellgraph run/],
    ];
    for (const [dirs, message] of cases) {
      const r = cellgraph(['merge', ...dirs, '--out', join(tmp, 'refused')]);
      expect({ code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ code: 2, lines: 1 });
      expect(r.stderr).toMatch(message);
    }
    expect(cellgraph(['merge', a, '--out', a]).stderr).toMatch(/is one of the shard folders/);
  });

  it('refuses a shard that is not K/N with 1 <= K <= N, in one line', () => {
    for (const bad of ['0/3', '4/3', '2', 'a/b', '1/0']) {
      const r = cellgraph(['run', join(REPO_ROOT, 'pipelines', 'nuclei-count.json'), join(IMAGES, 'blobs.tif'), '--out', join(tmp, 'bad'), '--shard', bad]);
      expect({ bad, code: r.code, first: r.stderr.split('\n')[0] }).toEqual({ bad, code: 2, first: `cellgraph: --shard takes K/N with 1 <= K <= N (e.g. 2/8), got '${bad}'` });
    }
  });
});
