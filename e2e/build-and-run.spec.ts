// A new user's path: an empty canvas, the nuclei pipeline built by dragging from the palette and
// wiring handles, an image dropped on the page, the count read from the screen and compared with
// `cellgraph run`; then a threshold change re-runs only what follows it, and a reload brings every
// preview back from IndexedDB without recomputing anything.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { formatNumber } from '../src/editor/display/format';
import { decodeImageFile } from '../src/io/decode';
import { statuses } from './support/editor';
import { launch, REPO, screenshot, type Browser } from './support/browser';
import { waitForReady } from './support/editor';
import {
  canvasNode,
  cliRun,
  connect,
  download,
  dragFromPalette,
  dropFiles,
  pipelineOf,
  runsSince,
  runsSoFar,
  settle,
} from './support/user';

const IMAGE = join(REPO, 'test-data/images/dsb2018_512_uint16.tif');
const NUCLEI = join(REPO, 'pipelines/nuclei-count.json');
const MORE = ['xy_8bit__few_touching_nuclei.tif', 'dsb2018_256_uint8.tif'].map((f) => join(REPO, 'test-data/images', f));

let browser: Browser;
beforeAll(async () => {
  browser = await launch({ viewport: { width: 1920, height: 1080 } });
});
afterAll(async () => browser?.close());

/** The ids the palette gave each node, by role in the pipeline. */
const ids: Record<string, string> = {};

