// Stacks, metadata and series in the editor: examples open on the sample they need, a stack's
// previews follow the chosen plane, the inspector shows a result's metadata and provenance, tables
// of series over planes are plotted, and the file-name pattern is tried on the loaded names as typed.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO, screenshot, type Browser } from './support/browser';
import { lastRun, waitForReady } from './support/editor';
import { canvasNode, cliRun, download, dropFiles, openEditor, openExample as openExampleIn, openPipelineFile, pipelineOf, runsSince, runsSoFar, settle } from './support/user';
import type { Pipeline } from '../src/core/pipeline';
import { createImage } from '../src/core/image';
import { encodeTiff } from '../src/io/tiff-encode';
import { readEmbeddedPipeline } from '../src/io/embedded-provenance';

let browser: Browser;
beforeAll(async () => {
  browser = await openEditor();
});
afterAll(async () => browser?.close());

const SPOTS = 'xyz_16bit__spots.ome.tif';

const openExample = (file: string) => openExampleIn(browser.page, file);

const selectedImage = () => browser.page.locator('.cg-images input[type="radio"]:checked').locator('xpath=..').textContent();

describe('stacks in the editor', () => {
  test('the z-projection example opens on the z-stack sample; previews follow the plane chosen; the inspector shows metadata and provenance', async () => {
    const { page } = browser;
    await openExample('z-projection.json');
    expect(await selectedImage()).toContain(SPOTS);
    const load = canvasNode(page, 'load');
    await expect.poll(() => load.locator('.cg-preview-caption').first().textContent()).toContain('89×88×17 uint16');
    await expect.poll(() => canvasNode(page, 'project').locator('.cg-node-header').textContent()).toContain('done');

    // select the load node: its metadata, then move its plane slider
    await load.locator('.cg-node-header').click();
    const meta = page.getByTestId('metadata-image');
    await expect.poll(() => meta.textContent()).toContain(`Source file${SPOTS}`);
    const text = (await meta.textContent())!;
    expect(text).toContain('Size89 × 88 px, 17 planes');
    expect(text).toMatch(/Pixel sizex 0\.0941\d*, y 0\.0941\d*, z 0\.4 µm/);
    expect(text).toMatch(/Value range\d+ – \d+/);
    await page.getByRole('slider', { name: 'Plane of load image' }).fill('9');
    await expect.poll(() => page.getByTestId('plane-load-image').first().textContent()).toBe('plane 10/17');
    await expect.poll(() => load.locator('.cg-preview-raster').getAttribute('data-plane')).toBe('9');
    // the large viewer opens on that plane
    await load.getByRole('button', { name: 'View load image large' }).click();
    const viewer = page.getByRole('dialog', { name: 'load image' });
    await expect.poll(() => viewer.getByRole('slider', { name: 'Plane of load image' }).inputValue()).toBe('9');
    await screenshot(page, 'stack-viewer');
    // '.' steps to the next plane, as in ImageJ; the node preview follows
    await page.keyboard.press('.');
    await expect.poll(() => page.getByTestId('plane-load-image').first().textContent()).toBe('plane 11/17');
    await page.keyboard.press('Escape');

    // a result's provenance: the nodes that made it and the input file
    await canvasNode(page, 'stats').locator('.cg-node-header').click();
    const stats = page.getByTestId('metadata-table');
    await stats.getByText(/^Provenance: 3 steps/).click();
    await expect.poll(() => stats.locator('.cg-provenance li').allTextContents()).toEqual([
      expect.stringMatching(/^load load-image v1/),
      expect.stringMatching(/^project project v1 \{"method":"max"\}/),
      expect.stringMatching(/^stats measure-image v1/),
    ]);
    expect(await stats.textContent()).toContain(`Input file:${SPOTS}`);
    expect(await stats.textContent()).toContain('Pipeline Z projection');
    await screenshot(page, 'metadata-inspector');

    // renaming the pipeline recomputes nothing, but the provenance shown and the files downloaded take the new name
    const runs = await runsSoFar(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(pane.x + pane.width - 40, pane.y + 20);
    await page.getByRole('region', { name: 'Pipeline' }).getByLabel('Name').fill('Spots, renamed');
    await settle(page);
    const [rerun, ...more] = await runsSince(page, runs);
    expect(more).toEqual([]);
    expect(new Set(rerun.reports.map((r) => r.status))).toEqual(new Set(['cached']));
    await canvasNode(page, 'stats').locator('.cg-node-header').click();
    await page.getByTestId('metadata-table').getByText(/^Provenance: 3 steps/).click();
    await expect.poll(() => page.getByTestId('metadata-table').textContent()).toContain('Pipeline Spots, renamed');
    // moving a node re-runs nothing either, but the exported pipeline has the layout on the screen
    const header = canvasNode(page, 'stats').locator('.cg-node-header');
    const at = (await header.boundingBox())!;
    await page.mouse.move(at.x + 20, at.y + 8);
    await page.mouse.down();
    await page.mouse.move(at.x + 120, at.y + 88, { steps: 5 });
    await page.mouse.up();
    await settle(page);
    const moved = await pipelineOf(page);
    const original = JSON.parse(readFileSync(join(REPO, 'pipelines/z-projection.json'), 'utf8')) as Pipeline;
    expect(moved.nodes.find((n) => n.id === 'stats')!.position).not.toEqual(original.nodes.find((n) => n.id === 'stats')!.position);
    await page.getByRole('button', { name: 'View save image large' }).click();
    const file = await download(page, () => page.getByRole('dialog').getByRole('button', { name: 'Download' }).click());
    await page.keyboard.press('Escape');
    const embedded = readEmbeddedPipeline(file.bytes, file.name).pipeline as Pipeline;
    expect(embedded.name).toBe('Spots, renamed');
    expect(embedded.nodes.map((n) => [n.id, n.position])).toEqual(moved.nodes.map((n) => [n.id, n.position]));
  });

  test('the two-channel example opens on the 2-channel sample and runs through; the nuclei example goes back to the default sample', async () => {
    const { page } = browser;
    await openExample('cells-two-channel.json');
    expect(await selectedImage()).toContain('xyc_16bit__nuclei_tubulin_crop.tif');
    const run = await lastRun(page);
    expect(run.error).toBeUndefined();
    expect(new Set(run.reports.map((r) => r.status))).toEqual(new Set(['done']));
    expect(run.reports).toHaveLength((await pipelineOf(page)).nodes.length);
    // a param naming a column offers the number columns of the table wired to it
    await canvasNode(page, 'nc_ratio').locator('.cg-node-header').click();
    const optionsOf = (key: string) => page.getByTestId(`columns-${key}`).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const columnsA = await optionsOf('a');
    expect(columnsA).toEqual(expect.arrayContaining(['label', 'area', 'mean_intensity_tubulin', 'mean_intensity_DNA']));
    expect(columnsA).not.toContain('tubulin_nucleus_to_cytoplasm'); // its own output is not offered
    expect(await optionsOf('b')).toEqual(expect.arrayContaining(['mean_intensity_tubulin']));
    await page.keyboard.press('Escape');
    await openExample('nuclei-count.json');
    expect(await selectedImage()).toContain('dsb2018_256_uint8.tif');
  });

  test('summarize offers its table\'s columns as buttons: a click adds one, and the summary gains its statistics', async () => {
    const { page } = browser;
    await openExample('nuclei-declump.json');
    await canvasNode(page, 'summarize').locator('.cg-node-header').click();
    expect(await page.getByTestId('aliases').textContent()).toBe('In CellProfiler / Fiji: ExportToSpreadsheet (per image), Summarize');
    const buttons = page.getByRole('group', { name: 'Columns for Columns' });
    expect(await buttons.getByRole('button', { name: 'area', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await buttons.getByRole('button', { name: 'solidity', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await buttons.getByRole('button', { name: 'solidity', exact: true }).click();
    await settle(page);
    expect((await pipelineOf(page)).nodes.find((n) => n.id === 'summarize')!.params.columns).toBe('area, mean_intensity, solidity');
    await buttons.getByRole('button', { name: 'solidity', exact: true }).click(); // already there: no change
    expect((await pipelineOf(page)).nodes.find((n) => n.id === 'summarize')!.params.columns).toBe('area, mean_intensity, solidity');
    const summary = canvasNode(page, 'export_summary');
    await expect.poll(() => summary.locator('th').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('solidity_mean')]));
    await page.keyboard.press('Escape');
  });

  test('focus-stack: the index map in plane colours with its legend; the focus score plotted over planes', async () => {
    const { page } = browser;
    await openExample('focus-stack.json');
    const edf = canvasNode(page, 'edf');
    await expect.poll(() => edf.locator('.cg-legend').getAttribute('aria-label')).toBe('Colour scale: plane 0 to 16');
    const plot = canvasNode(page, 'scores').getByTestId('series-plot');
    await expect.poll(() => plot.getAttribute('data-lines')).toBe('1');
    expect(await plot.locator('figcaption').textContent()).toContain('focus_score');
    await screenshot(page, 'focus-stack');
  });

  test('measure-over-planes and pixel-series tables get a line plot per object / pixel', async () => {
    const { page } = browser;
    await openPipelineFile(page, 'series.json', JSON.stringify({
      format: 'cellgraph-pipeline', version: 1, name: 'Series',
      nodes: [
        { id: 'load', type: 'load-image', params: {}, position: { x: 0, y: 0 } },
        { id: 'project', type: 'project', params: { method: 'max' }, position: { x: 260, y: 0 } },
        { id: 'threshold', type: 'threshold', params: {}, position: { x: 520, y: 0 } },
        { id: 'label', type: 'label', params: {}, position: { x: 780, y: 0 } },
        { id: 'series', type: 'measure-over-planes', params: {}, position: { x: 1040, y: 0 } },
        { id: 'pixels', type: 'pixel-series', params: {}, position: { x: 1040, y: 400 } },
      ],
      edges: [
        { from: { node: 'load', port: 'image' }, to: { node: 'project', port: 'image' } },
        { from: { node: 'project', port: 'image' }, to: { node: 'threshold', port: 'image' } },
        { from: { node: 'threshold', port: 'mask' }, to: { node: 'label', port: 'mask' } },
        { from: { node: 'label', port: 'labels' }, to: { node: 'series', port: 'labels' } },
        { from: { node: 'load', port: 'image' }, to: { node: 'series', port: 'image' } },
        { from: { node: 'threshold', port: 'mask' }, to: { node: 'pixels', port: 'mask' } },
        { from: { node: 'load', port: 'image' }, to: { node: 'pixels', port: 'image' } },
      ],
    }));
    await settle(page);
    const objects = Number(await canvasNode(page, 'label').getByTestId('objects-label').getAttribute('data-count'));
    expect(objects).toBeGreaterThan(1);
    const plot = canvasNode(page, 'series').getByTestId('series-plot');
    await expect.poll(() => plot.getAttribute('data-lines')).toBe(String(Math.min(objects, 12)));
    expect(await plot.locator('figcaption').textContent()).toContain('mean_intensity');
    const pixels = canvasNode(page, 'pixels').getByTestId('series-plot');
    await expect.poll(() => pixels.locator('path').count()).toBe(12);
    await screenshot(page, 'series-plots');
  });

  test('metadata-from-filename: the pattern is tried on the loaded file names as it is typed', async () => {
    const { page } = browser;
    const dir = mkdtempSync(join(tmpdir(), 'cellgraph-names-'));
    const named = ['P1_B03_s2.tif', 'P1_C11_s1.tif', 'overview.tif'].map((n) => {
      copyFileSync(join(REPO, 'test-data/images/dsb2018_256_uint8.tif'), join(dir, n));
      return join(dir, n);
    });
    await openPipelineFile(page, 'names.json', JSON.stringify({
      format: 'cellgraph-pipeline', version: 1, name: 'Names',
      nodes: [
        { id: 'load', type: 'load-image', params: {} },
        { id: 'stats', type: 'measure-image', params: {} },
        { id: 'names', type: 'metadata-from-filename', params: {} },
      ],
      edges: [
        { from: { node: 'load', port: 'image' }, to: { node: 'stats', port: 'image' } },
        { from: { node: 'stats', port: 'table' }, to: { node: 'names', port: 'table' } },
      ],
    }));
    // the same bytes under three names: only the first is added (images are kept by content)
    await dropFiles(page, page.locator('.react-flow__pane'), [named[0]]);
    await settle(page);
    await canvasNode(page, 'names').locator('.cg-node-header').click();
    const preview = page.getByRole('region', { name: 'Pattern on the loaded file names' });
    const row = preview.locator('tr', { hasText: 'P1_B03_s2.tif' });
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['P1_B03_s2.tif', 'P1', 'B03', '2']);
    await expect.poll(() => preview.locator('tr', { hasText: SPOTS }).textContent()).toContain('no match');

    const pattern = page.getByRole('textbox', { name: /^Pattern/ });
    await pattern.fill('(?<plate>P\\d+)_(?<row>[A-P])');
    await expect.poll(() => preview.locator('thead th').allTextContents()).toEqual(['file', 'plate', 'row']);
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['P1_B03_s2.tif', 'P1', 'B']);
    await pattern.fill('(?<plate>P\\d+');
    await expect.poll(() => preview.getByRole('alert').textContent()).toMatch(/^the pattern is not a valid regular expression/);
    await screenshot(page, 'filename-pattern');
    await pattern.fill('(?<plate>P\\d+)_');
    await settle(page);
    expect((await pipelineOf(page)).nodes.find((n) => n.id === 'names')!.params.pattern).toBe('(?<plate>P\\d+)_');
  });

  test('several dropped images used as one stack, ordered by name', async () => {
    const { page } = browser;
    await openExample('z-projection.json');
    const dir = mkdtempSync(join(tmpdir(), 'cellgraph-stack-'));
    // three 24×16 planes of 10, 20 and 30, dropped out of order
    const paths = [2, 0, 1].map((z) => {
      const path = join(dir, `cells_z${z}.tif`);
      writeFileSync(path, encodeTiff(createImage({ width: 24, height: 16 }, 'uint8', new Uint8Array(24 * 16).fill(10 * (z + 1)))));
      return path;
    });
    await dropFiles(page, page.locator('.react-flow__pane'), paths);
    await settle(page);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } }); // nothing selected: the images panel shows
    await page.getByRole('checkbox', { name: 'Use these files as one stack, ordered by name' }).check();
    await settle(page);
    // every loaded image is a plane: with the samples still listed, the sizes differ, said in one line
    await expect.poll(() => canvasNode(page, 'load').locator('.cg-node-message').textContent()).toMatch(/every image of a stack must have the same size, channels and type/);
    const images = page.getByRole('region', { name: 'Images' });
    // take the other images (the samples, earlier drops) off the list
    const others = images.getByRole('button', { name: /^Remove (?!cells_z)/ });
    while ((await others.count()) > 0) await others.first().click();
    await settle(page);
    expect(await images.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^0cells_z0\.tif/),
      expect.stringMatching(/^1cells_z1\.tif/),
      expect.stringMatching(/^2cells_z2\.tif/),
    ]);
    expect(await page.getByTestId('stack-summary').textContent()).toBe('Stack cells: 3 files → planes 0–2');
    const load = canvasNode(page, 'load');
    await expect.poll(() => load.locator('.cg-preview-caption').first().textContent()).toContain('24×16×3 uint8');
    // the projection of planes 10, 20, 30 is 30 everywhere
    await canvasNode(page, 'stats').locator('.cg-node-header').click();
    await expect.poll(() => page.getByTestId('metadata-table').textContent()).toContain('Source filecells');
    const table = page.locator('.cg-inspector .cg-preview-table table');
    const header = await table.locator('thead th').allTextContents();
    const row = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(row[header.findIndex((h) => h.startsWith('max'))]).toBe('30');
    await screenshot(page, 'stack-of-files');
    // a reload keeps the stack (and takes it from the cache)
    await page.reload();
    await waitForReady(page);
    await settle(page);
    expect(await page.getByTestId('stack-summary').textContent()).toBe('Stack cells: 3 files → planes 0–2');
    expect(new Set((await lastRun(page)).reports.map((r) => r.status))).toEqual(new Set(['cached']));
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.getByRole('checkbox', { name: 'Use these files as one stack, ordered by name' }).uncheck();
    await settle(page);
  });

  test('one file per channel used as the channels of one image (the runner\'s --channels)', async () => {
    const { page } = browser;
    await openExample('image-stats.json');
    const dir = mkdtempSync(join(tmpdir(), 'cellgraph-channels-'));
    // CellProfiler's ExampleHuman field under its microscope's names: DNA, pH3, cells
    const paths = ['examplehuman_cell_d2.tif', 'examplehuman_dna_packbits.tif', 'examplehuman_ph3_d1.tif'].map((f) => {
      const path = join(dir, `AS_09125_050116030001_D03f00d${f.includes('dna') ? 0 : f.includes('ph3') ? 1 : 2}.tif`);
      copyFileSync(join(REPO, 'test-data/images', f), path);
      return path;
    });
    await dropFiles(page, page.locator('.react-flow__pane'), paths);
    await settle(page);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    const images = page.getByRole('region', { name: 'Images' });
    const others = images.getByRole('button', { name: /^Remove (?!AS_09125)/ });
    while ((await others.count()) > 0) await others.first().click();
    await settle(page);
    await page.getByRole('checkbox', { name: 'Use these files as the channels of one image, ordered by name' }).check();
    await settle(page);
    expect(await page.getByRole('checkbox', { name: 'Use these files as one stack, ordered by name' }).isChecked()).toBe(false);
    expect(await images.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^1AS_09125_050116030001_D03f00d0\.tif/),
      expect.stringMatching(/^2AS_09125_050116030001_D03f00d1\.tif/),
      expect.stringMatching(/^3AS_09125_050116030001_D03f00d2\.tif/),
    ]);
    expect(await page.getByTestId('stack-summary').textContent()).toBe('Image AS_09125_050116030001_D03f00d: 3 files → channels 1–3');
    await expect.poll(() => canvasNode(page, 'load').locator('.cg-preview-caption').first().textContent()).toContain('3 ch');
    const stats = canvasNode(page, 'stats');
    await expect.poll(async () => {
      const header = await stats.locator('thead th').allTextContents();
      const row = await stats.locator('tbody tr').first().locator('td').allTextContents();
      return [row[header.findIndex((h) => h.startsWith('planes'))], row[header.findIndex((h) => h.startsWith('channels'))]];
    }).toEqual(['1', '3']);
    // a reload keeps the mode; switching to a stack makes the same files planes
    await page.reload();
    await waitForReady(page);
    await settle(page);
    expect(await page.getByTestId('stack-summary').textContent()).toBe('Image AS_09125_050116030001_D03f00d: 3 files → channels 1–3');
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.getByRole('checkbox', { name: 'Use these files as one stack, ordered by name' }).check();
    await settle(page);
    expect(await page.getByTestId('stack-summary').textContent()).toBe('Stack AS_09125_050116030001_D03f00d: 3 files → planes 0–2');
    await expect.poll(() => canvasNode(page, 'load').locator('.cg-preview-caption').first().textContent()).toContain('512×512×3');
    await page.getByRole('checkbox', { name: 'Use these files as one stack, ordered by name' }).uncheck();
    await settle(page);
  });

  test('only the checked images form the stack: three of a plate\'s files as channels, the others left listed; the choice survives a reload', async () => {
    const { page } = browser;
    await openExample('image-stats.json');
    const dir = mkdtempSync(join(tmpdir(), 'cellgraph-choice-'));
    // two wells of a plate, one file per channel, each 24×16 file all one value: B03 10, 20, 30; C04 200, 210
    const drop = async (files: Record<string, number>) => {
      const paths = Object.entries(files).map(([name, value]) => {
        const path = join(dir, name);
        writeFileSync(path, encodeTiff(createImage({ width: 24, height: 16 }, 'uint8', new Uint8Array(24 * 16).fill(value))));
        return path;
      });
      await dropFiles(page, page.locator('.react-flow__pane'), paths);
      await settle(page);
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    };
    await drop({ 'plate_C04_c1.tif': 210, 'plate_B03_c2.tif': 30, 'plate_B03_c0.tif': 10, 'plate_C04_c0.tif': 200, 'plate_B03_c1.tif': 20 });
    const images = page.getByRole('region', { name: 'Images' });
    const channelsToggle = page.getByRole('checkbox', { name: 'Use these files as the channels of one image, ordered by name' });
    const perImage = images.getByRole('checkbox', { name: /^Use .* as a channel$/ });
    const box = (name: string) => images.getByRole('checkbox', { name: `Use ${name} as a channel`, exact: true });
    const summary = page.getByTestId('stack-summary');
    const problem = page.getByTestId('stack-problem');
    const load = canvasNode(page, 'load');
    const stats = canvasNode(page, 'stats');
    const statsOf = async (...columns: string[]) => {
      const header = await stats.locator('thead th').allTextContents();
      const row = await stats.locator('tbody tr').first().locator('td').allTextContents();
      return columns.map((c) => row[header.findIndex((h) => h.startsWith(c))]);
    };
    // one image at a time (as before): a radio per image, nothing to check
    const listed = await images.getByRole('listitem').count();
    expect(listed).toBeGreaterThan(5); // the samples and the earlier specs' files are listed too
    expect(await images.getByRole('radio').count()).toBe(listed);
    expect(await perImage.count()).toBe(0);

    await channelsToggle.check();
    await settle(page);
    // every listed image starts checked
    expect(await perImage.count()).toBe(listed);
    expect(await images.getByRole('checkbox', { name: /^Use .* as a channel$/, checked: true }).count()).toBe(listed);
    expect(await summary.textContent()).toMatch(new RegExp(`: ${listed} files → channels 1–${listed}$`));
    // leave out all but well B03
    for (const other of await images.getByRole('checkbox', { name: /^Use (?!plate_B03_).* as a channel$/ }).all()) await other.uncheck();
    await settle(page);
    const plateRows = async () => (await images.getByRole('listitem').allTextContents()).filter((t) => t.includes('plate_')).map((t) => t.replace(/ \(.*$/, ''));
    expect(await plateRows()).toEqual(['1plate_B03_c0.tif', '2plate_B03_c1.tif', '3plate_B03_c2.tif', 'plate_C04_c0.tif', 'plate_C04_c1.tif']);
    expect(await summary.textContent()).toBe('Image plate_B03_c: 3 files → channels 1–3');
    expect(await images.getByText(/^Only the checked images are used, in name order/).count()).toBe(1);
    await expect.poll(() => load.locator('.cg-preview-caption').first().textContent()).toContain('24×16');
    expect(await load.locator('.cg-preview-caption').first().textContent()).toContain('3 ch');
    // only B03's files: channels of 10, 20 and 30
    await expect.poll(() => statsOf('planes', 'channels', 'min', 'max', 'mean')).toEqual(['1', '3', '10', '30', '20']);
    await load.locator('.cg-node-header').click();
    await expect.poll(() => page.getByTestId('metadata-image').textContent()).toContain('Source fileplate_B03_c');
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await screenshot(page, 'stack-choice');

    // fewer than 2 checked: said in the panel and on the nodes, and nothing runs (not a 1-file "stack")
    await images.getByRole('button', { name: 'Uncheck all' }).click();
    await settle(page);
    expect(await problem.textContent()).toBe('Check at least 2 images to use them as the channels of one image (0 checked): nothing runs until then. To run on one image, untick “Use these files as the channels of one image”.');
    expect(await summary.count()).toBe(0);
    const runs = await runsSoFar(page);
    await box('plate_B03_c1.tif').check();
    await settle(page);
    expect(await problem.textContent()).toMatch(/^Check at least 2 images to use them as the channels of one image \(1 checked\)/);
    expect(await runsSince(page, runs)).toEqual([]);
    expect(await load.locator('.cg-status').textContent()).toBe('needs input');
    expect(await load.locator('.cg-node-message').textContent()).toMatch(/^Check at least 2 images/);
    expect(await stats.locator('tbody tr').count()).toBe(0); // the 3-channel result is not shown as this one's
    await screenshot(page, 'stack-choice-too-few');
    await box('plate_B03_c0.tif').check();
    await box('plate_B03_c2.tif').check();
    await settle(page);
    expect(await problem.count()).toBe(0);
    expect(await summary.textContent()).toBe('Image plate_B03_c: 3 files → channels 1–3');
    await expect.poll(() => statsOf('channels', 'mean')).toEqual(['3', '20']);

    // an image added in stack mode is in; one removed from the list is out of the choice too
    await drop({ 'plate_B03_c3.tif': 40 });
    expect(await box('plate_B03_c3.tif').isChecked()).toBe(true);
    expect(await summary.textContent()).toBe('Image plate_B03_c: 4 files → channels 1–4');
    await expect.poll(() => statsOf('channels', 'max')).toEqual(['4', '40']);
    await images.getByRole('button', { name: 'Remove plate_B03_c3.tif' }).click();
    await images.getByRole('button', { name: 'Remove plate_C04_c1.tif' }).click();
    await settle(page);
    expect(await summary.textContent()).toBe('Image plate_B03_c: 3 files → channels 1–3');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('cellgraph.autosave.v1')!) as { sources: { name: string; hash: string }[]; stackLeftOut: string[] });
    const leftOut = saved.stackLeftOut.map((h) => saved.sources.find((s) => s.hash === h)?.name);
    expect(leftOut).toHaveLength(listed - 4); // every listed image but B03's three and the removed C04_c1
    expect(leftOut).toContain('plate_C04_c0.tif');
    expect(leftOut.filter((n) => n === undefined || n.startsWith('plate_B03') || n === 'plate_C04_c1.tif')).toEqual([]);

    // leaving stack mode and coming back keeps the choice, and the same files make a stack of planes
    await channelsToggle.uncheck();
    await settle(page);
    expect(await perImage.count()).toBe(0);
    expect(await images.getByRole('radio').count()).toBe(listed - 1);
    expect(await summary.count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Use these files as one stack, ordered by name' }).check();
    await settle(page);
    expect(await summary.textContent()).toBe('Stack plate_B03_c: 3 files → planes 0–2');
    expect(await images.getByRole('checkbox', { name: 'Use plate_C04_c0.tif in the stack' }).isChecked()).toBe(false);
    await expect.poll(() => statsOf('planes', 'channels', 'mean')).toEqual(['3', '1', '20']);
    await channelsToggle.check();
    await settle(page);

    // a reload keeps the choice (and takes the result from the cache)
    await page.reload();
    await waitForReady(page);
    await settle(page);
    expect(await summary.textContent()).toBe('Image plate_B03_c: 3 files → channels 1–3');
    expect(new Set((await lastRun(page)).reports.map((r) => r.status))).toEqual(new Set(['cached']));
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    expect(await plateRows()).toEqual(['1plate_B03_c0.tif', '2plate_B03_c1.tif', '3plate_B03_c2.tif', 'plate_C04_c0.tif']);
    expect(await box('plate_C04_c0.tif').isChecked()).toBe(false);
    await expect.poll(() => statsOf('channels', 'min', 'max')).toEqual(['3', '10', '30']);
    await channelsToggle.uncheck();
    await settle(page);
  });

  test('dropping an exported TIFF reopens the pipeline that made it, on the image it was made from', async () => {
    const { page } = browser;
    await openExample('z-projection.json');
    await page.getByRole('button', { name: 'View save image large' }).click();
    const file = await download(page, () => page.getByRole('dialog').getByRole('button', { name: 'Download' }).click());
    await page.keyboard.press('Escape');
    expect(file.name).toBe('projection_xyz_16bit__spots.ome.tif');
    // the same bytes `cellgraph run` saves, pipeline included
    const cli = cliRun(join(REPO, 'pipelines/z-projection.json'), join(REPO, 'test-data/images', SPOTS));
    expect(file.bytes.equals(readFileSync(join(cli.out, 'projection', 'xyz_16bit__spots.ome.tif')))).toBe(true);

    await openExample('nuclei-count.json');
    expect((await pipelineOf(page)).name).toBe('Nuclei count');
    const path = join(mkdtempSync(join(tmpdir(), 'cellgraph-export-')), file.name);
    writeFileSync(path, file.bytes);
    await dropFiles(page, page.locator('.react-flow__pane'), [path]);
    await settle(page);
    const reopened = await pipelineOf(page);
    const original = JSON.parse(readFileSync(join(REPO, 'pipelines/z-projection.json'), 'utf8')) as Pipeline;
    expect(reopened.name).toBe('Z projection');
    expect(reopened.nodes.map((n) => [n.id, n.type, n.position])).toEqual(original.nodes.map((n) => [n.id, n.type, n.position]));
    reopened.nodes.forEach((n, i) => expect(n.params).toMatchObject(original.nodes[i].params));
    expect(reopened.edges).toEqual(original.edges);
    await page.getByText(/^Opened the pipeline saved in projection_xyz_16bit__spots\.ome\.tif \(made from xyz_16bit__spots\.ome\.tif, selected\)/).waitFor();
    expect(await selectedImage()).toContain(SPOTS);
    // the file was not added as an image to analyse
    expect(await page.getByRole('region', { name: 'Images' }).getByText(file.name).count()).toBe(0);
  });
});
