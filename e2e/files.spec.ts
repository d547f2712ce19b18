// Files in and out: an invalid pipeline file lists every problem and leaves the graph alone; Save
// then Open gives back the same file; Examples; a share link carries the whole pipeline.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Pipeline } from '../src/core/pipeline';
import { launch, REPO, screenshot, type Browser } from './support/browser';
import { waitForReady } from './support/editor';
import { canvasNode, cliRun, download, dropFiles, openEditor, openPipelineFile, pipelineOf, runsSince, runsSoFar, settle } from './support/user';

let browser: Browser;
beforeAll(async () => {
  browser = await openEditor();
});
afterAll(async () => browser?.close());

const BROKEN = `{
  "format": "cellgraph-pipeline", "version": 1, "name": "Broken",
  "nodes": [
    { "id": "load", "type": "load-image", "params": {} },
    { "id": "blur", "type": "gaussian-blur", "params": { "sigma": -3 } },
    { "id": "magic", "type": "make-it-work", "params": {} }
  ],
  "edges": [
    { "from": { "node": "load", "port": "image" }, "to": { "node": "blur", "port": "image" } },
    { "from": { "node": "blur", "port": "image" }, "to": { "node": "nowhere", "port": "image" } }
  ]
}`;

describe('opening files', () => {
  test('an invalid pipeline shows every problem and leaves the current graph untouched', async () => {
    const { page } = browser;
    const before = await pipelineOf(page);
    expect(before.name).toBe('Nuclei count');
    await openPipelineFile(page, 'broken.json', BROKEN);
    const dialog = page.getByRole('alertdialog', { name: 'Cannot open broken.json' });
    await dialog.waitFor();
    const problems = await dialog.getByRole('listitem').allTextContents();
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/node 'blur', param 'sigma'/);
    expect(problems.join('\n')).toMatch(/unknown node type 'make-it-work'/);
    expect(problems.join('\n')).toMatch(/no node 'nowhere'/);
    await screenshot(page, 'invalid-file');
    expect(await pipelineOf(page)).toEqual(before);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // not JSON at all: where it broke, and still nothing changed
    await openPipelineFile(page, 'truncated.json', '{ "format": "cellgraph-pipeline", "version": 1, "nodes": [ }');
    const second = page.getByRole('alertdialog', { name: 'Cannot open truncated.json' });
    await expect.poll(() => second.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/line 1, column \d+: invalid JSON/)]);
    await page.keyboard.press('Enter'); // the dialog's Close button has the focus
    await expect.poll(() => second.count()).toBe(0);
    expect(await pipelineOf(page)).toEqual(before);
  });

  test('Save downloads the pipeline; opening that file and saving again gives the same bytes', async () => {
    const { page } = browser;
    // make it differ from the example: move a node and change a param
    const blur = canvasNode(page, 'blur').locator('.cg-node-header');
    const box = (await blur.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 45, { steps: 5 });
    await page.mouse.up();
    await blur.click();
    await page.getByRole('textbox', { name: /^Sigma/ }).fill('3.5');
    await page.getByRole('textbox', { name: /^Sigma/ }).press('Tab');
    const edited = await pipelineOf(page);
    expect(edited.nodes.find((n) => n.id === 'blur')!.params.sigma).toBe(3.5);

    const first = await download(page, () => page.getByRole('button', { name: 'Save pipeline' }).click());
    expect(first.name).toBe('nuclei-count.json');
    const saved = JSON.parse(first.bytes.toString('utf8')) as Pipeline;
    expect(saved.nodes.map((n) => n.id)).toEqual(edited.nodes.map((n) => n.id));

    // start over from an empty canvas, then open the saved file
    await page.getByRole('button', { name: 'New', exact: true }).click();
    expect((await pipelineOf(page)).nodes).toHaveLength(0);
    await openPipelineFile(page, first.name, first.bytes.toString('utf8'));
    await expect.poll(async () => (await pipelineOf(page)).nodes.length).toBe(edited.nodes.length);
    expect(await pipelineOf(page)).toEqual(edited);
    const second = await download(page, () => page.getByRole('button', { name: 'Save pipeline' }).click());
    expect(second.bytes.toString('utf8')).toBe(first.bytes.toString('utf8'));
    expect(second.bytes.equals(first.bytes)).toBe(true);

    // and a pipeline file dropped on the canvas opens too
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const path = join(REPO, 'pipelines/nuclei-count.json');
    await dropFiles(page, page.locator('.react-flow__pane'), [path]);
    await settle(page);
    const dropped = await pipelineOf(page);
    const original = JSON.parse(readFileSync(path, 'utf8')) as Pipeline;
    expect(dropped.nodes.map((n) => [n.id, n.type])).toEqual(original.nodes.map((n) => [n.id, n.type]));
    // the file's params, with the defaults it left out written in
    dropped.nodes.forEach((n, i) => expect(n.params).toMatchObject(original.nodes[i].params));
    expect(dropped.edges).toEqual(original.edges);
  });

  test('the Examples menu lists pipelines/*.json and opens one', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Examples' }).click();
    const items = page.getByRole('menuitem');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('menuitem', { name: /image-stats\.json/ }).click();
    await expect.poll(async () => (await pipelineOf(page)).name).toBe('Image statistics');
    await settle(page);
  });
});

