import { describe, expect, it } from 'vitest';
import { nodeRegistry } from '../../nodes/index';
import { preparePipeline } from './prepare';
import { checkOutputNames, checkOutputsAvoidInputs } from './run';

function pipelineWith(sinks: { id: string; type: 'export-table' | 'save-image'; params: Record<string, string> }[]) {
  const doc = {
    format: 'cellgraph-pipeline', version: 1, name: 't',
    nodes: [
      { id: 'load', type: 'load-image', params: {} },
      { id: 'stats', type: 'measure-image', params: {} },
      ...sinks,
    ],
    edges: [
      { from: { node: 'load', port: 'image' }, to: { node: 'stats', port: 'image' } },
      ...sinks.map((s) => s.type === 'export-table'
        ? { from: { node: 'stats', port: 'table' }, to: { node: s.id, port: 'table' } }
        : { from: { node: 'load', port: 'image' }, to: { node: s.id, port: 'image' } }),
    ],
  };
  const prepared = preparePipeline(JSON.stringify(doc), [], nodeRegistry);
  if (!prepared.ok) throw new Error(prepared.problems.join('; '));
  return prepared.checked;
}

describe('checkOutputNames', () => {
  it('accepts distinct names, and one save-image name in both formats', () => {
    expect(() => checkOutputNames(pipelineWith([
      { id: 'a', type: 'export-table', params: { name: 'stats' } },
      { id: 'b', type: 'export-table', params: { name: 'more' } },
      { id: 'c', type: 'save-image', params: { name: 'copies', format: 'tiff' } },
      { id: 'd', type: 'save-image', params: { name: 'copies', format: 'png' } },
    ]), nodeRegistry)).not.toThrow();
  });

  it('refuses two tables with one file, a table named images, two image folders alike', () => {
    const check = (sinks: Parameters<typeof pipelineWith>[0]) => () => checkOutputNames(pipelineWith(sinks), nodeRegistry);
    expect(check([
      { id: 'a', type: 'export-table', params: { name: 'stats' } },
      { id: 'b', type: 'export-table', params: { name: 'Stats' } },
    ])).toThrow("node 'b' would write Stats.csv, as node 'a' does: give it another name");
    expect(check([{ id: 'a', type: 'export-table', params: { name: 'images' } }]))
      .toThrow("node 'a' would write images.csv, as the runner (its summary table) does");
    expect(check([
      { id: 'a', type: 'save-image', params: { name: 'copies' } },
      { id: 'b', type: 'save-image', params: { name: 'copies', format: 'tiff' } },
    ])).toThrow("node 'b' would write copies/*.tif, as node 'a' does");
  });
});

describe('checkOutputNames with --group-by', () => {
  it('refuses a table named like another table\'s group summary', () => {
    const checked = pipelineWith([
      { id: 'a', type: 'export-table', params: { name: 'stats' } },
      { id: 'b', type: 'export-table', params: { name: 'stats_by_well' } },
    ]);
    expect(() => checkOutputNames(checked, nodeRegistry)).not.toThrow();
    expect(() => checkOutputNames(checked, nodeRegistry, ['well'])).toThrow("node 'b' would write stats_by_well.csv, as --group-by well does");
  });
});

describe('checkOutputsAvoidInputs', () => {
  const checked = pipelineWith([{ id: 'save', type: 'save-image', params: { name: 'sub' } }]);
  it('refuses a saved image that is an input; accepts one beside it', () => {
    const input = { path: '/data/plate/sub/a.tif', display: 'a.tif', stem: 'a' };
    expect(() => checkOutputsAvoidInputs([input], checked, nodeRegistry, '/data/plate'))
      .toThrow("node 'save' would save over the input /data/plate/sub/a.tif");
    expect(() => checkOutputsAvoidInputs([input], checked, nodeRegistry, '/data/out')).not.toThrow();
  });

  it('with --stack, checks the files of each stack folder', () => {
    const stack = { path: '/data/plate/sub', display: 'sub', stem: 'sub', stack: ['/data/plate/sub/a.tif', '/data/plate/sub/sub.tif'] };
    expect(() => checkOutputsAvoidInputs([stack], checked, nodeRegistry, '/data/plate'))
      .toThrow("node 'save' would save over the input /data/plate/sub/sub.tif");
  });
});
