// Editing the graph as a user: refused connections say why while the wire is dragged; undo/redo,
// copy/paste and delete from the keyboard; a slider drag is one undo step; accessible names and
// keyboard use of the main actions; the palette lists every registered node by category.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { nodeRegistry } from '../nodes/index';
import { CATEGORIES } from '../src/core/node';
import { screenshot, type Browser } from './support/browser';
import { waitForReady } from './support/editor';
import { canvasNode, center, connect, download, dragFromPalette, dragWire, handle, openEditor, pipelineOf, runsSoFar, settle } from './support/user';

let browser: Browser;
beforeAll(async () => {
  browser = await openEditor();
});
afterAll(async () => browser?.close());

const edgeCount = async () => (await browser.page.evaluate(() => (window as unknown as { __cellgraph: { store: { getState(): { pipeline: { edges: unknown[] } } } } }).__cellgraph.store.getState().pipeline.edges.length));
const nodeIds = async () => (await pipelineOf(browser.page)).nodes.map((n) => n.id);
const clickPane = async () => {
  const pane = (await browser.page.locator('.react-flow__pane').boundingBox())!;
  await browser.page.mouse.click(pane.x + pane.width - 60, pane.y + 30);
};

describe('accessibility and the palette', () => {
  test('main controls, the search box, canvas nodes and result tables have accessible names', async () => {
    const { page } = browser;
    for (const name of ['Run', 'Save pipeline', 'Open pipeline', 'Examples', 'Undo', 'Redo']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search nodes' }).count()).toBe(1);
    const pipeline = await pipelineOf(page);
    for (const node of pipeline.nodes) {
      const title = nodeRegistry.get(node.type)!.label;
      expect(await page.getByRole('group', { name: title, exact: true }).getAttribute('data-id')).toBe(node.id);
    }
    const table = page.getByRole('group', { name: 'Export table', exact: true }).getByRole('table');
    await expect.poll(() => table.getByRole('columnheader').allTextContents()).toEqual(expect.arrayContaining(['label', expect.stringMatching(/^area/), expect.stringMatching(/^centroid_x/)]));
    expect(await table.locator('th').count()).toBeGreaterThan(10);
  });

  test('result tables sort by a column when its header is clicked', async () => {
    const { page } = browser;
    const table = page.getByRole('group', { name: 'Export table', exact: true }).getByRole('table');
    const areas = async () => (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
    const header = table.getByRole('columnheader', { name: /^area/ });
    await header.getByRole('button').click();
    const ascending = await areas();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.getByRole('button').click();
    const descending = await areas();
    expect(descending[0]).toBeGreaterThan(descending[descending.length - 1]);
    expect(await header.getAttribute('aria-sort')).toBe('descending');
  });

  test('the params form validates as you type; only valid values reach the pipeline', async () => {
    const { page } = browser;
    await canvasNode(page, 'blur').locator('.cg-node-header').click();
    const field = page.getByRole('textbox', { name: /^Sigma/ });
    await field.fill('-1');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '>0' }).count()).toBe(1);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const blur = async () => (await pipelineOf(page)).nodes.find((n) => n.id === 'blur')!.params.sigma;
    expect(await blur()).toBe(2);
    await field.fill('2.5');
    expect(await blur()).toBe(2.5);
    expect(await field.getAttribute('aria-invalid')).toBe(null);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await blur()).toBe(2);
    await expect.poll(() => field.inputValue()).toBe('2');
    await clickPane();
    await settle(page);
  });

  test('a param that matters only for some settings appears with them: a threshold\'s Value with the manual method', async () => {
    const { page } = browser;
    await canvasNode(page, 'threshold').locator('.cg-node-header').click();
    const form = page.getByRole('form', { name: 'Parameters' });
    const labels = async () => (await form.locator('label').allInnerTexts()).map((t) => t.split('\n')[0].trim());
    await expect.poll(async () => (await labels()).some((l) => l.startsWith('Correction factor'))).toBe(true);
    expect((await labels()).some((l) => l.startsWith('Value'))).toBe(false);
    await page.getByLabel('Method', { exact: true }).selectOption('manual');
    await expect.poll(async () => (await labels()).some((l) => l.startsWith('Value'))).toBe(true);
    expect((await labels()).some((l) => l.startsWith('Correction factor'))).toBe(false);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(async () => (await labels()).some((l) => l.startsWith('Value'))).toBe(false);
    expect((await pipelineOf(page)).nodes.find((n) => n.id === 'threshold')!.params.method).toBe('otsu');
    await clickPane();
    await settle(page);
  });

  test('the palette lists every registered node type under its category', async () => {
    const { page } = browser;
    const shown: Record<string, string[]> = {};
    for (const group of await page.locator('.cg-palette-group').all()) {
      shown[(await group.getAttribute('aria-label'))!] = await group.locator('.cg-palette-label').allTextContents();
    }
    const expected: Record<string, string[]> = {};
    for (const category of CATEGORIES) {
      const labels = [...nodeRegistry.values()].filter((d) => d.category === category).map((d) => d.label);
      if (labels.length) expected[category] = labels;
    }
    expect(shown).toEqual(expected);
    // the search box narrows the list
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('fill');
    await expect.poll(() => page.locator('.cg-palette-label').allTextContents()).toContain('Fill holes');
    expect((await page.locator('.cg-palette-label').allTextContents()).length).toBeLessThan(nodeRegistry.size / 4);
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('');
  });

  test('a category folds away with a click on its heading, stays folded after a reload, and a search still finds its nodes', async () => {
    const { page } = browser;
    const heading = page.getByRole('button', { name: /^preprocess \d+$/i });
    const median = page.locator('.cg-palette-item', { hasText: 'Median filter' });
    await expect.poll(() => heading.getAttribute('aria-expanded')).toBe('true');
    await heading.click();
    await expect.poll(() => median.isVisible()).toBe(false);
    expect(await heading.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.cg-palette-item', { hasText: 'Threshold' }).first().isVisible()).toBe(true);
    await page.reload();
    await waitForReady(page);
    await settle(page);
    await expect.poll(() => median.isVisible()).toBe(false);
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('median');
    await expect.poll(() => median.isVisible()).toBe(true);
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('');
    await heading.click();
    await expect.poll(() => median.isVisible()).toBe(true);
  });

  test('keyboard: Tab to Run and press Enter, Ctrl+Enter runs, Ctrl+S saves, search + Enter adds a node', async () => {
    const { page } = browser;
    await clickPane();
    const runs = await runsSoFar(page);
    await page.getByRole('button', { name: 'Save pipeline' }).focus();
    for (let i = 0; i < 12; i++) {
      if (await page.evaluate(() => document.activeElement?.textContent === 'Run')) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Run');
    await page.keyboard.press('Enter');
    await settle(page);
    expect(await runsSoFar(page)).toBe(runs + 1);
    await clickPane();
    await page.keyboard.press('Control+Enter');
    await settle(page);
    expect(await runsSoFar(page)).toBe(runs + 2);

    const saved = await download(page, () => page.keyboard.press('Control+s'));
    expect(saved.name).toBe('nuclei-count.json');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
    expect(chooser.isMultiple()).toBe(false);

    const before = await nodeIds();
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('gaussian');
    await page.keyboard.press('Enter');
    await expect.poll(nodeIds).toEqual([...before, 'gaussian-blur']);
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('');
    // the new node is selected: Delete (outside the search box) removes it
    await clickPane();
    await expect.poll(nodeIds).toEqual([...before, 'gaussian-blur']);
    await canvasNode(page, 'gaussian-blur').locator('.cg-node-header').click();
    await page.keyboard.press('Delete');
    await expect.poll(nodeIds).toEqual(before);
    await settle(page);
  });
});

