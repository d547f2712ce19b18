import { describe, expect, it } from 'vitest';
import { nodeRegistry } from '../../nodes/index';
import { createLabels, emptyMeta } from './image';
import type { NodeOutputs } from './executor';
import { createTable } from './table';
import { checkPipeline } from './validate';
import { batchNodes, checkOutputNames, collectTables, summarize, summaryColumns, tableNames } from './batch-record';

function checked(extra: { nodes?: object[]; edges?: object[] } = {}) {
  const doc = {
    format: 'cellgraph-pipeline', version: 1, name: 't',
    nodes: [
      { id: 'load', type: 'load-image', params: {} },
      { id: 'threshold', type: 'threshold', params: {} },
      { id: 'label', type: 'label', params: {} },
      { id: 'measure', type: 'measure-objects', params: {} },
      { id: 'export', type: 'export-table', params: { name: 'cells' } },
      ...(extra.nodes ?? []),
    ],
    edges: [
      { from: { node: 'load', port: 'image' }, to: { node: 'threshold', port: 'image' } },
      { from: { node: 'threshold', port: 'mask' }, to: { node: 'label', port: 'mask' } },
      { from: { node: 'label', port: 'labels' }, to: { node: 'measure', port: 'labels' } },
      { from: { node: 'load', port: 'image' }, to: { node: 'measure', port: 'image' } },
      { from: { node: 'measure', port: 'table' }, to: { node: 'export', port: 'table' } },
      ...(extra.edges ?? []),
    ],
  };
  const result = checkPipeline(doc, nodeRegistry);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { checked: result.checked, registry: nodeRegistry };
}

describe('summaryColumns and summarize', () => {
  it('a count per labels output and each number output, in pipeline order; non-finite numbers and missing values are empty', () => {
    const ctx = checked();
    expect(summaryColumns(ctx).map((c) => c.column)).toEqual(['threshold.threshold', 'label.count']);
    const labels = createLabels({ width: 5, height: 1 }, Uint32Array.from([0, 3, 3, 1, 0]), 3);
    const values = new Map<string, NodeOutputs>([['threshold', { threshold: Infinity }], ['label', { labels }]]);
    expect(summarize(ctx, values)).toEqual({ 'threshold.threshold': null, 'label.count': 2 });
    expect(summarize(ctx, new Map([['threshold', { threshold: 0.25 }]]))).toEqual({ 'threshold.threshold': 0.25, 'label.count': null });
  });
});

describe('collectTables', () => {
  it('each export-table\'s rows by its name, non-finite numbers as null, units kept, provenance carried', () => {
    const ctx = checked();
    const meta = { ...emptyMeta(), provenance: { cellgraph: 'x', steps: [], inputs: [] } };
    const table = createTable([{ name: 'label', values: [1, 2] }, { name: 'area', values: [NaN, 4], unit: 'µm²' }, { name: 'well', values: ['A1', 'A1'] }], meta);
    expect(tableNames(ctx)).toEqual(['cells']);
    expect(collectTables(ctx, new Map([['export', { table }]]))).toEqual({
      cells: { columns: [{ name: 'label' }, { name: 'area', unit: 'µm²' }, { name: 'well' }], rows: [[1, null, 'A1'], [2, 4, 'A1']], provenance: meta.provenance },
    });
  });
});

describe('batchNodes and checkOutputNames', () => {
  it('finds batch nodes', () => {
    expect(batchNodes(checked())).toEqual([]);
    const withMean = checked({ nodes: [{ id: 'mean', type: 'batch-mean', params: {} }], edges: [{ from: { node: 'load', port: 'image' }, to: { node: 'mean', port: 'image' } }] });
    expect(batchNodes(withMean).map((n) => n.id)).toEqual(['mean']);
  });

  it('refuses a table named like another file of the batch, ignoring case', () => {
    expect(() => checkOutputNames(checked())).not.toThrow();
    expect(() => checkOutputNames(checked(), [['CELLS.csv', '--group-by x']])).toThrow("node 'export' would write cells.csv, as --group-by x does: give it another name");
    const images = checked({ nodes: [{ id: 'e2', type: 'export-table', params: { name: 'Images' } }], edges: [{ from: { node: 'measure', port: 'table' }, to: { node: 'e2', port: 'table' } }] });
    expect(() => checkOutputNames(images)).toThrow("node 'e2' would write Images.csv, as the runner (its summary table) does");
  });
});
