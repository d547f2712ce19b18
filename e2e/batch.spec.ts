// "Run on all images": a biologist drops three images (one of them broken) on the nuclei example and
// runs it on all of them in the editor; the result says 2 ok, 1 failed with the broken file's one-line
// error, and the downloaded nuclei.csv and images.csv are what `cellgraph run` writes for the same
// three files (images.csv but for duration_ms). The single image's previews are left as they were.
// A pipeline with a batch node (batch-mean) runs in two passes, as the runner runs it, with the same files.
// A chosen folder gives its images as the runner takes a folder; saved images come as a zip of the
// runner's files.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cellgraph } from '../src/testing/cli';
import { REPO, screenshot, type Browser } from './support/browser';
import { download, dropFiles, openEditor, openExample, openPipelineFile, readCsv, runsSoFar, settle } from './support/user';
import { waitForReady } from './support/editor';
import { writeDsbQuarters } from '../src/testing/quarters';

interface SessionWindow {
  __cellgraph: {
    session: {
      getSnapshot(): { nodes: Record<string, { preview?: { key: string } }>; batch?: { status: string; pass?: 'first'; current?: { image: string; position: number } } };
      subscribe(listener: () => void): () => void;
      runAll(): Promise<{ status: string; records: unknown[] } | undefined>;
      cancelBatch(): void;
    };
    seenProgress?: string[];
    /** The batch-node test's: "<pass> <position> <image>". */
    seenPasses?: string[];
    seenStatus?: string[];
  };
}

const DSB = 'dsb2018_256_uint8.tif';
const BLOBS = 'blobs.tif';
const BROKEN = 'broken.tif';

let browser: Browser;
let tmp: string;
let files: string[];
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cellgraph-batch-e2e-'));
  // a TIFF cut short after its header: the load node fails on it
  writeFileSync(join(tmp, BROKEN), readFileSync(join(REPO, 'test-data/images', DSB)).subarray(0, 300));
  files = [join(REPO, 'test-data/images', DSB), join(REPO, 'test-data/images', BLOBS), join(tmp, BROKEN)];
  browser = await openEditor();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The cells of a CSV line as the runner writes them (no quoted commas in these files). */
const withoutLastColumn = (csv: string) => csv.split('\n').map((line) => line.split(',').slice(0, -1).join(',')).join('\n');

/** "Run on all N images" in a fresh editor's Images panel: waits for the result and checks that all went through. */
/** A folder of `count` different files img_00.tif…: blobs.tif with one pixel changed in each. */
function blobsFolder(name: string, count: number): string {
  const folder = join(tmp, name);
  mkdirSync(folder);
  const blobs = readFileSync(join(REPO, 'test-data/images', BLOBS));
  for (let k = 0; k < count; k++) {
    const copy = Buffer.from(blobs);
    copy[copy.length - 10] = k;
    writeFileSync(join(folder, `img_${String(k).padStart(2, '0')}.tif`), copy);
  }
  return folder;
}

async function runAll(page: Browser['page'], count: number) {
  const result = page.getByRole('region', { name: 'Images' }).getByTestId('batch-result');
  await page.getByRole('region', { name: 'Images' }).getByRole('button', { name: `Run on all ${count} images` }).click();
  await result.waitFor();
  expect(await result.getByTestId('batch-counts').textContent()).toBe(`${count} images: ${count} ok, 0 failed`);
  return { downloadFile: (name: string) => download(page, () => result.getByRole('button', { name: `Download ${name}` }).click()) };
}

/** The downloaded tables are those `cellgraph run` wrote to `out` (images.csv but for duration_ms). */
function expectRunnerTables(out: string, nucleiCsv: Buffer, imagesCsv: Buffer): void {
  expect(nucleiCsv.equals(readFileSync(join(out, 'nuclei.csv')))).toBe(true);
  expect(withoutLastColumn(imagesCsv.toString('utf8'))).toBe(withoutLastColumn(readFileSync(join(out, 'images.csv'), 'utf8')));
}

/** The downloaded saved-images.zip holds `paths`, each byte for byte the runner's file under `out`. */
function expectRunnerSavedImages(out: string, zip: Buffer, paths: string[]): void {
  const entries = unzipSync(new Uint8Array(zip));
  expect(Object.keys(entries).sort()).toEqual([...paths].sort());
  for (const [path, bytes] of Object.entries(entries)) expect(Buffer.from(bytes).equals(readFileSync(join(out, path))), path).toBe(true);
}

