// "Run on all images": a biologist drops three images (one of them broken) on the nuclei example and
// runs it on all of them in the editor; the result says 2 ok, 1 failed with the broken file's one-line
// error, and the downloaded nuclei.csv and images.csv are what `cellgraph run` writes for the same
// three files (images.csv but for duration_ms). The single image's previews are left as they were.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cellgraph } from '../src/testing/cli';
import { REPO, screenshot, type Browser } from './support/browser';
import { download, dropFiles, openEditor, openExample, runsSoFar, settle } from './support/user';

interface SessionWindow {
  __cellgraph: {
    session: {
      getSnapshot(): { nodes: Record<string, { preview?: { key: string } }>; batch?: { status: string; current?: { image: string; position: number } } };
      subscribe(listener: () => void): () => void;
      runAll(): Promise<{ status: string; records: unknown[] } | undefined>;
      cancelBatch(): void;
    };
    seenProgress?: string[];
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

  test('a pipeline with a batch node is refused in one line that says to use cellgraph run', async () => {
    const { page } = browser;
    const images = page.getByRole('region', { name: 'Images' });
    await openExample(page, 'illumination-correction.json');
    const refusal = images.getByTestId('batch-refusal');
    expect(await refusal.textContent()).toMatch(/^Run on all images cannot run a pipeline with a batch node \(batch-mean '[^']+'\), which needs every image before any: use `cellgraph run`\.$/);
    expect(await images.getByRole('button', { name: /^Run on all \d+ images$/ }).isDisabled()).toBe(true);
  });
});
