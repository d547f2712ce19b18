import { describe, expect, it } from 'vitest';
import { fakeRegistry } from '../testing/fake-nodes';
import { formatProblem } from './pipeline';
import { checkPipeline, loadPipelineText } from './validate';

const base = () => ({
  format: 'cellgraph-pipeline',
  version: 1,
  name: 'test',
  nodes: [
    { id: 'load', type: 'fake-source', params: {} },
    { id: 'add', type: 'fake-add', params: { amount: 2 } },
    { id: 'thr', type: 'fake-threshold', params: { t: 1 } },
  ],
  edges: [
    { from: { node: 'load', port: 'image' }, to: { node: 'add', port: 'image' } },
    { from: { node: 'add', port: 'image' }, to: { node: 'thr', port: 'image' } },
  ],
});

const problemsOf = (doc: unknown) => {
  const r = checkPipeline(doc, fakeRegistry);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('checkPipeline', () => {
  it('accepts a valid pipeline, fills defaults and orders nodes', () => {
    const doc = base();
    doc.nodes[2].params = {} as { t: number };
    const r = checkPipeline(doc, fakeRegistry);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.checked.order).toEqual(['load', 'add', 'thr']);
    expect(r.checked.pipeline.nodes[2].params).toEqual({ t: 0, fail: false });
  });

  it('orders by edges, not file order', () => {
    const doc = base();
    doc.nodes.reverse();
    const r = checkPipeline(doc, fakeRegistry);
    expect(r.ok && r.checked.order).toEqual(['load', 'add', 'thr']);
  });

  it('reports every problem at once, each located', () => {
    const doc = base();
    doc.nodes.push({ id: 'x', type: 'gausian-blur', params: {} });
    doc.nodes[1].params = { amount: 1000, colour: 'red' } as unknown as { amount: number };
    doc.edges.push({ from: { node: 'nope', port: 'image' }, to: { node: 'thr', port: 'image' } });
    doc.edges.push({ from: { node: 'load', port: 'pixels' }, to: { node: 'add', port: 'image' } });
    const problems = problemsOf(doc);
    expect(problems).toContain("node 'x': unknown node type 'gausian-blur'");
    expect(problems.some((p) => p.startsWith("node 'add', param 'amount': Too big") && p.includes('(got 1000)'))).toBe(true);
    expect(problems).toContain("node 'add', param 'colour': unknown param (fake-add has: amount)");
    expect(problems).toContain("edge 3 (nope.image → thr.image): no node 'nope'");
    expect(problems.some((p) => p.startsWith("edge 4 (load.pixels → add.image): 'load' (fake-source) has no output 'pixels'"))).toBe(true);
    expect(problems).toContain("node 'thr', input 'image': connected more than once");
    expect(problems).toContain("node 'add', input 'image': connected more than once");
  });

  it('suggests the closest node type for a typo', () => {
    const doc = base();
    doc.nodes[1].type = 'fake-ad';
    expect(problemsOf(doc)).toContain("node 'add': unknown node type 'fake-ad' (did you mean 'fake-add'?)");
  });

  it('rejects mismatched port types', () => {
    const doc = base();
    doc.nodes.push({ id: 'lab', type: 'fake-label', params: {} });
    doc.edges.push({ from: { node: 'add', port: 'image' }, to: { node: 'lab', port: 'mask' } });
    expect(problemsOf(doc)).toContain('edge 3 (add.image → lab.mask): cannot connect a image output to a mask input');
  });

  it('reports a required input left open but not an optional one', () => {
    const doc = base();
    doc.nodes.push({ id: 'lab', type: 'fake-label', params: {} });
    expect(problemsOf(doc)).toEqual(["node 'lab', input 'mask': required mask input is not connected"]);
  });

  it('names the nodes of a cycle', () => {
    const doc = base();
    doc.nodes.push({ id: 'add2', type: 'fake-add', params: {} });
    doc.edges[1] = { from: { node: 'add2', port: 'image' }, to: { node: 'add', port: 'image' } };
    doc.edges[0] = { from: { node: 'add', port: 'image' }, to: { node: 'add2', port: 'image' } };
    doc.edges.push({ from: { node: 'add', port: 'image' }, to: { node: 'thr', port: 'image' } });
    const problems = problemsOf(doc);
    const cycle = problems.find((p) => p.includes('form a cycle'));
    expect(cycle).toMatch(/'add'/);
    expect(cycle).toMatch(/'add2'/);
    expect(cycle).toMatch(/add → add2 → add|add2 → add → add2/);
    expect(cycle).not.toMatch(/'thr'/);
  });

  it('reports duplicate node ids and bad ids', () => {
    const doc = base();
    doc.nodes.push({ id: 'add', type: 'fake-add', params: {} });
    expect(problemsOf(doc)).toContain("node 'add': the same id is used by more than one node");
    const bad = base();
    bad.nodes[0].id = 'lo.ad';
    expect(problemsOf(bad)[0]).toMatch(/^node 1, field 'id'/);
  });

  it('migrates node params written for an older node version', () => {
    const doc = base();
    Object.assign(doc.nodes[1], { version: 1, params: { value: 5 } });
    const r = checkPipeline(doc, fakeRegistry);
    expect(r.ok && r.checked.pipeline.nodes[1]).toMatchObject({ version: 2, params: { amount: 5 } });
  });

  it('refuses params from a newer node version', () => {
    const doc = base();
    Object.assign(doc.nodes[1], { version: 3 });
    expect(problemsOf(doc)).toEqual(["node 'add': made for version 3 of 'fake-add', this cellgraph has version 2"]);
  });

  it('migrates a version 0 document (React Flow edges, params as data)', () => {
    const v0 = {
      format: 'cellgraph-pipeline',
      version: 0,
      nodes: [
        { id: 'load', type: 'fake-source', data: {} },
        { id: 'add', type: 'fake-add', data: { amount: 3 } },
      ],
      edges: [{ source: 'load', sourceHandle: 'image', target: 'add', targetHandle: 'image' }],
    };
    const r = checkPipeline(v0, fakeRegistry);
    expect(r.ok).toBe(true);
    expect(r.ok && r.checked.pipeline.edges).toEqual([{ from: { node: 'load', port: 'image' }, to: { node: 'add', port: 'image' } }]);
    expect(r.ok && r.checked.pipeline.nodes[1].params).toEqual({ amount: 3 });
  });

  it('refuses a newer format and a non-pipeline', () => {
    expect(problemsOf({ ...base(), version: 7 })[0]).toMatch(/made by a newer cellgraph/);
    expect(problemsOf({ format: 'comfy' })[0]).toMatch(/not a cellgraph pipeline/);
    expect(problemsOf([1, 2])[0]).toMatch(/JSON object/);
  });
});

describe('loadPipelineText', () => {
  it('locates JSON syntax errors by line and column', () => {
    const text = '{\n  "format": "cellgraph-pipeline",\n  "version": 1,\n  "nodes": [,]\n}';
    const r = loadPipelineText(text, fakeRegistry);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map(formatProblem)).toEqual(['line 4, column 13: invalid JSON: value expected']);
  });

  it('reports an empty file', () => {
    const r = loadPipelineText('', fakeRegistry);
    expect(!r.ok && formatProblem(r.problems[0])).toMatch(/^line 1, column 1: invalid JSON/);
  });

  it('never lets __proto__ reach a prototype', () => {
    const doc = base();
    const text = JSON.stringify(doc).replace('"params":{"amount":2}', '"params":{"amount":2,"__proto__":{"polluted":true}}');
    const withTop = text.replace('{"format"', '{"__proto__":{"polluted":true},"format"');
    const r = loadPipelineText(withTop, fakeRegistry);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(r.ok).toBe(false);
    const problems = !r.ok ? r.problems.map(formatProblem) : [];
    expect(problems).toContain("top level: key '__proto__' is not allowed (removed)");
    expect(problems).toContain("nodes[1].params: key '__proto__' is not allowed (removed)");
  });
});