describe('Run on all images', () => {
  test('three dropped images, one broken: 2 ok, 1 failed with its error; nuclei.csv and images.csv as `cellgraph run` writes them', async () => {
    const { page } = browser;
    const images = page.getByRole('region', { name: 'Images' });
    await openExample(page, 'nuclei-count.json');
    await dropFiles(page, page.locator('.react-flow__pane'), files);
    await settle(page);
    const radioNames = await images.locator('input[type="radio"]').evaluateAll((rs) => rs.map((r) => r.parentElement!.textContent!.replace(/\s*\(\d+ KiB\)$/, '')));
    expect(radioNames).toEqual([DSB, BLOBS, BROKEN]);

    // what the single run shows (the selected image, DSB) before the batch
    const previewKeys = () =>
      page.evaluate(() => {
        const nodes = (window as unknown as SessionWindow).__cellgraph.session.getSnapshot().nodes;
        return Object.fromEntries(Object.entries(nodes).map(([id, n]) => [id, n.preview?.key ?? null]));
      });
    const before = await previewKeys();
    const filterObjects = () => page.locator('.react-flow__node[data-id="filter"]').textContent();
    const filterText = await filterObjects();
    const runsBefore = await runsSoFar(page);

    // every progress step the page is told of
    await page.evaluate(() => {
      const cg = (window as unknown as SessionWindow).__cellgraph;
      cg.seenProgress = [];
      cg.session.subscribe(() => {
        const current = cg.session.getSnapshot().batch?.current;
        const line = current ? `${current.position} ${current.image}` : '';
        if (line && cg.seenProgress!.at(-1) !== line) cg.seenProgress!.push(line);
      });
    });
    await images.getByRole('button', { name: 'Run on all 3 images' }).click();
    const result = images.getByTestId('batch-result');
    await result.waitFor();
    await settle(page);
    expect(await page.evaluate(() => (window as unknown as SessionWindow).__cellgraph.seenProgress)).toEqual([`1 ${DSB}`, `2 ${BLOBS}`, `3 ${BROKEN}`]);
    expect(await result.getByTestId('batch-counts').textContent()).toBe('3 images: 2 ok, 1 failed');
    // too few and too small to pay for starting helper workers: run in the editor's worker
    expect(await result.getByTestId('batch-time').textContent()).toMatch(/^in \d+\.\d s$/);
    const failed = result.getByRole('list', { name: 'Failed images' });
    expect(await failed.locator('li').count()).toBe(1);
    const failedLine = (await failed.locator('li').textContent())!;
    expect(failedLine).toMatch(new RegExp(`^${BROKEN.replace('.', '\\.')}: node 'load': `));
    await screenshot(page, 'batch-result');

    // the single image's previews and run are as they were
    expect(await previewKeys()).toEqual(before);
    expect(await filterObjects()).toBe(filterText);
    expect(await runsSoFar(page)).toBe(runsBefore);

    const nucleiCsv = await download(page, () => result.getByRole('button', { name: 'Download nuclei.csv' }).click());
    const imagesCsv = await download(page, () => result.getByRole('button', { name: 'Download images.csv' }).click());
    const sidecar = await download(page, () => result.getByRole('button', { name: 'Download nuclei.provenance.json' }).click());
    expect([nucleiCsv.name, imagesCsv.name, sidecar.name]).toEqual(['nuclei.csv', 'images.csv', 'nuclei.provenance.json']);

    const out = join(tmp, 'out');
    const cli = cellgraph(['run', 'pipelines/nuclei-count.json', ...files, '--out', out, '--no-cache']);
    expect(cli.stdout).toMatch(/^3 images: 2 ok, 1 failed/);
    expect(cli.code).toBe(1);
    const cliNuclei = readFileSync(join(out, 'nuclei.csv'));
    expect(cliNuclei.toString('utf8').split('\n').length).toBeGreaterThan(50);
    expect(nucleiCsv.bytes.equals(cliNuclei)).toBe(true);
    const cliImages = readFileSync(join(out, 'images.csv'), 'utf8');
    expect(withoutLastColumn(imagesCsv.bytes.toString('utf8'))).toBe(withoutLastColumn(cliImages));
    // the error shown is the runner's
    expect(cliImages).toContain(`${BROKEN},error,${failedLine.slice(`${BROKEN}: `.length)},`);
    expect(sidecar.bytes.equals(readFileSync(join(out, 'nuclei.provenance.json')))).toBe(true);
  });

  test('cancel: the result says how far it got and offers no tables; in stack mode there is no batch', async () => {
    const { page } = browser;
    const images = page.getByRole('region', { name: 'Images' });
    const status = await page.evaluate(async () => {
      const { session } = (window as unknown as SessionWindow).__cellgraph;
      const running = session.runAll();
      session.cancelBatch();
      return (await running)?.status;
    });
    expect(status).toBe('cancelled');
    const result = images.getByTestId('batch-result');
    expect(await result.textContent()).toMatch(/Cancelled after [0-2] of 3 images/);
    expect(await result.getByRole('button', { name: /^Download/ }).count()).toBe(0);
    await result.getByRole('button', { name: 'Close' }).click();
    expect(await images.getByTestId('batch-result').count()).toBe(0);

    await images.getByText('Use these files as one stack, ordered by name').click();
    await settle(page);
    expect(await images.getByRole('button', { name: /^Run on all/ }).count()).toBe(0);
    await images.getByText('Use these files as one stack, ordered by name').click();
    await settle(page);
    expect(await images.getByRole('button', { name: 'Run on all 3 images' }).count()).toBe(1);
  });

  test('a pipeline with a batch node (illumination-correction): a first pass over all 5 images, then the rest; one of another size fails alone; nuclei.csv, its provenance and images.csv as `cellgraph run` writes them', async () => {
    const { page } = browser;
    const images = page.getByRole('region', { name: 'Images' });
    await openExample(page, 'illumination-correction.json');
    for (const name of [DSB, BLOBS, BROKEN]) await images.getByRole('button', { name: `Remove ${name}` }).click();
    await settle(page);
    // the four quarters of the DSB2018 512 image as four fields, blobs.tif (256×254) among them
    const [q0, q1, q2, q3] = writeDsbQuarters(tmp);
    const fields = [q0, q1, join(REPO, 'test-data/images', BLOBS), q2, q3];
    await dropFiles(page, page.locator('.react-flow__pane'), fields);
    await settle(page);
    const names = ['q0.tif', 'q1.tif', BLOBS, 'q2.tif', 'q3.tif'];
    expect(await images.locator('input[type="radio"]').evaluateAll((rs) => rs.map((r) => r.parentElement!.textContent!.replace(/\s*\(\d+ KiB\)$/, '')))).toEqual(names);

    // every progress step the session is told of, and the progress lines the page shows
    await page.evaluate(() => {
      const cg = (window as unknown as SessionWindow).__cellgraph;
      cg.seenPasses = [];
      cg.seenStatus = [];
      cg.session.subscribe(() => {
        const batch = cg.session.getSnapshot().batch;
        const line = batch?.current ? `${batch.pass ?? 'second'} ${batch.current.position} ${batch.current.image}` : '';
        if (line && cg.seenPasses!.at(-1) !== line) cg.seenPasses!.push(line);
      });
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="batch-progress"] [role="status"]')?.textContent;
        if (text && cg.seenStatus!.at(-1) !== text) cg.seenStatus!.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await images.getByRole('button', { name: 'Run on all 5 images' }).click();
    const result = images.getByTestId('batch-result');
    await result.waitFor();
    await settle(page);
    const seen = await page.evaluate(() => {
      const { seenPasses, seenStatus } = (window as unknown as SessionWindow).__cellgraph;
      return { seenPasses, seenStatus };
    });
    // second pass: blobs.tif failed in the first, so it is not run again
    expect(seen.seenPasses).toEqual([...names.map((n, i) => `first ${i + 1} ${n}`), ...[0, 1, 3, 4].map((i) => `second ${i + 1} ${names[i]}`)]);
    const status = seen.seenStatus!;
    const firstShown = status.filter((t) => /^First pass [1-5] of 5: /.test(t));
    expect(firstShown.length).toBeGreaterThan(0);
    expect(status.findIndex((t) => t.startsWith('Image '))).toBeGreaterThan(status.indexOf(firstShown.at(-1)!));
    expect(await result.getByTestId('batch-counts').textContent()).toBe('5 images: 4 ok, 1 failed');
    const failedLine = (await result.getByRole('list', { name: 'Failed images' }).locator('li').textContent())!;
    expect(failedLine).toBe(`${BLOBS}: node 'batch': ${BLOBS} is 256×254, but the batch's first image is 256×256: batch statistics need images of one shape`);
    await screenshot(page, 'batch-result-two-passes');

    const nucleiCsv = await download(page, () => result.getByRole('button', { name: 'Download nuclei.csv' }).click());
    const imagesCsv = await download(page, () => result.getByRole('button', { name: 'Download images.csv' }).click());
    const sidecar = await download(page, () => result.getByRole('button', { name: 'Download nuclei.provenance.json' }).click());

    const out = join(tmp, 'out-illumination');
    const cli = cellgraph(['run', 'pipelines/illumination-correction.json', ...fields, '--out', out, '--no-cache']);
    expect(cli.stderr).toContain('first pass: batch over 5 images');
    expect(cli.stdout).toMatch(/^5 images: 4 ok, 1 failed/);
    expect(cli.code).toBe(1);
    const cliNuclei = readFileSync(join(out, 'nuclei.csv'));
    expect(new Set(cliNuclei.toString('utf8').trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['q0.tif', 'q1.tif', 'q2.tif', 'q3.tif']));
    expect(nucleiCsv.bytes.equals(cliNuclei)).toBe(true);
    const cliImages = readFileSync(join(out, 'images.csv'), 'utf8');
    expect(withoutLastColumn(imagesCsv.bytes.toString('utf8'))).toBe(withoutLastColumn(cliImages));
    // (quoted: the runner's CSV quotes text that is not plain ASCII, here the ×)
    expect(cliImages).toContain(`${BLOBS},error,"${failedLine.slice(`${BLOBS}: `.length)}",`);
    // what depends on the batch names every file of the batch (not blobs.tif, left out of it)
    expect(sidecar.bytes.equals(readFileSync(join(out, 'nuclei.provenance.json')))).toBe(true);
    for (const name of ['q0.tif', 'q1.tif', 'q2.tif', 'q3.tif']) expect(sidecar.bytes.toString('utf8')).toContain(`"${name}"`);
  });

  test('"Add folder…": the images directly in the chosen folder, in name order, its subfolder and text file left out (and said); Run on all writes what `cellgraph run` writes for the same folder', async () => {
    const fresh = await openEditor();
    try {
      const { page } = fresh;
      const images = page.getByRole('region', { name: 'Images' });
      const plate = join(tmp, 'plate');
      mkdirSync(join(plate, 'well2'), { recursive: true });
      copyFileSync(join(REPO, 'test-data/images', BLOBS), join(plate, 'a_blobs.tif'));
      copyFileSync(join(REPO, 'test-data/images', 'xy_8bit__few_touching_nuclei.tif'), join(plate, 'Z_touching.tif'));
      writeFileSync(join(plate, 'notes.txt'), 'plate 1, imaged 2026-11-25\n');
      copyFileSync(join(REPO, 'test-data/images', DSB), join(plate, 'well2', 'x.tif'));
      await page.getByLabel('Add folder').setInputFiles(plate);
      await settle(page);
      await expect.poll(() => page.getByRole('status').allTextContents()).toContain(
        "Added 2 images from plate; 1 subfolder was not opened (add each one: a folder's images are those directly in it, as for cellgraph run)",
      );
      const radioNames = await images.locator('input[type="radio"]').evaluateAll((rs) => rs.map((r) => r.parentElement!.textContent!.replace(/\s*\(\d+ KiB\)$/, '')));
      // the sample the editor opened on, then the folder's images as the CLI sorts them (capitals first)
      expect(radioNames).toEqual([DSB, 'Z_touching.tif', 'a_blobs.tif']);

      const { downloadFile } = await runAll(page, 3);
      const nucleiCsv = await downloadFile('nuclei.csv');
      const imagesCsv = await downloadFile('images.csv');
      const out = join(tmp, 'out-folder');
      const cli = cellgraph(['run', 'pipelines/nuclei-count.json', join(REPO, 'public/samples', DSB), plate, '--out', out, '--no-cache']);
      expect(cli.code).toBe(0);
      expectRunnerTables(out, nucleiCsv.bytes, imagesCsv.bytes);
      expect(imagesCsv.bytes.toString('utf8').split('\n').slice(1, 4).map((l) => l.split(',')[0])).toEqual([DSB, 'Z_touching.tif', 'a_blobs.tif']);
    } finally {
      await fresh.close();
    }
  });

  test('the images a pipeline saves come as one zip laid out as `cellgraph run` writes them (nuclei-declump\'s outlines/), byte for byte', async () => {
    const fresh = await openEditor();
    try {
      const { page } = fresh;
      await openExample(page, 'nuclei-declump.json');
      await dropFiles(page, page.locator('.react-flow__pane'), [join(REPO, 'test-data/images', BLOBS)]);
      await settle(page);
      const { downloadFile } = await runAll(page, 2);
      const zip = await downloadFile('saved-images.zip');
      expect(zip.name).toBe('saved-images.zip');
      const out = join(tmp, 'out-saved');
      const cli = cellgraph(['run', 'pipelines/nuclei-declump.json', join(REPO, 'public/samples', DSB), join(REPO, 'test-data/images', BLOBS), '--out', out, '--no-cache']);
      expect(cli.code).toBe(0);
      expectRunnerSavedImages(out, zip.bytes, ['outlines/blobs.tif', `outlines/${DSB.replace('.tif', '')}.tif`]);
    } finally {
      await fresh.close();
    }
  });

  test('two position folders with the same file names (as Micro-Manager writes them): listed as Pos0/… and Pos1/…, and the tables and saved images `cellgraph run Pos0 Pos1` writes from their parent', async () => {
    const fresh = await openEditor();
    try {
      const { page } = fresh;
      const images = page.getByRole('region', { name: 'Images' });
      const parent = join(tmp, 'positions');
      for (const [pos, files] of [['Pos0', [BLOBS, 'xy_8bit__few_touching_nuclei.tif']], ['Pos1', ['xy_8bit__mitocheck_incenp_t1.tif', DSB]]] as const) {
        mkdirSync(join(parent, pos), { recursive: true });
        files.forEach((f, k) => copyFileSync(join(REPO, 'test-data/images', f), join(parent, pos, `img_00${k}.tif`)));
      }
      await openExample(page, 'nuclei-declump.json');
      // the run is on the two folders alone: the sample the editor opened on is taken off the list
      await images.getByRole('button', { name: `Remove ${DSB}` }).click();
      await page.getByLabel('Add folder').setInputFiles(join(parent, 'Pos0'));
      await settle(page);
      await page.getByLabel('Add folder').setInputFiles(join(parent, 'Pos1'));
      await settle(page);
      const radioNames = await images.locator('input[type="radio"]').evaluateAll((rs) => rs.map((r) => r.parentElement!.textContent!.replace(/\s*\(\d+ KiB\)$/, '')));
      expect(radioNames).toEqual(['Pos0/img_000.tif', 'Pos0/img_001.tif', 'Pos1/img_000.tif', 'Pos1/img_001.tif']);

      const { downloadFile } = await runAll(page, 4);
      const nucleiCsv = await downloadFile('nuclei.csv');
      const imagesCsv = await downloadFile('images.csv');
      const zip = await downloadFile('saved-images.zip');
      const out = join(tmp, 'out-positions');
      const cli = cellgraph(['run', join(REPO, 'pipelines/nuclei-declump.json'), 'Pos0', 'Pos1', '--out', out, '--no-cache'], parent);
      expect(cli.code, cli.stderr).toBe(0);
      expectRunnerTables(out, nucleiCsv.bytes, imagesCsv.bytes);
      expect(imagesCsv.bytes.toString('utf8').split('\n').slice(1, 5).map((l) => l.split(',')[0])).toEqual(radioNames);
      expectRunnerSavedImages(out, zip.bytes, ['outlines/Pos0_img_000.tif', 'outlines/Pos0_img_001.tif', 'outlines/Pos1_img_000.tif', 'outlines/Pos1_img_001.tif']);

      // the position from the folder's name, as metadata-from-filename reads it in `cellgraph run` too
      const byFolder = {
        format: 'cellgraph-pipeline', version: 1, name: 'Position from folder',
        nodes: [
          { id: 'load', type: 'load-image', params: { channels: 'gray' } },
          { id: 'stats', type: 'measure-image', params: {} },
          { id: 'md', type: 'metadata-from-filename', params: { pattern: '^Pos(?<position>\\d+)/', match: 'folder-and-name' } },
          { id: 'export', type: 'export-table', params: { name: 'stats' } },
        ],
        edges: [
          { from: { node: 'load', port: 'image' }, to: { node: 'stats', port: 'image' } },
          { from: { node: 'stats', port: 'table' }, to: { node: 'md', port: 'table' } },
          { from: { node: 'md', port: 'table' }, to: { node: 'export', port: 'table' } },
        ],
      };
      const pipelineFile = join(tmp, 'by-folder.json');
      writeFileSync(pipelineFile, JSON.stringify(byFolder));
      await openPipelineFile(page, 'by-folder.json', JSON.stringify(byFolder));
      await settle(page);
      const stats = await (await runAll(page, 4)).downloadFile('stats.csv');
      const outFolder = join(tmp, 'out-positions-folder');
      const cliFolder = cellgraph(['run', pipelineFile, 'Pos0', 'Pos1', '--out', outFolder, '--no-cache'], parent);
      expect(cliFolder.code, cliFolder.stderr).toBe(0);
      expect(stats.bytes.equals(readFileSync(join(outFolder, 'stats.csv')))).toBe(true);
      expect(readCsv(stats.bytes.toString('utf8')).map((r) => [r.image, r.position])).toEqual([
        ['Pos0/img_000.tif', '0'], ['Pos0/img_001.tif', '0'], ['Pos1/img_000.tif', '1'], ['Pos1/img_001.tif', '1'],
      ]);
    } finally {
      await fresh.close();
    }
  });

  test('a batch of more than 64 images runs in helper workers, one per core (at most 4), also the second pass of a pipeline with a batch node: its tables are those `cellgraph run` writes for the folder', async () => {
    const fresh = await openEditor();
    try {
      const { page } = fresh;
      const images = page.getByRole('region', { name: 'Images' });
      const folder = blobsFolder('seventy', 70);
      await openExample(page, 'nuclei-count.json');
      await images.getByRole('button', { name: `Remove ${DSB}` }).click();
      await page.getByLabel('Add folder').setInputFiles(folder);
      await settle(page);
      const { downloadFile } = await runAll(page, 70);
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      const result = images.getByTestId('batch-result');
      expect(await result.getByTestId('batch-time').textContent()).toMatch(cores >= 2 ? new RegExp(` on ${Math.min(4, cores)} workers$`) : /s$/);
      const nucleiCsv = await downloadFile('nuclei.csv');
      const imagesCsv = await downloadFile('images.csv');
      const out = join(tmp, 'out-seventy');
      const cli = cellgraph(['run', 'pipelines/nuclei-count.json', folder, '--out', out, '--no-cache']);
      expect(cli.code, cli.stderr).toBe(0);
      expectRunnerTables(out, nucleiCsv.bytes, imagesCsv.bytes);

      // a pipeline with a batch node: its second pass on the helpers, with the mean over all 70
      const illumination = 'pipelines/illumination-correction.json';
      await openPipelineFile(page, 'illumination-correction.json', readFileSync(join(REPO, illumination), 'utf8'));
      await settle(page);
      const second = await runAll(page, 70);
      expect(await result.getByTestId('batch-time').textContent()).toMatch(cores >= 2 ? new RegExp(` on ${Math.min(4, cores)} workers$`) : /s$/);
      const outIllumination = join(tmp, 'out-seventy-illumination');
      const cliIllumination = cellgraph(['run', illumination, folder, '--out', outIllumination, '--no-cache']);
      expect(cliIllumination.code, cliIllumination.stderr).toBe(0);
      expectRunnerTables(outIllumination, (await second.downloadFile('nuclei.csv')).bytes, (await second.downloadFile('images.csv')).bytes);
    } finally {
      await fresh.close();
    }
  });

  test('after a reload, the images the browser did not keep (it keeps the 24 most recently added) are named in a notice', async () => {
    const fresh = await openEditor();
    try {
      const { page } = fresh;
      const images = page.getByRole('region', { name: 'Images' });
      const folder = blobsFolder('many', 25);
      await page.getByLabel('Add folder').setInputFiles(folder);
      await settle(page);
      expect(await images.locator('input[type="radio"]').count()).toBe(26);
      await page.reload();
      await waitForReady(page);
      await settle(page);
      expect(await images.locator('input[type="radio"]').count()).toBe(24);
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContain(`2 of the 26 listed images were not kept by the browser (${DSB}, img_00.tif): add them again. It keeps the 24 most recently added.`);
    } finally {
      await fresh.close();
    }
  });
});
