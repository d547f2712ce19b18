// Pairs in the editor: an image and its ground-truth mask dropped together, paired by a Pair files
// rule as `cellgraph run --pair truth={stem}_mask.tif` pairs them; the mask is the image's truth, not
// an image of its own; the score-segmentation pipeline scores the image against it; the rule outlives
// a reload; without it, load-paired-image says in one line that there is no truth file.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cellgraph } from '../src/testing/cli';
import { REPO, screenshot, type Browser } from './support/browser';
import { waitForReady } from './support/editor';
import { canvasNode, dropFiles, openEditor, openExample, openPipelineFile, settle } from './support/user';

let browser: Browser;
beforeAll(async () => {
  browser = await openEditor();
});
afterAll(async () => browser?.close());

/** The first row's value in a column of a node's table preview, as shown. */
const cellOf = (page: Browser['page'], id: string, column: string) =>
  canvasNode(page, id)
    .locator('table.cg-table')
    .evaluate((table, col) => {
      const names = Array.from(table.querySelectorAll('thead th button'), (b) => b.firstChild?.textContent?.trim());
      return table.querySelector('tbody tr')?.children[names.indexOf(col)]?.textContent ?? null;
    }, column);

const IMAGE = 'dsb2018_256_uint8.tif';
const MASK = 'dsb2018_256_uint8_mask.tif';