describe('building the nuclei pipeline from an empty canvas', () => {
  test('drag eight nodes from the palette and wire them handle to handle', async () => {
    const { page } = browser;
    await page.goto(inject('baseURL'));
    await waitForReady(page);
    await settle(page);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    expect((await pipelineOf(page)).nodes).toHaveLength(0);
    await expect.poll(() => page.getByText('Drag a node from the list on the left').isVisible()).toBe(true);

    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas');
    // two rows of four, far enough apart that previews growing under a node never cover the next row
    const at = (col: number, row: number) => ({ x: pane.x + 150 + col * 320, y: pane.y + 50 + row * 470 });
    const plan: [string, string, number, number][] = [
      ['load', 'Load image', 0, 0],
      ['blur', 'Gaussian blur', 1, 0],
      ['threshold', 'Threshold', 2, 0],
      ['fill', 'Fill holes', 3, 0],
      ['label', 'Label objects', 0, 1],
      ['filter', 'Filter objects by area', 1, 1],
      ['measure', 'Measure objects', 2, 1],
      ['export', 'Export table', 3, 1],
    ];
    for (const [role, label, col, row] of plan) ids[role] = await dragFromPalette(page, label, at(col, row));
    expect(Object.values(ids)).toEqual(['load-image', 'gaussian-blur', 'threshold', 'fill-holes', 'label', 'filter-objects', 'measure-objects', 'export-table']);
    // each node sits where it was dropped (its header under the pointer)
    const loadBox = await canvasNode(page, ids.load).boundingBox();
    expect(Math.abs(loadBox!.x + 110 - at(0, 0).x)).toBeLessThan(4);

    await connect(page, [ids.load, 'image'], [ids.blur, 'image']);
    await connect(page, [ids.blur, 'image'], [ids.threshold, 'image']);
    await connect(page, [ids.threshold, 'mask'], [ids.fill, 'mask']);
    await connect(page, [ids.fill, 'mask'], [ids.label, 'mask']);
    await connect(page, [ids.label, 'labels'], [ids.filter, 'labels']);
    await connect(page, [ids.filter, 'labels'], [ids.measure, 'labels']);
    await connect(page, [ids.load, 'image'], [ids.measure, 'image']);
    await connect(page, [ids.measure, 'table'], [ids.export, 'table']);
    expect((await pipelineOf(page)).edges).toHaveLength(8);
  });

  test('set the params of pipelines/nuclei-count.json in the inspector', async () => {
    const { page } = browser;
    const nuclei = JSON.parse(readFileSync(NUCLEI, 'utf8')) as { nodes: { id: string; params: Record<string, unknown> }[] };
    const paramsOf = (id: string) => nuclei.nodes.find((n) => n.id === id)!.params;

    await canvasNode(page, ids.load).locator('.cg-node-header').click();
    await page.getByLabel('Channels', { exact: true }).selectOption(String(paramsOf('load').channels));
    await canvasNode(page, ids.filter).locator('.cg-node-header').click();
    await page.getByRole('textbox', { name: /^Minimum area/ }).fill(String(paramsOf('filter').min_area));
    await canvasNode(page, ids.export).locator('.cg-node-header').click();
    await page.getByRole('textbox', { name: 'File name' }).fill(String(paramsOf('export').name));
    await page.keyboard.press('Tab');
    const built = await pipelineOf(page);
    const byId = Object.fromEntries(built.nodes.map((n) => [n.id, n.params]));
    expect(byId[ids.load]).toMatchObject(paramsOf('load'));
    expect(byId[ids.blur]).toMatchObject(paramsOf('blur'));
    expect(byId[ids.threshold]).toMatchObject(paramsOf('threshold'));
    expect(byId[ids.label]).toMatchObject(paramsOf('label'));
    expect(byId[ids.filter]).toMatchObject(paramsOf('filter'));
    expect(byId[ids.export]).toMatchObject(paramsOf('export'));
  });

  test('drop an image on the page: the object count shown equals the CLI count', async () => {
    const { page } = browser;
    await dropFiles(page, page.locator('.react-flow__pane'), [IMAGE]);
    await settle(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cellgraph: { session: { getSnapshot(): { sources: { name: string }[]; sourceHash?: string } } } }).__cellgraph.session.getSnapshot().sources.map((s) => s.name))).toContain('dsb2018_512_uint16.tif');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await settle(page);

    const shown = await page.getByTestId(`objects-${ids.filter}`).textContent();
    const cli = cliRun(NUCLEI, IMAGE);
    expect(cli.images[0].status).toBe('ok');
    expect(shown).toBe(`${cli.images[0]['filter.count']} objects`);
    expect(Number(cli.images[0]['filter.count'])).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('threshold-value').first().textContent()).toBe(formatNumber(Number(cli.images[0]['threshold.threshold'])));

    // the file Save writes runs in the CLI with the same count
    const saved = await download(page, () => page.getByRole('button', { name: 'Save pipeline' }).click());
    const file = join(cli.out, saved.name);
    writeFileSync(file, saved.bytes);
    expect(cliRun(file, IMAGE).images[0][`${ids.filter}.count`]).toBe(cli.images[0]['filter.count']);
    await page.getByRole('button', { name: 'Fit view' }).click();
    await screenshot(page, 'built-from-empty');
  });

  test('several images dropped at once on the load node: the first is previewed, the user picks another', async () => {
    const { page } = browser;
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(pane.x + pane.width - 40, pane.y + 20); // nothing selected: the inspector lists the images
    await dropFiles(page, canvasNode(page, ids.load), MORE);
    await settle(page);
    const radio = (file: string) => page.getByRole('radio', { name: new RegExp(file.split('/').pop()!.replace(/\./g, '\\.')) });
    await expect.poll(() => radio(MORE[0]).isChecked()).toBe(true);
    expect(await page.getByTestId(`objects-${ids.filter}`).textContent()).toBe(`${cliRun(NUCLEI, MORE[0]).images[0]['filter.count']} objects`);
    await radio(MORE[1]).check();
    await settle(page);
    expect(await page.getByTestId(`objects-${ids.filter}`).textContent()).toBe(`${cliRun(NUCLEI, MORE[1]).images[0]['filter.count']} objects`);
    await radio(IMAGE).check();
    await settle(page);
  });
});

