// What the specs read from the page: the editor's own run reports (window.__cellgraph), so
// "cached" and "ran" are the executor's words, not guesses from pixels.
import type { Page } from 'playwright-core';
import type { NodeReport } from '../../src/core/executor';
import type { RunSummary } from '../../src/editor/engine/protocol';

export async function waitForReady(page: Page): Promise<void> {
  await page.waitForSelector('.cg-app[data-ready="true"]', { timeout: 60_000 });
}

/** Wait until `count` runs have finished and none is in flight; returns the last run. */
export async function waitForRuns(page: Page, count: number): Promise<RunSummary> {
  await page.waitForFunction(
    (n) => {
      const cg = (window as unknown as { __cellgraph?: { runs: unknown[]; session: { getSnapshot(): { running: boolean } } } }).__cellgraph;
      return !!cg && cg.runs.length >= n && !cg.session.getSnapshot().running;
    },
    count,
    { timeout: 60_000 },
  );
  return lastRun(page);
}

export async function runCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __cellgraph: { runs: unknown[] } }).__cellgraph.runs.length);
}

export async function lastRun(page: Page): Promise<RunSummary> {
  return page.evaluate(() => {
    const cg = (window as unknown as { __cellgraph: { runs: RunSummary[] } }).__cellgraph;
    return JSON.parse(JSON.stringify(cg.runs[cg.runs.length - 1])) as RunSummary;
  });
}

export function statuses(reports: NodeReport[]): Record<string, string> {
  return Object.fromEntries(reports.map((r) => [r.id, r.status]));
}
