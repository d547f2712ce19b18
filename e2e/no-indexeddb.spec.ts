// Without IndexedDB (private windows, locked-down browsers) the editor still runs, in memory, and
// says so; with it, "Clear cache" empties the store so the next run recomputes everything.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch, screenshot, type Browser } from './support/browser';
import { waitForReady } from './support/editor';
import { runsSince, settle } from './support/user';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const lastRunStatuses = async (page: Browser['page']) => {
  const runs = await runsSince(page, 0);
  return runs[runs.length - 1].reports.map((r) => r.status);
};

describe('without IndexedDB', () => {
  test('the editor runs uncached and says so', async () => {
    const { page } = browser;
    // the engine's worker is where IndexedDB is used: serve it with IndexedDB taken away
    await page.route('**/assets/worker-*.js', async (route) => {
      const response = await route.fetch();
      const body = `Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });\n${await response.text()}`;
      await route.fulfill({ response, body });
    });
    await page.goto(inject('baseURL'));
    await waitForReady(page);
    await settle(page);
    await expect.poll(() => page.getByTestId('cache-off').textContent()).toMatch(/Not cached/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Results are not saved between visits' }).count()).toBe(1);
    expect(await page.getByTestId('objects-filter').textContent()).toMatch(/^\d+ objects$/);
    expect(new Set(await lastRunStatuses(page))).toEqual(new Set(['done']));
    await screenshot(page, 'no-indexeddb');

    // a reload recomputes (nothing was stored) and still works, with the sample image again
    await page.reload();
    await waitForReady(page);
    await settle(page);
    expect(new Set(await lastRunStatuses(page))).toEqual(new Set(['done']));
    expect(await page.getByTestId('objects-filter').textContent()).toMatch(/^\d+ objects$/);
    await page.unrouteAll();
  });
});

describe('with IndexedDB', () => {
  test('"Clear cache" empties the cache: the next run recomputes every node, and stores them again', async () => {
    const { page } = browser;
    await page.reload();
    await waitForReady(page);
    await settle(page);
    expect(await page.getByTestId('cache-off').count()).toBe(0);
    const info = page.getByTestId('cache-info');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await settle(page);
    expect(new Set(await lastRunStatuses(page))).toEqual(new Set(['cached']));
    expect(await info.textContent()).toMatch(/^[1-9]\d* results/);

    await page.getByRole('button', { name: 'Clear cache' }).click();
    await expect.poll(() => info.textContent()).toMatch(/^0 results, 0\.0 MiB/);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await settle(page);
    expect(new Set(await lastRunStatuses(page))).toEqual(new Set(['done']));
    await expect.poll(() => info.textContent()).toMatch(/^8 results/);

    await page.reload();
    await waitForReady(page);
    await settle(page);
    expect(new Set(await lastRunStatuses(page))).toEqual(new Set(['cached']));
  });
});