describe('pairing files in the Images panel', () => {
  test('the score-segmentation example brings the sample\'s ground truth and the rule that pairs it', async () => {
    const fresh = await openEditor();
    try {
      const { page } = fresh;
      const images = page.getByRole('region', { name: 'Images' });
      expect(await images.locator('input[type="radio"]').count()).toBe(1);
      await openExample(page, 'score-segmentation.json');
      expect(await images.getByRole('textbox', { name: 'Role of pair rule 1' }).inputValue()).toBe('truth');
      expect(await images.getByRole('textbox', { name: 'File name of pair rule 1' }).inputValue()).toBe('{stem}_mask.tif');
      expect(await images.locator('input[type="radio"]').count()).toBe(1);
      expect(await images.getByRole('list', { name: `Paired with ${IMAGE}` }).textContent()).toBe(`truth: ${MASK}×`);
      await expect.poll(() => cellOf(page, 'overlap', 'true_objects')).toBe('65');
    } finally {
      await fresh.close();
    }
  });

  test('dropping the provenance of a paired run (cellgraph run --pair) reopens its pipeline on that image with its truth', async () => {
    const fresh = await openEditor();
    try {
      const { page } = fresh;
      await openExample(page, 'score-segmentation.json');
      await dropFiles(page, page.locator('.react-flow__pane'), [join(REPO, 'test-data/images', 'blobs.tif')]);
      await settle(page);
      const images = page.getByRole('region', { name: 'Images' });
      expect(await images.locator('input[type="radio"]:checked').locator('xpath=..').textContent()).toContain('blobs.tif');
      // the same image and mask scored by the runner: its table's sidecar lists both files
      const dir = mkdtempSync(join(tmpdir(), 'cellgraph-paired-'));
      for (const f of [IMAGE, MASK]) copyFileSync(join(REPO, 'test-data/images', f), join(dir, f));
      const r = cellgraph(['run', join(REPO, 'pipelines/score-segmentation.json'), dir, '--out', join(dir, 'out'), '--pair', 'truth={stem}_mask.tif']);
      expect(r.code, r.stderr).toBe(0);
      await openExample(page, 'nuclei-count.json');
      await dropFiles(page, page.locator('.react-flow__pane'), [join(dir, 'out', 'overlap.provenance.json')]);
      await settle(page);
      await page.getByText(`(made from ${IMAGE}, ${MASK}, selected)`, { exact: false }).waitFor();
      expect(await images.locator('input[type="radio"]:checked').locator('xpath=..').textContent()).toContain(IMAGE);
      await expect.poll(() => cellOf(page, 'overlap', 'object_f1')).toBe('0.846');
    } finally {
      await fresh.close();
    }
  });

  test('an image and its mask, paired by a rule: the mask is its truth, the segmentation is scored, the rule survives a reload, removing it un-pairs', async () => {
    const { page } = browser;
    const images = page.getByRole('region', { name: 'Images' });
    const radios = images.locator('input[type="radio"]');
    const radioNames = () => radios.evaluateAll((rs) => rs.map((r) => r.parentElement!.textContent!.replace(/\s*\(\d+ KiB\)$/, '')));
    const status = (id: string) => canvasNode(page, id).locator('.cg-node').getAttribute('data-status');
    const message = (id: string) => canvasNode(page, id).locator('.cg-node-message').textContent();
    const cell = (id: string, column: string) => cellOf(page, id, column);

    await openPipelineFile(page, 'score-segmentation.json', readFileSync(join(REPO, 'pipelines/score-segmentation.json'), 'utf8'));
    // the mask first: choosing a pair selects its image once paired
    await dropFiles(page, page.locator('.react-flow__pane'), [join(REPO, 'test-data/images', MASK), join(REPO, 'test-data/images', IMAGE)]);
    await settle(page);
    expect((await radioNames()).sort()).toEqual([IMAGE, MASK]);

    await images.locator('summary', { hasText: 'Pair files' }).click();
    await images.getByRole('button', { name: 'Add a pair rule' }).click();
    const role = images.getByRole('textbox', { name: 'Role of pair rule 1' });
    const template = images.getByRole('textbox', { name: 'File name of pair rule 1' });
    const summary = images.getByTestId('pair-summary');
    await role.fill('truth');
    // a name no file has: nothing pairs, and the line says what it looked for
    await template.fill('{stem}_gt.tif');
    await expect.poll(() => summary.textContent()).toBe(`No truth file for ${MASK} (dsb2018_256_uint8_mask_gt.tif), ${IMAGE} (dsb2018_256_uint8_gt.tif)`);
    expect(await radios.count()).toBe(2);
    // an invalid rule says why and pairs nothing
    await template.fill('masks/{stem}.tif');
    await expect.poll(() => images.getByTestId('pair-rule-problem').textContent()).toMatch(/without folders/);
    await template.fill('{stem}_mask.tif');
    await expect.poll(() => summary.textContent()).toBe(`${MASK} → truth of ${IMAGE}`);
    await settle(page);

    // the mask is shown under its image as its truth, and is no image to run on
    expect(await radioNames()).toEqual([IMAGE]);
    expect(await radios.first().isChecked()).toBe(true);
    expect(await images.getByRole('list', { name: `Paired with ${IMAGE}` }).textContent()).toBe(`truth: ${MASK}×`);
    expect(await status('truth')).toBe('done');
    await expect.poll(() => cell('overlap', 'true_objects')).toBe('65');
    expect(Number(await cell('overlap', 'object_f1'))).toBeCloseTo(0.846, 3); // as `cellgraph run … --pair truth={stem}_mask.tif`
    await screenshot(page, 'pairs');

    // a reload keeps the rule and the pairing (and answers from the cache)
    await page.reload();
    await waitForReady(page);
    await settle(page);
    expect(await role.inputValue()).toBe('truth');
    expect(await template.inputValue()).toBe('{stem}_mask.tif');
    expect(await radioNames()).toEqual([IMAGE]);
    expect(await images.getByRole('list', { name: `Paired with ${IMAGE}` }).textContent()).toBe(`truth: ${MASK}×`);
    await expect.poll(() => cell('overlap', 'true_objects')).toBe('65');

    // in a stack, pairs are not used, and the panel says so
    await images.getByText('Use these files as one stack, ordered by name').click();
    await expect.poll(() => images.getByTestId('pairs-in-stack').count()).toBe(1);
    await images.getByText('Use these files as one stack, ordered by name').click();
    await settle(page);

    // without the rule, the mask is an image again and load-paired-image says there is no truth file
    await images.getByRole('button', { name: 'Remove pair rule 1' }).click();
    await settle(page);
    expect((await radioNames()).sort()).toEqual([IMAGE, MASK]);
    await expect.poll(() => status('truth')).toBe('error');
    expect(await message('truth')).toMatch(new RegExp(`^load-paired-image: ${IMAGE.replaceAll('.', '\\.')} has no 'truth' file paired with it`));
    expect(await message('truth')).not.toMatch(/\n/);
    expect(await status('overlap')).toBe('blocked');
  });
});