describe('share links', () => {
  test('a copied share link opens the same pipeline, in this tab and in a fresh browser', async () => {
    const { page } = browser;
    // the nuclei example with one change, so the link cannot be mistaken for a default
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /nuclei-count\.json/ }).click();
    await canvasNode(page, 'filter').locator('.cg-node-header').click();
    await page.getByRole('textbox', { name: /^Minimum area/ }).fill('55');
    await page.getByRole('textbox', { name: /^Minimum area/ }).press('Tab');
    const shared = await pipelineOf(page);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.getByText('Share link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#pipeline=[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(4000);

    // same tab: open something else, then paste the link in the address bar
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /image-stats\.json/ }).click();
    await expect.poll(async () => (await pipelineOf(page)).name).toBe('Image statistics');
    await page.goto(link);
    await expect.poll(async () => (await pipelineOf(page)).nodes.find((n) => n.id === 'filter')?.params.min_area).toBe(55);
    expect(withoutUi(await pipelineOf(page))).toEqual(withoutUi(shared));
    // the fragment is dropped once read, so a reload keeps later edits
    expect(new URL(page.url()).hash).toBe('');

    // a browser that has never seen the editor
    const other = await launch();
    try {
      await other.page.goto(link);
      await waitForReady(other.page);
      expect(withoutUi(await pipelineOf(other.page))).toEqual(withoutUi(shared));
      await settle(other.page);
      await expect.poll(() => other.page.getByTestId('objects-filter').textContent()).toMatch(/^\d+ objects$/);
    } finally {
      await other.close();
    }
  });
});

function withoutUi(p: Pipeline): Omit<Pipeline, 'ui'> {
  const { ui: _ui, ...rest } = p;
  return rest;
}

describe('image downloads', () => {
  test('an image downloaded from the viewer is the file `cellgraph run` writes for it', async () => {
    const { page } = browser;
    const nuclei = JSON.parse(readFileSync(join(REPO, 'pipelines/nuclei-count.json'), 'utf8')) as Pipeline;
    const withSave: Pipeline = {
      ...nuclei,
      name: 'Nuclei masks',
      nodes: [...nuclei.nodes, { id: 'save', type: 'save-image', params: { name: 'masks', format: 'tiff' }, position: { x: 1040, y: 360 } }],
      edges: [...nuclei.edges, { from: { node: 'fill', port: 'mask' }, to: { node: 'save', port: 'image' } }],
    };
    await openPipelineFile(page, 'nuclei-masks.json', JSON.stringify(withSave));
    await settle(page);
    await page.getByRole('button', { name: 'View save image large' }).click();
    await page.getByRole('dialog', { name: 'save image' }).waitFor();
    const file = await download(page, () => page.getByRole('dialog').getByRole('button', { name: 'Download' }).click());
    await page.keyboard.press('Escape');

    const image = join(REPO, 'test-data/images/dsb2018_256_uint8.tif'); // the same bytes as the editor's sample
    expect(readFileSync(image).equals(readFileSync(join(REPO, 'public/samples/dsb2018_256_uint8.tif')))).toBe(true);
    const pipelineFile = join(mkdtempSync(join(tmpdir(), 'cellgraph-e2e-')), 'nuclei-masks.json');
    writeFileSync(pipelineFile, JSON.stringify(withSave));
    const cli = cliRun(pipelineFile, image);
    expect(file.name).toBe('masks_dsb2018_256_uint8.tif');
    expect(file.bytes.equals(readFileSync(join(cli.out, 'masks', 'dsb2018_256_uint8.tif')))).toBe(true);
  });
});

