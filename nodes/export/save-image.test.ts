// save-image only marks what to write; the runner writes it (src/cli/process.ts). So this test runs
// one image through the runner's processImage and reads the written files back.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/core/executor';
import type { Image, Labels, Mask } from '../../src/core/image';
import { preparePipeline } from '../../src/cli/prepare';
import { processImage } from '../../src/cli/process';
import { decodeImageFile } from '../../src/io/decode';
import { imagePath } from '../../src/testing/paths';
import { nodeRegistry } from '../index';
import { saveImage } from './save-image';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-save-image-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const edge = (from: string, fromPort: string, to: string, toPort: string) => ({
  from: { node: from, port: fromPort }, to: { node: to, port: toPort },
});
const pipeline = {
  format: 'cellgraph-pipeline', version: 1, name: 'save test',
  nodes: [
    { id: 'load', type: 'load-image', params: {} },
    { id: 'blur', type: 'gaussian-blur', params: { sigma: 1.5 } },
    { id: 'threshold', type: 'threshold', params: { method: 'otsu' } },
    { id: 'label', type: 'label', params: {} },
    { id: 'save_labels', type: 'save-image', params: { name: 'labels' } },
    { id: 'save_mask', type: 'save-image', params: { name: 'masks', format: 'png' } },
    { id: 'save_blur', type: 'save-image', params: { name: 'blurred', format: 'tiff' } },
  ],
  edges: [
    edge('load', 'image', 'blur', 'image'), edge('blur', 'image', 'threshold', 'image'),
    edge('threshold', 'mask', 'label', 'mask'), edge('label', 'labels', 'save_labels', 'image'),
    edge('threshold', 'mask', 'save_mask', 'image'), edge('blur', 'image', 'save_blur', 'image'),
  ],
};

const read = (path: string) => decodeImageFile(new Uint8Array(readFileSync(path)), path, { maxPixels: 2 ** 28 });
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('save-image node', () => {
  it('takes a folder name (no path) and tiff or png', () => {
    expect(saveImage.params.parse({})).toEqual({ name: 'images', format: 'tiff' });
    for (const bad of [{ name: '../up' }, { name: 'a/b' }, { name: '' }, { format: 'jpeg' }]) {
      expect(saveImage.params.safeParse(bad).success).toBe(false);
    }
    expect(saveImage.sink).toBe('image');
  });

  it('the runner writes <out>/<name>/<stem>.<ext>, labels/masks/float read back unchanged, input untouched', async () => {
    const prepared = preparePipeline(JSON.stringify(pipeline), [], nodeRegistry);
    if (!prepared.ok) throw new Error(prepared.problems.join('; '));
    const input = imagePath('dsb2018_256_uint8.tif');
    const before = sha(input);
    const out = join(tmp, 'out');
    const record = await processImage(
      { path: input, display: 'dsb2018_256_uint8.tif', stem: 'dsb2018_256_uint8' },
      { checked: prepared.checked, registry: nodeRegistry, outDir: out, maxPixels: 2 ** 28 },
    );
    expect(record.status).toBe('ok');
    expect(sha(input)).toBe(before);

    const bytes = new Uint8Array(readFileSync(input));
    const { values } = await runPipeline(prepared.checked, { registry: nodeRegistry, source: { name: 'x.tif', bytes, hash: 'h' } });
    const labels = values.get('label')!.labels as Labels;
    const mask = values.get('threshold')!.mask as Mask;
    const blurred = values.get('blur')!.image as Image;

    const savedLabels = read(join(out, 'labels', 'dsb2018_256_uint8.tif'));
    expect(labels.count).toBeGreaterThan(10);
    expect(savedLabels.dtype).toBe('uint16');
    expect(Array.from(savedLabels.data)).toEqual(Array.from(labels.data));
    const savedMask = read(join(out, 'masks', 'dsb2018_256_uint8.png'));
    expect(Array.from(savedMask.data)).toEqual(Array.from(mask.data, (v) => v * 255));
    const savedBlur = read(join(out, 'blurred', 'dsb2018_256_uint8.tif'));
    expect(savedBlur.dtype).toBe('float32');
    expect(Buffer.from(savedBlur.data.buffer).equals(Buffer.from(blurred.data.buffer))).toBe(true);
    // written whole: no temporary files left behind
    for (const folder of ['labels', 'masks', 'blurred']) expect(readdirSync(join(out, folder))).toHaveLength(1);
  });

  it('a float image saved as PNG fails that image with one line naming the node', async () => {
    const doc = structuredClone(pipeline);
    doc.nodes.find((n) => n.id === 'save_blur')!.params = { name: 'blurred', format: 'png' };
    const prepared = preparePipeline(JSON.stringify(doc), [], nodeRegistry);
    if (!prepared.ok) throw new Error(prepared.problems.join('; '));
    const out = join(tmp, 'png-float');
    const record = await processImage(
      { path: imagePath('blobs.tif'), display: 'blobs.tif', stem: 'blobs' },
      { checked: prepared.checked, registry: nodeRegistry, outDir: out, maxPixels: 2 ** 28 },
    );
    expect(record.status).toBe('error');
    expect(record.error).toMatch(/^node 'save_blur': PNG holds 8- or 16-bit unsigned integers but this image is float32: save it as TIFF$/);
  });

  it('states its conventions', () => {
    for (const words of ['<name>/<input file name without extension>', '0/255', '16-bit (32-bit when there are', 'Fiji and tifffile']) {
      expect(saveImage.description).toContain(words);
    }
  });
});