describe('nodes from the keyboard', () => {
  test('Tab reaches a node, Enter selects it (its params open), arrows move it, Delete removes it, Ctrl+Z restores it', async () => {
    const { page } = browser;
    await clickPane();
    const node = page.getByRole('group', { name: 'Fill holes', exact: true });
    await node.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { level: 2 }).first().textContent()).toBe('Fill holes');
    const start = await pipelineOf(page);
    const before = start.nodes.find((n) => n.id === 'fill')!.position!;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await pipelineOf(page)).nodes.find((n) => n.id === 'fill')!.position!.x).toBeGreaterThan(before.x);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await pipelineOf(page)).nodes.some((n) => n.id === 'fill')).toBe(false);
    expect((await pipelineOf(page)).edges.some((e) => e.from.node === 'fill' || e.to.node === 'fill')).toBe(false);
    // one step undoes the delete, then one per arrow press
    const fillX = async () => (await pipelineOf(page)).nodes.find((n) => n.id === 'fill')?.position?.x;
    await page.keyboard.press('Control+z');
    const moved = (await fillX())!;
    expect(moved).toBeGreaterThan(before.x);
    await page.keyboard.press('Control+z');
    expect(await fillX()).toBe(before.x + (moved - before.x) / 2);
    await page.keyboard.press('Control+z');
    expect(await pipelineOf(page)).toEqual(start);
    await settle(page);
  });
});

