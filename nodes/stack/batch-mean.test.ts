// batch-mean: on one image (the editor) and through the runner's two passes (the built
// bin/cellgraph.mjs) over the planes of the real z-stack written as separate files, against numpy's
// mean/std of the same planes (test-data/reference/stack/spots_project_{mean,std}.npy).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImage, imageFromRows, slice2d, type Image } from '../../src/core/image';
import { decodeImageFile } from '../../src/io/decode';
import { encodeTiff } from '../../src/io/tiff';
import { planBatch } from '../../src/core/batch-pass';
import { preparePipeline } from '../../src/cli/prepare';
import { differences, loadSpots, referenceImage } from '../../src/imaging/stack-reference';
import { testContext } from '../../src/testing/context';
import { planeFiles } from '../../src/testing/plane-files';
import { cellgraph } from '../../src/testing/cli';
import { nodeRegistry } from '../index';
import { batchMean } from './batch-mean';
import { readCsvRecords } from '../../src/testing/csv';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-batch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// load → batch-mean → save mean/std; load − mean → measure-image → table
const PIPELINE = {
  format: 'cellgraph-pipeline', version: 1, name: 'Batch mean test',
  nodes: [
    { id: 'load', type: 'load-image', params: {} },
    { id: 'avg', type: 'batch-mean', params: {} },
    { id: 'save-mean', type: 'save-image', params: { name: 'mean' } },
    { id: 'save-std', type: 'save-image', params: { name: 'std' } },
    { id: 'minus', type: 'image-math', params: { operation: 'subtract' } },
    { id: 'stats', type: 'measure-image', params: {} },
    { id: 'export', type: 'export-table', params: { name: 'stats' } },
  ],
  edges: [
    { from: { node: 'load', port: 'image' }, to: { node: 'avg', port: 'image' } },
    { from: { node: 'avg', port: 'mean' }, to: { node: 'save-mean', port: 'image' } },
    { from: { node: 'avg', port: 'std' }, to: { node: 'save-std', port: 'image' } },
    { from: { node: 'load', port: 'image' }, to: { node: 'minus', port: 'a' } },
    { from: { node: 'avg', port: 'mean' }, to: { node: 'minus', port: 'b' } },
    { from: { node: 'minus', port: 'image' }, to: { node: 'stats', port: 'image' } },
    { from: { node: 'stats', port: 'table' }, to: { node: 'export', port: 'table' } },
  ],
};

const decode = (path: string) => decodeImageFile(new Uint8Array(readFileSync(path)), 'x.tif', { maxPixels: 2 ** 28 });

describe('batch-mean node on one image', () => {
  it('the mean is the image as float32, the std 0', () => {
    const out = batchMean.run({ image: imageFromRows([[3, 200]], 'uint8') }, {}, testContext()) as { mean: Image; std: Image };
    expect([out.mean.dtype, Array.from(out.mean.data), Array.from(out.std.data)]).toEqual(['float32', [3, 200], [0, 0]]);
  });

  it('says its conventions', () => {
    for (const words of ['np.mean(axis=0', 'ddof=0', 'the nodes before this one first run', 'Run on all images', 'Run on one image', '32-bit float', 'left out']) expect(batchMean.description).toContain(words);
  });
});

describe('planBatch', () => {
  it('first pass: what feeds batch nodes; second: all but what only fed them', () => {
    const prepared = preparePipeline(JSON.stringify(PIPELINE), [], nodeRegistry);
    if (!prepared.ok) throw new Error(prepared.problems.join('; '));
    const plan = planBatch(prepared.checked, nodeRegistry)!;
    expect(plan.batchNodes).toEqual(['avg']);
    expect([...plan.firstPass]).toEqual(['load']);
    expect([...plan.secondPass].sort()).toEqual(['avg', 'export', 'load', 'minus', 'save-mean', 'save-std', 'stats']);
    const onlyMean = { ...PIPELINE, nodes: PIPELINE.nodes.slice(0, 3), edges: PIPELINE.edges.slice(0, 2) };
    const p2 = preparePipeline(JSON.stringify(onlyMean), [], nodeRegistry);
    if (!p2.ok) throw new Error(p2.problems.join('; '));
    // load only feeds the batch node: not run again in the second pass
    expect([...planBatch(p2.checked, nodeRegistry)!.secondPass].sort()).toEqual(['avg', 'save-mean']);
  });
});

