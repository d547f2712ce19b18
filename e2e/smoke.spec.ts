import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launch, screenshot, type Browser } from './support/browser';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './support/browser';
import { lastRun, waitForReady, waitForRuns } from './support/editor';
import { openExample } from './support/user';

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

test('every example opens, runs without an error, and shows no node on top of another', async () => {
  const { page } = browser;
  const examples = readdirSync(join(REPO, 'pipelines')).filter((f) => f.endsWith('.json'));
  expect(examples.length).toBeGreaterThanOrEqual(8);
  for (const file of examples) {
    await openExample(page, file);
    const run = await lastRun(page);
    expect({ file, error: run.error }).toEqual({ file, error: undefined });
    // node boxes as laid out on the canvas (with their previews), in flow coordinates
    const boxes = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node'), (el) => {
        const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
        const r = el.getBoundingClientRect();
        return { id: el.dataset.id!, x: r.x / zoom, y: r.y / zoom, w: r.width / zoom, h: r.height / zoom };
      }),
    );
    const overlapping: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlapping.push(`${a.id} and ${b.id}`);
      }),
    );
    expect({ file, overlapping }).toEqual({ file, overlapping: [] });
  }
});
