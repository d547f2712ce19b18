// The editor and `cellgraph run` are two front ends over one executor: for every test image, the
// table the editor downloads is byte for byte the CLI's rows for that image (Chromium's V8 and
// Node's differ in Math.* last bits, so this also guards the deterministic maths in src/imaging).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO, type Browser } from './support/browser';
import { canvasNode, cliRun, download, dropFiles, openEditor, settle } from './support/user';

const images = [
  'blobs.tif',
  'dsb2018_512_uint16_lzw.tif',
  'examplehuman_dna_packbits.tif',
  'xy_16bit_calibrated__nuclei_various_shapes.tif',
  'xy_8bit__mitocheck_incenp_t1.tif',
  'xy_8bit__few_touching_nuclei.tif',
].map((f) => join(REPO, 'test-data/images', f));
const multiDimensional = ['xyc_16bit__nuclei_tubulin_crop.tif', 'xyt_8bit_polyp.tif', 'xyz_16bit__spots.ome.tif'].map((f) => join(REPO, 'test-data/images', f));

let browser: Browser;
beforeAll(async () => {
  browser = await openEditor();
});
afterAll(async () => browser?.close());

/** What `cellgraph run` writes for one image (a batch's table has the union of the images' columns). */
function cliCsv(pipeline: string, image: string, table: string, extra: string[] = []): string {
  const { out } = cliRun(join(REPO, 'pipelines', pipeline), image, extra);
  return readFileSync(join(out, `${table}.csv`), 'utf8');
}

async function editorCsv(image: string, exportNode: string): Promise<string> {
  const { page } = browser;
  await dropFiles(page, page.locator('.react-flow__pane'), [image]);
  await settle(page);
  const file = await download(page, () => canvasNode(page, exportNode).getByRole('button', { name: 'Download CSV' }).click());
  return file.bytes.toString('utf8');
}

describe('editor downloads equal `cellgraph run` output', () => {
  test('nuclei-count (Otsu) on six real images', async () => {
    for (const image of images) expect(await editorCsv(image, 'export'), basename(image)).toBe(cliCsv('nuclei-count.json', image, 'nuclei'));
  });

  test('nuclei-count with Li thresholds', async () => {
    const { page } = browser;
    await canvasNode(page, 'threshold').locator('.cg-node-header').click();
    await page.getByLabel('Method', { exact: true }).selectOption('li');
    await settle(page);
    for (const image of images) {
      expect(await editorCsv(image, 'export'), basename(image)).toBe(cliCsv('nuclei-count.json', image, 'nuclei', ['--set', 'threshold.method=li']));
    }
  });

  test('image-stats on 2-D, multichannel, time-lapse and z-stack images', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /image-stats\.json/ }).click();
    await settle(page);
    for (const image of [...images.slice(0, 2), ...multiDimensional]) expect(await editorCsv(image, 'export'), basename(image)).toBe(cliCsv('image-stats.json', image, 'stats'));
  });
});
