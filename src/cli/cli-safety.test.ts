// The runner on hostile images and dangerous output folders, end to end through bin/cellgraph.mjs
// (npm test builds dist/ first): every bad image is one line naming the file, the batch goes on,
// inputs are never written to.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createImage } from '../core/image';
import { encodeTiff } from '../io/tiff';
import { IMAGES, REPO_ROOT } from '../testing/paths';
import { cellgraph } from '../testing/cli';

const BIN = join(REPO_ROOT, 'bin', 'cellgraph.mjs');
const NUCLEI = join(REPO_ROOT, 'pipelines', 'nuclei-count.json');
const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-safety-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A small valid TIFF with the inline value of `tag` in its first IFD replaced (little-endian, classic). */
function patchedTiff(patches: Record<number, number>, nextIfd?: number): Uint8Array {
  const bytes = encodeTiff(createImage({ width: 16, height: 12 }, 'uint8'));
  const view = new DataView(bytes.buffer);
  const ifd = view.getUint32(4, true);
  const count = view.getUint16(ifd, true);
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    const value = patches[view.getUint16(at, true)];
    if (value !== undefined) view.setUint32(at + 8, value, true);
  }
  if (nextIfd !== undefined) view.setUint32(ifd + 2 + count * 12, nextIfd, true);
  return bytes;
}