describe('a bad image', () => {
  test('a file that is not an image fails in the load node with one line; later nodes are blocked; another image recovers', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /nuclei-count\.json/ }).click();
    await settle(page);
    const broken = join(mkdtempSync(join(tmpdir(), 'cellgraph-e2e-')), 'broken.tif');
    writeFileSync(broken, Buffer.from('II*\0 this is not really a TIFF'));
    await dropFiles(page, page.locator('.react-flow__pane'), [broken]);
    await settle(page);
    const load = canvasNode(page, 'load').locator('.cg-node');
    await expect.poll(() => load.getAttribute('data-status')).toBe('error');
    const message = (await load.locator('.cg-node-message').textContent()) ?? '';
    expect(message).toMatch(/truncated|TIFF|image/i);
    expect(message).not.toMatch(/\n|at .*\.js/);
    expect(await canvasNode(page, 'export').locator('.cg-node').getAttribute('data-status')).toBe('blocked');
    expect(await page.getByTestId('run-state').textContent()).toMatch(/^0 ran, 0 cached, 1 failed, 7 blocked/);
    await screenshot(page, 'bad-image');

    await page.mouse.click(20 + (await page.locator('.react-flow__pane').boundingBox())!.x, 20 + (await page.locator('.react-flow__pane').boundingBox())!.y);
    await page.getByRole('radio', { name: /dsb2018_256_uint8\.tif/ }).check();
    await settle(page);
    await expect.poll(() => load.getAttribute('data-status')).toMatch(/^(done|cached)$/);
    expect(await page.getByTestId('objects-filter').textContent()).toMatch(/^\d+ objects$/);
  });

  test('an image file changed on disk after it was added is not read (the browser refuses): one line says to add it again; added again, it runs', async () => {
    const { page } = browser;
    const images = page.getByRole('region', { name: 'Images' });
    const dir = mkdtempSync(join(tmpdir(), 'cellgraph-e2e-'));
    const file = join(dir, 'changing.tif');
    const other = join(dir, 'other.tif');
    writeFileSync(file, readFileSync(join(REPO, 'test-data/images/blobs.tif')));
    writeFileSync(other, readFileSync(join(REPO, 'test-data/images/dsb2018_512_uint16.tif')));
    await page.getByLabel('Add images').setInputFiles([file, other]);
    await settle(page);
    // the worker keeps the file it read last; another file is read last
    await images.getByRole('radio', { name: /other\.tif/ }).check();
    await settle(page);
    // the microscope software (or the user) rewrites the file: the editor holds no copy of it
    writeFileSync(file, readFileSync(join(REPO, 'test-data/images/xy_8bit__few_touching_nuclei.tif')));
    await images.getByRole('radio', { name: /changing\.tif/ }).check();
    await settle(page);
    await expect.poll(() => page.locator('.cg-notice.error').allTextContents()).toContainEqual(
      expect.stringContaining('the image changing.tif is no longer stored, or its file was changed, moved or deleted since it was added; add it again'),
    );
    await screenshot(page, 'changed-file');
    await page.getByLabel('Add images').setInputFiles([file]);
    await settle(page);
    const load = canvasNode(page, 'load').locator('.cg-node');
    await expect.poll(() => load.getAttribute('data-status')).toMatch(/^(done|cached)$/);
    expect(await page.getByTestId('objects-filter').textContent()).toMatch(/^\d+ objects$/);
  });
});


describe('cancelling a run', () => {
  test('"Cancel run" stops a long run after the node in progress: later nodes are not computed, and the next run starts from the cache', async () => {
    const { page } = browser;
    const slow: Pipeline = {
      format: 'cellgraph-pipeline',
      version: 1,
      name: 'Slow backgrounds',
      description: 'The sample image enlarged to 512 × 512, then two wide rolling balls in a row, each a few seconds.',
      nodes: [
        { id: 'load', type: 'load-image', params: { channels: 'keep' }, position: { x: 0, y: 0 } },
        { id: 'large', type: 'resize', params: { method: 'bilinear', scale: 2 }, position: { x: 150, y: 0 } },
        { id: 'first', type: 'rolling-ball', params: { radius: 100, light: false }, position: { x: 300, y: 0 } },
        { id: 'second', type: 'rolling-ball', params: { radius: 99, light: false }, position: { x: 600, y: 0 } },
        { id: 'stats', type: 'measure-image', params: {}, position: { x: 900, y: 0 } },
      ],
      edges: [
        { from: { node: 'load', port: 'image' }, to: { node: 'large', port: 'image' } },
        { from: { node: 'large', port: 'image' }, to: { node: 'first', port: 'image' } },
        { from: { node: 'first', port: 'image' }, to: { node: 'second', port: 'image' } },
        { from: { node: 'second', port: 'image' }, to: { node: 'stats', port: 'image' } },
      ],
    };
    const before = await runsSoFar(page);
    await openPipelineFile(page, 'slow.json', JSON.stringify(slow));
    const status = (id: string) => canvasNode(page, id).locator('.cg-node').getAttribute('data-status');
    await expect.poll(() => status('first'), { timeout: 30_000, interval: 20 }).toBe('running');
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await expect.poll(() => page.getByText('Run cancelled').isVisible()).toBe(true);
    expect(await runsSince(page, before)).toEqual([]); // the cancelled run reports nothing
    expect(await status('second')).toBe('idle');
    expect(await status('stats')).toBe('idle');
    // Run again: it waits for the cancelled run to stop. What finished before the cancel ('first')
    // comes from the cache; 'second' had not been computed, so it runs now
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await runsSince(page, before)).length, { timeout: 60_000 }).toBe(1);
    await settle(page);
    const [run] = await runsSince(page, before);
    expect(run.status).toBe('finished');
    expect(Object.fromEntries(run.reports.map((r) => [r.id, r.status]))).toEqual({ load: 'cached', large: 'cached', first: 'cached', second: 'done', stats: 'done' });
    expect(await status('stats')).toBe('done');
  });
});