describe('wiring and editing on an empty canvas', () => {
  test('a wire that mismatches types or makes a cycle is refused while dragging, with the reason', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const at = (col: number, row: number) => ({ x: pane.x + 140 + col * 290, y: pane.y + 60 + row * 420 });
    await dragFromPalette(page, 'Load image', at(0, 0));
    await dragFromPalette(page, 'Gaussian blur', at(1, 0));
    await dragFromPalette(page, 'Gaussian blur', at(2, 0));
    await dragFromPalette(page, 'Threshold', at(0, 1));
    await dragFromPalette(page, 'Measure objects', at(2, 1));
    await connect(page, ['load-image', 'image'], ['gaussian-blur', 'image']);
    await connect(page, ['gaussian-blur', 'image'], ['gaussian-blur-2', 'image']);
    expect(await edgeCount()).toBe(2);

    const hint = page.locator('.cg-connection-hint');
    await dragWire(page, handle(page, 'threshold', 'out', 'mask'), handle(page, 'measure-objects', 'in', 'image'), { release: false });
    await expect.poll(() => hint.textContent()).toBe('Cannot connect: a mask output cannot feed an image input');
    await screenshot(page, 'refused-type');
    await page.mouse.up();
    await expect.poll(() => hint.count()).toBe(0);
    expect(await edgeCount()).toBe(2);

    await dragWire(page, handle(page, 'gaussian-blur-2', 'out', 'image'), handle(page, 'gaussian-blur', 'in', 'image'), { release: false });
    await expect.poll(() => hint.textContent()).toBe('Cannot connect: this would make a cycle: gaussian-blur-2 → gaussian-blur → gaussian-blur-2');
    await page.mouse.up();
    expect((await pipelineOf(page)).edges.map((e) => `${e.from.node}>${e.to.node}`)).toEqual(['load-image>gaussian-blur', 'gaussian-blur>gaussian-blur-2']);

    // a compatible wire shows no hint and is made
    await dragWire(page, handle(page, 'threshold', 'out', 'mask'), handle(page, 'measure-objects', 'in', 'labels'), { release: false });
    await expect.poll(() => hint.textContent()).toBe('Cannot connect: a mask output cannot feed a labels input');
    await page.mouse.up();
    await connect(page, ['gaussian-blur-2', 'image'], ['threshold', 'image']);
    await settle(page);
  });

  test('undo and redo from the keyboard and the toolbar', async () => {
    const { page } = browser;
    await clickPane();
    const three = await pipelineOf(page);
    expect(three.edges).toHaveLength(3);
    await page.keyboard.press('Control+z');
    expect(await edgeCount()).toBe(2);
    await page.keyboard.press('Control+Shift+Z');
    expect(await edgeCount()).toBe(3);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await edgeCount()).toBe(2);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    expect(await pipelineOf(page)).toEqual(three);
    expect(await page.getByRole('button', { name: 'Redo', exact: true }).isDisabled()).toBe(true);
  });

  test('copy and paste nodes with the wire between them; delete; undo brings them back', async () => {
    const { page } = browser;
    await canvasNode(page, 'gaussian-blur').locator('.cg-node-header').click();
    await canvasNode(page, 'gaussian-blur-2').locator('.cg-node-header').click({ modifiers: ['Shift'] });
    await expect.poll(async () => page.evaluate(() => (window as unknown as { __cellgraph: { store: { getState(): { selection: { nodes: string[] } } } } }).__cellgraph.store.getState().selection.nodes)).toEqual(['gaussian-blur', 'gaussian-blur-2']);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(nodeIds).toEqual(['load-image', 'gaussian-blur', 'gaussian-blur-2', 'threshold', 'measure-objects', 'gaussian-blur-3', 'gaussian-blur-4']);
    const pasted = await pipelineOf(page);
    expect(pasted.edges.filter((e) => e.from.node === 'gaussian-blur-3')).toEqual([{ from: { node: 'gaussian-blur-3', port: 'image' }, to: { node: 'gaussian-blur-4', port: 'image' } }]);
    const original = pasted.nodes.find((n) => n.id === 'gaussian-blur')!;
    const copy = pasted.nodes.find((n) => n.id === 'gaussian-blur-3')!;
    expect(copy.params).toEqual(original.params);
    expect(copy.position).toEqual({ x: original.position!.x + 40, y: original.position!.y + 40 });

    // the pasted pair is selected: Delete removes both and their wire; one undo restores them
    await page.keyboard.press('Delete');
    await expect.poll(nodeIds).toEqual(['load-image', 'gaussian-blur', 'gaussian-blur-2', 'threshold', 'measure-objects']);
    await page.keyboard.press('Control+z');
    expect(await pipelineOf(page)).toEqual(pasted);
    await page.keyboard.press('Control+z');
    await expect.poll(nodeIds).toEqual(['load-image', 'gaussian-blur', 'gaussian-blur-2', 'threshold', 'measure-objects']);
  });

  test('shift-drag box-selects; the selection pastes into another tab as pipeline JSON', async () => {
    const { page, context } = browser;
    await clickPane();
    const a = (await canvasNode(page, 'load-image').boundingBox())!;
    const b = (await canvasNode(page, 'gaussian-blur').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(a.x - 15, a.y - 15);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width + 10, b.y + b.height + 10, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const selected = () => page.evaluate(() => (window as unknown as { __cellgraph: { store: { getState(): { selection: { nodes: string[] } } } } }).__cellgraph.store.getState().selection.nodes);
    await expect.poll(selected).toEqual(['load-image', 'gaussian-blur']);
    await page.keyboard.press('Control+c');
    const clip = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { format: string; nodes: { id: string }[]; edges: unknown[] };
    expect(clip.format).toBe('cellgraph-pipeline');
    expect(clip.nodes.map((n) => n.id)).toEqual(['load-image', 'gaussian-blur']);
    expect(clip.edges).toHaveLength(1);

    const tab = await context.newPage();
    try {
      await tab.goto(inject('baseURL'));
      await waitForReady(tab);
      await settle(tab);
      await tab.getByRole('button', { name: 'New', exact: true }).click();
      await tab.locator('.react-flow__pane').click();
      await tab.keyboard.press('Control+v');
      await expect.poll(async () => (await pipelineOf(tab)).nodes.map((n) => n.id)).toEqual(['load-image', 'gaussian-blur']);
      expect((await pipelineOf(tab)).edges).toHaveLength(1);
    } finally {
      await tab.close();
    }
  });

  test('dragging a slider is one undo step', async () => {
    const { page } = browser;
    await clickPane(); // (a click on a node of a multi-selection keeps the selection, as in React Flow)
    await canvasNode(page, 'gaussian-blur').locator('.cg-node-header').click();
    const sigma = async () => (await pipelineOf(page)).nodes.find((n) => n.id === 'gaussian-blur')!.params.sigma as number;
    const start = await sigma();
    await page.evaluate(() => {
      const w = window as unknown as { __cellgraph: { store: { subscribe(l: () => void): () => void } }; __changes: number };
      w.__changes = 0;
      w.__cellgraph.store.subscribe(() => w.__changes++);
    });
    const slider = page.getByRole('slider', { name: 'Sigma slider' });
    const box = (await slider.boundingBox())!;
    const from = await center(slider);
    await page.mouse.move(box.x + box.width * 0.05, from.y);
    await page.mouse.down();
    for (const f of [0.1, 0.15, 0.2, 0.25, 0.3]) await page.mouse.move(box.x + box.width * f, from.y, { steps: 2 });
    await page.mouse.up();
    const end = await sigma();
    expect(end).toBeGreaterThan(start);
    expect(await page.evaluate(() => (window as unknown as { __changes: number }).__changes)).toBeGreaterThan(3);
    // the focus is still on the slider: the editor's undo still applies there
    await page.keyboard.press('Control+z');
    expect(await sigma()).toBe(start);
    await page.keyboard.press('Control+Shift+z');
    expect(await sigma()).toBe(end);
    await settle(page);
    await screenshot(page, 'editing');
  });

  test('double-clicking the canvas searches node types and places the pick there', async () => {
    const { page } = browser;
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const point = { x: pane.x + 480, y: pane.y + 420 }; // empty canvas between the nodes
    await page.mouse.dblclick(point.x, point.y);
    await page.getByRole('textbox', { name: 'Search nodes to add' }).fill('label');
    await page.keyboard.press('Enter');
    await expect.poll(nodeIds).toContain('label');
    const box = (await canvasNode(page, 'label').boundingBox())!;
    expect(Math.abs(box.x - point.x)).toBeLessThan(3);
    expect(Math.abs(box.y - point.y)).toBeLessThan(3);
  });
});