describe('cellgraph run with batch-mean over the 17 planes of the real z-stack as 17 files', () => {
  const spots = loadSpots();
  const planes = planeFiles(spots);
  const folder = join(tmp, 'planes');
  const runs: Record<string, ReturnType<typeof cellgraph>> = {};
  beforeAll(() => {
    mkdirSync(folder);
    for (const f of planes) writeFileSync(join(folder, f.name), f.bytes);
    writeFileSync(join(tmp, 'batch.json'), JSON.stringify(PIPELINE));
    runs.one = cellgraph(['run', join(tmp, 'batch.json'), folder, '--out', join(tmp, 'jobs1'), '--jobs', '1']);
    runs.two = cellgraph(['run', join(tmp, 'batch.json'), folder, '--out', join(tmp, 'jobs2'), '--jobs', '2']);
  });

  it('succeeds on every image', () => {
    expect([runs.one.code, runs.two.code]).toEqual([0, 0]);
    expect(runs.one.stdout).toMatch(/^17 images: 17 ok, 0 failed/);
  });

  it('every image gets the batch mean, equal to np.mean(axis=0) exactly, and the std within float32 rounding', () => {
    const refMean = referenceImage('stack', 'spots_project_mean.npy');
    const refStd = referenceImage('stack', 'spots_project_std.npy');
    for (const f of planes) {
      const mean = decode(join(tmp, 'jobs1', 'mean', f.name));
      expect(mean.dtype).toBe('float32');
      expect(differences(mean.data, refMean.data)).toEqual([]);
    }
    const std = decode(join(tmp, 'jobs1', 'std', planes[0].name));
    for (let i = 0; i < refStd.data.length; i++) {
      expect(Math.abs(std.data[i] - refStd.data[i])).toBeLessThanOrEqual(Math.abs(refStd.data[i]) * 2 ** -23);
    }
  });

  it('later nodes get the mean: each image minus the batch mean, measured', () => {
    const refMean = referenceImage('stack', 'spots_project_mean.npy');
    const rows = readCsvRecords(join(tmp, 'jobs1', 'stats.csv'));
    expect(rows.map((r) => r.image)).toEqual(planes.map((p) => p.name));
    rows.forEach((row, p) => {
      const plane = slice2d(spots, p);
      let max = -Infinity;
      for (let i = 0; i < plane.length; i++) max = Math.max(max, Math.fround(plane[i] - refMean.data[i]));
      expect(Number(row.max)).toBe(max);
    });
  });

  it('the outputs do not depend on how many workers ran (folded in input order)', () => {
    for (const dir of ['mean', 'std']) {
      for (const name of readdirSync(join(tmp, 'jobs1', dir))) {
        expect(readFileSync(join(tmp, 'jobs2', dir, name)).equals(readFileSync(join(tmp, 'jobs1', dir, name)))).toBe(true);
      }
    }
    expect(readFileSync(join(tmp, 'jobs2', 'stats.csv'), 'utf8')).toBe(readFileSync(join(tmp, 'jobs1', 'stats.csv'), 'utf8'));
  });

  it('the provenance of what depends on the batch lists every file of the batch', () => {
    const sidecar = JSON.parse(readFileSync(join(tmp, 'jobs1', 'stats.provenance.json'), 'utf8'));
    expect(sidecar.images[0].inputs.map((i: { name: string }) => i.name)).toEqual(planes.map((p) => p.name));
  });

  it('a re-run of the same batch resumes; a changed batch recomputes every image', () => {
    const out = join(tmp, 'resume');
    cellgraph(['run', join(tmp, 'batch.json'), folder, '--out', out]);
    const again = cellgraph(['run', join(tmp, 'batch.json'), folder, '--out', out]);
    expect(again.stdout).toMatch(/^17 images: 17 ok, 0 failed, 17 resumed/);
    const fewer = join(tmp, 'fewer');
    mkdirSync(fewer);
    for (const f of planes.slice(0, 16)) writeFileSync(join(fewer, f.name), f.bytes);
    const changed = cellgraph(['run', join(tmp, 'batch.json'), fewer, '--out', out]);
    expect(changed.stdout).toMatch(/^16 images: 16 ok, 0 failed in/);
  });

  it('an image of another size fails alone, with one line, and is left out of the mean', () => {
    const odd = join(tmp, 'odd');
    mkdirSync(odd);
    for (const f of planes.slice(0, 3)) writeFileSync(join(odd, f.name), f.bytes);
    writeFileSync(join(odd, 'z01b.tif'), encodeTiff(createImage({ width: 5, height: 4 }, 'uint16')));
    const r = cellgraph(['run', join(tmp, 'batch.json'), odd, '--out', join(tmp, 'out-odd')]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(tmp, 'out-odd', 'images.csv'), 'utf8')).toContain(
      `\nz01b.tif,error,"node 'avg': z01b.tif is 5×4, but the batch's first image is ${spots.width}×${spots.height}: batch statistics need images of one shape",`,
    );
    const mean = decode(join(tmp, 'out-odd', 'mean', 'z00.tif'));
    for (const i of [0, 100, 4000]) {
      const expected = Math.fround((slice2d(spots, 0)[i] + slice2d(spots, 1)[i] + slice2d(spots, 2)[i]) / 3);
      expect(mean.data[i]).toBe(expected);
    }
  });
});