describe('cellgraph run on hostile images', () => {
  const dir = join(tmp, 'hostile');
  mkdirSync(dir);
  copyFileSync(join(IMAGES, 'dsb2018_256_uint8.tif'), join(dir, 'a_good.tif'));
  writeFileSync(join(dir, 'b_huge.tif'), patchedTiff({ 256: 100000, 257: 100000, 278: 100000 }));
  writeFileSync(join(dir, 'c_loop.tif'), patchedTiff({}, 8));
  writeFileSync(join(dir, 'd_strip_past_end.tif'), patchedTiff({ 273: 0x7ffffff0 }));
  writeFileSync(join(dir, 'e_truncated.png'), readFileSync(join(REPO_ROOT, 'test-data', 'png', 'rgb8.png')).subarray(0, 100));
  writeFileSync(join(dir, 'f_truncated.jpg'), readFileSync(join(REPO_ROOT, 'test-data', 'jpeg', 'grey.jpg')).subarray(0, 300));
  writeFileSync(join(dir, 'g_zero_strips.tif'), patchedTiff({ 279: 0 }));

  it('fails each bad image alone with one line naming it, processes the good one, exits 1', () => {
    const before = readdirSync(dir).map((f) => sha(join(dir, f)));
    const r = cellgraph(['run', NUCLEI, dir, '--out', join(tmp, 'out'), '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/7 images: 1 ok, 6 failed/);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(7); // not a terminal: exactly one line per image, no stack traces
    const line = (name: string) => lines.find((l) => l.includes(` ${name}: `)) ?? `no line for ${name}`;
    expect(line('a_good.tif')).toMatch(/^\[\d\/7\] a_good\.tif: ok \d+ ms$/);
    expect(line('b_huge.tif')).toMatch(/b_huge\.tif: error: node 'load': image too large: page 1 \(100000×100000 pixels\)/);
    expect(line('c_loop.tif')).toMatch(/c_loop\.tif: error: node 'load': damaged TIFF: the page list loops/);
    expect(line('d_strip_past_end.tif')).toMatch(/d_strip_past_end\.tif: error: node 'load': truncated: strip 1 ends past the end/);
    expect(line('e_truncated.png')).toMatch(/e_truncated\.png: error: node 'load': (damaged or )?truncated PNG/);
    expect(line('f_truncated.jpg')).toMatch(/f_truncated\.jpg: error: node 'load': (damaged or )?truncated/);
    expect(line('g_zero_strips.tif')).toMatch(/g_zero_strips\.tif: error: node 'load': damaged TIFF: every strip of page 1 is empty/);
    expect(readdirSync(dir).map((f) => sha(join(dir, f)))).toEqual(before);
  });
});

describe('cellgraph run never writes over its inputs', () => {
  it('refuses (exit 2) a save-image that would land on an input file', () => {
    const out = join(tmp, 'plate');
    mkdirSync(join(out, 'labels'), { recursive: true });
    const input = join(out, 'labels', 'cells.tif');
    copyFileSync(join(IMAGES, 'blobs.tif'), input);
    const before = sha(input);
    const pipeline = JSON.parse(readFileSync(NUCLEI, 'utf8'));
    pipeline.nodes.push({ id: 'save', type: 'save-image', params: { name: 'labels' } });
    pipeline.edges.push({ from: { node: 'filter', port: 'labels' }, to: { node: 'save', port: 'image' } });
    const file = join(tmp, 'save.json');
    writeFileSync(file, JSON.stringify(pipeline));
    const r = cellgraph(['run', file, input, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `cellgraph: node 'save' would save over the input ${input}: choose another --out folder or save-image name`,
    );
    expect(sha(input)).toBe(before);
    expect(readdirSync(out)).toEqual(['labels']);
  });
});

describe('cellgraph run interrupted', () => {
  // --jobs 1 runs the images on the main thread, --jobs 2 (20 MB of images) in worker threads
  it.each([
    ['SIGINT', 1],
    ['SIGTERM', 2],
  ] as const)('on %s with --jobs %d leaves no partial files, exits 130, and a re-run resumes the finished images', async (signal, jobs) => {
    const dir = join(tmp, `many-${jobs}`);
    mkdirSync(dir);
    for (let i = 0; i < 40; i++) copyFileSync(join(IMAGES, 'dsb2018_512_uint16.tif'), join(dir, `img${String(i).padStart(2, '0')}.tif`));
    const out = join(tmp, `interrupted-${jobs}`);
    const child = spawn(process.execPath, [BIN, 'run', NUCLEI, dir, '--out', out, '--jobs', String(jobs)], { cwd: REPO_ROOT });
    let stderr = '';
    const code = await new Promise<number | null>((done) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (!child.killed && /\[2\/40\]/.test(stderr)) child.kill(signal);
      });
      child.on('exit', (c) => done(c));
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(new RegExp(`cellgraph: interrupted \\(${signal}\\) after \\d+ of 40 images; no tables written\\. Run again to resume\\.`));
    const left = readdirSync(out, { recursive: true }).map(String);
    expect(left.filter((f) => f.includes('partial'))).toEqual([]);
    expect(left).not.toContain('nuclei.csv');
    const again = cellgraph(['run', NUCLEI, dir, '--out', out, '--jobs', '2']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/40 images: 40 ok, 0 failed, [1-9]\d* resumed from an earlier run/);
  });
});

describe('cellgraph run with an output it cannot write', () => {
  // a file named like the folder save-image writes into: every image's outlines would fail alike, as
  // on a full disk (ENOSPC), so the run stops at the first instead of failing image after image
  it.each([
    ['on the main thread', ['--jobs', '1']],
    ['in worker threads', ['--jobs', '2', '--timeout', '60']],
  ])('stops %s with one line and exit 2, no tables and no partial files; once fixed, a re-run finishes', (_, jobs) => {
    const dir = join(tmp, `unwritable-in-${jobs.length}`);
    mkdirSync(dir);
    for (const name of ['a.tif', 'b.tif', 'c.tif']) copyFileSync(join(IMAGES, 'dsb2018_256_uint8.tif'), join(dir, name));
    const out = join(tmp, `unwritable-out-${jobs.length}`);
    mkdirSync(out);
    writeFileSync(join(out, 'outlines'), 'not a folder');
    const declump = join(REPO_ROOT, 'pipelines', 'nuclei-declump.json');
    const r = cellgraph(['run', declump, dir, '--out', out, ...jobs]);
    expect(r.code).toBe(2);
    const last = r.stderr.trim().split('\n').pop();
    expect(last).toMatch(
      /^cellgraph: stopped after [0-2] of 3 images: cannot write .*outlines\/[abc]\.tif: a file stands where a folder is needed \((EEXIST|ENOTDIR)\)\. No tables written; free the space \(or choose another --out\) and run again to resume\.$/,
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const left = readdirSync(out, { recursive: true }).map(String);
    expect(left.filter((f) => f.includes('partial'))).toEqual([]);
    expect(left.filter((f) => f.endsWith('.csv'))).toEqual([]);
    rmSync(join(out, 'outlines'));
    const again = cellgraph(['run', declump, dir, '--out', out, ...jobs]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^3 images: 3 ok, 0 failed/);
    expect(readdirSync(join(out, 'outlines')).sort()).toEqual(['a.tif', 'b.tif', 'c.tif']);
  });
});
