import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeRegistry } from '../testing/fake-nodes';
import { imagePath } from '../testing/paths';
import { preparePipeline } from './prepare';
import { countObjects } from '../core/image';
import { processImage } from './process';
import { createLabels } from '../core/image';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-process-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function checked(fail: boolean) {
  const doc = {
    format: 'cellgraph-pipeline', version: 1, name: 't',
    nodes: [
      { id: 'src', type: 'fake-source', params: {} },
      { id: 'cut', type: 'fake-threshold', params: { fail } },
    ],
    edges: [{ from: { node: 'src', port: 'image' }, to: { node: 'cut', port: 'image' } }],
  };
  const prepared = preparePipeline(JSON.stringify(doc), [], fakeRegistry);
  if (!prepared.ok) throw new Error(prepared.problems.join('; '));
  return prepared.checked;
}

const input = { path: imagePath('blobs.tif'), display: 'blobs.tif', stem: 'blobs' };

describe('processImage', () => {
  it('an unexpected error is one line naming the node; its stack only with debug', async () => {
    const plain = await processImage(input, { checked: checked(true), registry: fakeRegistry, outDir: tmp, maxPixels: 2 ** 28 });
    expect(plain).toMatchObject({ status: 'error', error: "node 'cut': internal error: asked to fail" });
    expect(plain.stack).toBeUndefined();
    const debug = await processImage(input, { checked: checked(true), registry: fakeRegistry, outDir: tmp, maxPixels: 2 ** 28, debug: true });
    expect(debug.error).toBe("node 'cut': internal error: asked to fail");
    expect(debug.stack).toMatch(/^Error: asked to fail\n\s+at /);
  });

  it('a missing file fails that image with the reason', async () => {
    const missing = { path: join(tmp, 'gone.tif'), display: 'gone.tif', stem: 'gone' };
    const record = await processImage(missing, { checked: checked(false), registry: fakeRegistry, outDir: tmp, maxPixels: 2 ** 28 });
    expect(record).toMatchObject({ status: 'error', error: 'cannot read the file: ENOENT' });
  });

  it('remembers a finished image and reuses it (resume), writing the record whole', async () => {
    const recordsDir = join(tmp, 'records');
    const ctx = { checked: checked(false), registry: fakeRegistry, outDir: tmp, maxPixels: 2 ** 28, recordsDir };
    const first = await processImage(input, ctx);
    expect(first.status).toBe('ok');
    expect(first.resumed).toBeUndefined();
    const second = await processImage(input, ctx);
    expect(second.resumed).toBe(true);
    const files = readdirSync(recordsDir, { recursive: true }).map(String);
    expect(files.some((f) => f.endsWith('.partial'))).toBe(false);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });
});

describe('countObjects', () => {
  const labels = (values: number[], count: number) => createLabels({ width: values.length, height: 1 }, Uint32Array.from(values), count);
  it('counts distinct non-zero labels, with gaps, repeats, and labels above count ignored', () => {
    expect(countObjects(labels([0, 2, 2, 0, 5, 2, 5], 5))).toBe(2);
    expect(countObjects(labels([1, 2, 3, 3, 0, 0, 0], 3))).toBe(3);
    expect(countObjects(labels([3, 1, 0, 2, 9], 3))).toBe(3);
    expect(countObjects(labels([0, 0, 0], 0))).toBe(0);
  });
});
