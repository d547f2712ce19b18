import { describe, expect, it } from 'vitest';
import { fakeRegistry } from '../testing/fake-nodes';
import { preparePipeline } from './prepare';

const text = JSON.stringify({
  format: 'cellgraph-pipeline',
  version: 1,
  nodes: [
    { id: 'load', type: 'fake-source' },
    { id: 'add', type: 'fake-add', params: { amount: 2 } },
    { id: 'thr', type: 'fake-threshold' },
  ],
  edges: [
    { from: { node: 'load', port: 'image' }, to: { node: 'add', port: 'image' } },
    { from: { node: 'add', port: 'image' }, to: { node: 'thr', port: 'image' } },
  ],
});

describe('preparePipeline --set', () => {
  it('parses values as JSON where they are JSON, as text otherwise', () => {
    const r = preparePipeline(text, ['add.amount=5', 'thr.fail=true', 'thr.t=-1.5'], fakeRegistry);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.checked.pipeline.nodes.map((n) => n.params)).toEqual([{}, { amount: 5 }, { t: -1.5, fail: true }]);
  });

  it('reports unknown nodes, malformed settings and bad values', () => {
    const r = preparePipeline(text, ['nope.x=1', 'add'], fakeRegistry);
    expect(!r.ok && r.problems).toEqual(["--set nope.x=1: no node 'nope' in the pipeline", '--set add: expected NODE.PARAM=VALUE']);
    const bad = preparePipeline(text, ['add.amount=lots'], fakeRegistry);
    expect(!bad.ok && bad.problems[0]).toMatch(/^node 'add', param 'amount': .*expected number.*\(got "lots"\)/);
    const unknown = preparePipeline(text, ['add.__proto__={"x":1}'], fakeRegistry);
    expect(!unknown.ok && unknown.problems[0]).toMatch(/__proto__/);
  });
});
