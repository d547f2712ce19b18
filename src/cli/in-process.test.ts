// A small batch (or --jobs 1) runs on the main thread; with --timeout every image goes to a worker
// thread. Both must write the same files, byte for byte, apart from the measured durations.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMAGES, REPO_ROOT } from '../testing/paths';
import { cellgraph } from '../testing/cli';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-in-process-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


/** Every file under dir (relative path → bytes), durations blanked: images.csv's last column, records' durationMs. */
function outputs(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    if (statSync(join(dir, rel)).isDirectory()) continue;
    let text = readFileSync(join(dir, rel)).toString('latin1');
    if (rel === 'images.csv') text = text.replace(/,[^,\n]*\n/g, ',\n');
    if (rel.startsWith('.cellgraph')) text = text.replace(/"durationMs":\d+/, '"durationMs":0');
    files.set(rel, text);
  }
  return files;
}

function compareModes(name: string, pipeline: string, inputDir: string) {
  const inProcess = join(tmp, `${name}-in-process`);
  const workers = join(tmp, `${name}-workers`);
  const a = cellgraph(['run', pipeline, inputDir, '--out', inProcess, '--jobs', '2']);
  const b = cellgraph(['run', pipeline, inputDir, '--out', workers, '--jobs', '2', '--timeout', '600']);
  expect(a.stdout.split(' in ')[0]).toBe(b.stdout.split(' in ')[0]);
  expect(a.code).toBe(b.code);
  const [x, y] = [outputs(inProcess), outputs(workers)];
  expect([...x.keys()]).toEqual([...y.keys()]);
  for (const [file, bytes] of x) expect(bytes === y.get(file), file).toBe(true);
  return x;
}

describe('cellgraph run in-process and in worker threads', () => {
  it('nuclei-count: same tables, sidecar and resumable records', () => {
    const dir = join(tmp, 'nuclei');
    mkdirSync(dir);
    for (const f of ['blobs.tif', 'dsb2018_256_uint8.tif', 'dsb2018_512_uint16.tif']) copyFileSync(join(IMAGES, f), join(dir, f));
    const files = compareModes('nuclei', join(REPO_ROOT, 'pipelines', 'nuclei-count.json'), dir);
    expect([...files.keys()].filter((f) => !f.startsWith('.cellgraph'))).toEqual(['images.csv', 'nuclei.csv', 'nuclei.provenance.json']);
    expect([...files.keys()].filter((f) => f.startsWith('.cellgraph'))).toHaveLength(3);
  });

  it('a batch pipeline (two passes): same saved images and tables, same failure of an odd-shaped image', () => {
    const dir = join(tmp, 'fields');
    mkdirSync(dir);
    for (const i of [1, 2, 3]) copyFileSync(join(IMAGES, 'dsb2018_256_uint8.tif'), join(dir, `field${i}.tif`));
    copyFileSync(join(IMAGES, 'blobs.tif'), join(dir, 'odd.tif'));
    const files = compareModes('batch', join(REPO_ROOT, 'pipelines', 'illumination-correction.json'), dir);
    expect([...files.keys()].filter((f) => f.startsWith('corrected/'))).toEqual(['corrected/field1.tif', 'corrected/field2.tif', 'corrected/field3.tif']);
    expect(files.get('images.csv')).toMatch(/odd\.tif,error,.*batch statistics need images of one shape/);
  });
});