describe('live re-runs and the cache', () => {
  test('changing the threshold method re-runs only the threshold and what follows it', async () => {
    const { page } = browser;
    const before = await runsSoFar(page);
    await canvasNode(page, ids.threshold).locator('.cg-node-header').click();
    await page.getByLabel('Method', { exact: true }).selectOption('li');
    await settle(page);
    const runs = await runsSince(page, before);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    const last = runs[runs.length - 1];
    expect(last.status).toBe('finished');
    expect(statuses(last.reports)).toEqual({
      [ids.load]: 'cached',
      [ids.blur]: 'cached',
      [ids.threshold]: 'done',
      [ids.fill]: 'done',
      [ids.label]: 'done',
      [ids.filter]: 'done',
      [ids.measure]: 'done',
      [ids.export]: 'done',
    });
    // no run since the change recomputed the upstream nodes
    for (const run of runs) for (const r of run.reports) if (r.id === ids.load || r.id === ids.blur) expect(r.status).toBe('cached');
    const cli = cliRun(NUCLEI, IMAGE, ['--set', 'threshold.method=li']);
    expect(await page.getByTestId(`objects-${ids.filter}`).textContent()).toBe(`${cli.images[0]['filter.count']} objects`);
  });

  test('the table downloads as the same CSV bytes `cellgraph run` writes', async () => {
    const { page } = browser;
    const cli = cliRun(NUCLEI, IMAGE, ['--set', 'threshold.method=li']);
    const csv = await download(page, () => canvasNode(page, ids.export).getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.name).toBe('nuclei.csv');
    const expected = readFileSync(join(cli.out, 'nuclei.csv'));
    expect(csv.bytes.toString('utf8').split('\n').slice(0, 3)).toEqual(expected.toString('utf8').split('\n').slice(0, 3));
    expect(csv.bytes.equals(expected)).toBe(true);
  });

  test('a reload restores the graph and every preview from the cache, recomputing nothing', async () => {
    const { page } = browser;
    const graph = await pipelineOf(page);
    await page.reload();
    await waitForReady(page);
    await settle(page);
    expect(await pipelineOf(page)).toEqual(graph);
    const runs = await runsSince(page, 0);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    for (const run of runs) expect(run.reports.filter((r) => r.status !== 'cached')).toEqual([]);
    expect(runs[runs.length - 1].reports).toHaveLength(8);
    for (const id of Object.values(ids)) {
      await expect.poll(() => canvasNode(page, id).locator('.cg-previews canvas, .cg-previews table').count()).toBeGreaterThan(0);
    }
    await expect.poll(() => page.getByTestId('run-state').textContent()).toMatch(/^0 ran, 8 cached/);
    await screenshot(page, 'reloaded-from-cache');
  });
});

describe('the large viewer', () => {
  test('clicking a preview opens it large, with zoom, pan and the pixel value under the cursor', async () => {
    const { page } = browser;
    const image = decodeImageFile(readFileSync(IMAGE), 'x.tif', { maxPixels: 1e8 });
    await page.getByRole('button', { name: `View ${ids.load} image large` }).click();
    const dialog = page.getByRole('dialog', { name: `${ids.load} image` });
    await dialog.waitFor();
    const viewport = page.getByTestId('viewer-viewport');
    await viewport.locator('canvas').waitFor();
    const box = (await viewport.boundingBox())!;
    const readout = page.getByTestId('pixel-readout');
    const valueAt = async (x: number, y: number) => {
      await page.mouse.move(x, y);
      const text = (await readout.textContent()) ?? '';
      const m = /^x (\d+), y (\d+): (.+)$/.exec(text);
      if (!m) throw new Error(`no pixel readout: '${text}'`);
      return { x: Number(m[1]), y: Number(m[2]), value: m[3] };
    };
    const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const first = await valueAt(mid.x, mid.y);
    expect(first.value).toBe(String(image.data[first.y * image.width + first.x]));
    const corner = await valueAt(mid.x - 37, mid.y + 23);
    expect(corner.value).toBe(String(image.data[corner.y * image.width + corner.x]));

    const zoomText = async () => Number(/zoom (\d+)%/.exec((await dialog.textContent()) ?? '')?.[1]);
    const zoomBefore = await zoomText();
    await page.mouse.move(mid.x, mid.y);
    await page.mouse.wheel(0, -600);
    await expect.poll(zoomText).toBeGreaterThan(zoomBefore * 1.5);
    // zooming keeps the pixel under the cursor
    expect((await valueAt(mid.x, mid.y)).x).toBe(first.x);

    // pan: drag 100 px right, the pixel under the cursor is now one further left
    const zoom = (await zoomText()) / 100;
    await page.mouse.move(mid.x, mid.y);
    await page.mouse.down();
    await page.mouse.move(mid.x + 100, mid.y, { steps: 4 });
    await page.mouse.up();
    const panned = await valueAt(mid.x, mid.y);
    expect(Math.abs(first.x - panned.x - 100 / zoom)).toBeLessThanOrEqual(1.5);
    expect(panned.value).toBe(String(image.data[panned.y * image.width + panned.x]));
    await screenshot(page, 'viewer');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

