import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launch, screenshot, type Browser } from './support/browser';
import { waitForReady, waitForRuns } from './support/editor';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

test('opens on the nuclei example, already run', async () => {
  const { page } = browser;
  await page.goto(inject('baseURL'));
  await waitForReady(page);
  const run = await waitForRuns(page, 1);
  await screenshot(page, 'startup');
  expect(run.status).toBe('finished');
  expect(run.error).toBeUndefined();
});
