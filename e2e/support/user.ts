// What a user does with a mouse and files: drag nodes from the palette, wire handle to handle,
// drop image files, pick files in the file chooser, download. Each helper then waits for the
// editor to settle (nothing running or scheduled), never for a fixed time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Pipeline } from '../../src/core/pipeline';
import type { RunSummary } from '../../src/editor/engine/protocol';
import { inject } from 'vitest';
import { launch, REPO, type Browser } from './browser';
import { waitForReady } from './editor';

interface CellgraphWindow {
  __cellgraph: {
    session: { idle: boolean; runs: RunSummary[] };
    store: { getState(): { pipeline: Pipeline; selection: { nodes: string[] } } };
    runs: RunSummary[];
  };
}

/** Wait until nothing is running, scheduled or being read. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as CellgraphWindow).__cellgraph?.session.idle === true, undefined, { timeout: 60_000 });
}

/** Opens one of pipelines/*.json from the Examples menu and waits for its run. */
export async function openExample(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: new RegExp(file.replace('.', '\\.')) }).click();
  await settle(page);
}

export async function pipelineOf(page: Page): Promise<Pipeline> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as CellgraphWindow).__cellgraph.store.getState().pipeline)) as Pipeline);
}

export async function runsSoFar(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as CellgraphWindow).__cellgraph.runs.length);
}

/** The runs finished after the first `since`. */
export async function runsSince(page: Page, since: number): Promise<RunSummary[]> {
  return page.evaluate((n) => JSON.parse(JSON.stringify((window as unknown as CellgraphWindow).__cellgraph.runs.slice(n))) as RunSummary[], since);
}

export function canvasNode(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

export async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drag a node type from the palette (by its label) onto the canvas at a point of the page. */
export async function dragFromPalette(page: Page, label: string, to: { x: number; y: number }): Promise<string> {
  const before = new Set((await pipelineOf(page)).nodes.map((n) => n.id));
  const item = page.locator('.cg-palette-item').filter({ has: page.getByText(label, { exact: true }) });
  await item.dragTo(page.locator('.react-flow__pane'), { targetPosition: await relativeTo(page.locator('.react-flow__pane'), to) });
  const added = (await pipelineOf(page)).nodes.filter((n) => !before.has(n.id));
  if (added.length !== 1) throw new Error(`dragging '${label}' added ${added.length} nodes`);
  return added[0].id;
}

async function relativeTo(locator: Locator, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: point.x - box.x, y: point.y - box.y };
}

export function handle(page: Page, node: string, side: 'in' | 'out', port: string): Locator {
  return page.locator(`[data-port="${node}.${side}.${port}"]`);
}

/** Press on one handle, move over another in small steps, and (unless `release` is false) let go. */
export async function dragWire(page: Page, from: Locator, to: Locator, { release = true } = {}): Promise<void> {
  const a = await center(from);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  const b = await center(to);
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  if (release) await page.mouse.up();
}

/** Wire an output to an input by dragging handle to handle; fails unless the edge appeared. */
export async function connect(page: Page, from: [string, string], to: [string, string]): Promise<void> {
  await dragWire(page, handle(page, from[0], 'out', from[1]), handle(page, to[0], 'in', to[1]));
  const edges = (await pipelineOf(page)).edges;
  if (!edges.some((e) => e.from.node === from[0] && e.from.port === from[1] && e.to.node === to[0] && e.to.port === to[1])) {
    throw new Error(`wire ${from.join('.')} → ${to.join('.')} was not made`);
  }
}

/** Drop files onto an element, the way a file manager does (a DataTransfer holding the bytes). */
export async function dropFiles(page: Page, target: Locator, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), base64: readFileSync(p).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, files);
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  await transfer.dispose();
}

/** Click something that downloads a file; returns its name and bytes. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** Pick a file in the "Open pipeline" file chooser. */
export async function openPipelineFile(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open pipeline', exact: true }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** `cellgraph run` on images (files or a folder); returns the output folder and images.csv as rows of named cells. */
export function cliRun(pipeline: string, image: string, extra: string[] = []): { out: string; images: Record<string, string>[] } {
  const out = mkdtempSync(join(tmpdir(), 'cellgraph-cli-'));
  // exit status 1 means some images failed (their rows say why); anything else is a broken run
  const run = spawnSync(process.execPath, [join(REPO, 'bin/cellgraph.mjs'), 'run', pipeline, image, '--out', out, '--no-cache', ...extra], { cwd: REPO, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`cellgraph run failed (${run.status}): ${run.stderr}`);
  return { out, images: readCsv(readFileSync(join(out, 'images.csv'), 'utf8')) };
}

/** A small CSV reader for the runner's own output (no quoted commas in these files' numeric rows). */
export function readCsv(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trim().split('\n');
  const names = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i], v])));
}

/** A fresh browser on the editor, loaded and with its start-up run finished. */
export async function openEditor(): Promise<Browser> {
  const browser = await launch();
  await browser.page.goto(inject('baseURL'));
  await waitForReady(browser.page);
  await settle(browser.page);
  return browser;
}
