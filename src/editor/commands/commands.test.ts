import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import type { Pipeline } from '../../core/pipeline';
import { initialState, isRefusal, type CommandContext, type EditorState } from '../store/state';
import { addNode } from './add-node';
import { connect } from './connect';
import { deleteElements } from './delete-elements';
import { moveNodes } from './move-nodes';
import { paste, parseFragment, selectionToPipeline } from './paste';

const ctx: CommandContext = { registry: nodeRegistry };

function ok(result: ReturnType<typeof addNode>): EditorState {
  if (isRefusal(result)) throw new Error(result.refused);
  return result;
}

/** load → blur → threshold, built through the commands. */
function chain(): EditorState {
  let s = initialState();
  s = ok(addNode(s, { type: 'load-image', position: { x: 0, y: 0 } }, ctx));
  s = ok(addNode(s, { type: 'gaussian-blur', position: { x: 300, y: 0 } }, ctx));
  s = ok(addNode(s, { type: 'threshold', position: { x: 600, y: 0 } }, ctx));
  s = ok(connect(s, { from: { node: 'load-image', port: 'image' }, to: { node: 'gaussian-blur', port: 'image' } }, ctx));
  return ok(connect(s, { from: { node: 'gaussian-blur', port: 'image' }, to: { node: 'threshold', port: 'image' } }, ctx));
}

describe('addNode', () => {
  test('writes out the defaults, gives a unique readable id and selects the node', () => {
    let s = ok(addNode(initialState(), { type: 'gaussian-blur', position: { x: 10.4, y: 20.6 } }, ctx));
    s = ok(addNode(s, { type: 'gaussian-blur', position: { x: 0, y: 0 } }, ctx));
    expect(s.pipeline.nodes.map((n) => n.id)).toEqual(['gaussian-blur', 'gaussian-blur-2']);
    expect(s.pipeline.nodes[0]).toMatchObject({ type: 'gaussian-blur', version: 1, params: { sigma: 2 }, position: { x: 10, y: 21 } });
    expect(s.selection.nodes).toEqual(['gaussian-blur-2']);
    expect(addNode(s, { type: 'no-such-node', position: { x: 0, y: 0 } }, ctx)).toEqual({ refused: "unknown node type 'no-such-node'" });
  });
});

describe('connect', () => {
  test('refuses mismatched types and cycles with the reason', () => {
    const s = chain();
    expect(connect(s, { from: { node: 'threshold', port: 'mask' }, to: { node: 'gaussian-blur', port: 'image' } }, ctx)).toEqual({
      refused: 'a mask output cannot feed an image input',
    });
    let t = ok(addNode(s, { type: 'gaussian-blur', position: { x: 0, y: 0 } }, ctx));
    t = ok(connect(t, { from: { node: 'gaussian-blur', port: 'image' }, to: { node: 'gaussian-blur-2', port: 'image' } }, ctx));
    expect(connect(t, { from: { node: 'gaussian-blur-2', port: 'image' }, to: { node: 'load-image', port: 'image' } }, ctx)).toEqual({
      refused: "'load-image' has no input 'image'",
    });
    expect(connect(t, { from: { node: 'threshold', port: 'threshold' }, to: { node: 'gaussian-blur', port: 'image' } }, ctx)).toMatchObject({ refused: expect.stringMatching(/number output cannot feed/) });
    const cyc = connect(t, { from: { node: 'gaussian-blur-2', port: 'image' }, to: { node: 'gaussian-blur', port: 'image' } }, ctx);
    expect(cyc).toEqual({ refused: 'this would make a cycle: gaussian-blur-2 → gaussian-blur → gaussian-blur-2' });
  });

  test('a new wire into a connected input replaces the old one', () => {
    let s = chain();
    s = ok(addNode(s, { type: 'gaussian-blur', position: { x: 0, y: 0 } }, ctx));
    s = ok(connect(s, { from: { node: 'load-image', port: 'image' }, to: { node: 'gaussian-blur-2', port: 'image' } }, ctx));
    s = ok(connect(s, { from: { node: 'gaussian-blur-2', port: 'image' }, to: { node: 'threshold', port: 'image' } }, ctx));
    expect(s.pipeline.edges.filter((e) => e.to.node === 'threshold')).toEqual([{ from: { node: 'gaussian-blur-2', port: 'image' }, to: { node: 'threshold', port: 'image' } }]);
  });
});

describe('delete, move', () => {
  test('deleting a node removes its wires and its selection', () => {
    const s = { ...chain(), selection: { nodes: ['gaussian-blur', 'threshold'], edges: [] } };
    const d = ok(deleteElements(s, { nodes: ['gaussian-blur'], edges: [] }, ctx));
    expect(d.pipeline.nodes.map((n) => n.id)).toEqual(['load-image', 'threshold']);
    expect(d.pipeline.edges).toEqual([]);
    expect(d.selection.nodes).toEqual(['threshold']);
  });

  test('moving to the same (rounded) place is no change at all', () => {
    const s = chain();
    expect(moveNodes(s, { 'load-image': { x: 0.2, y: -0.3 } }, ctx)).toBe(s);
    expect(ok(moveNodes(s, { 'load-image': { x: 5, y: 7 } }, ctx)).pipeline.nodes[0].position).toEqual({ x: 5, y: 7 });
  });
});

describe('copy and paste', () => {
  test('the selection travels as pipeline JSON with the wires inside it, and pastes with fresh ids', () => {
    const s = { ...chain(), selection: { nodes: ['gaussian-blur', 'threshold'], edges: [] } };
    const fragment = selectionToPipeline(s)!;
    expect(fragment.nodes.map((n) => n.id)).toEqual(['gaussian-blur', 'threshold']);
    expect(fragment.edges).toHaveLength(1); // the wire from load-image stays behind
    const text = JSON.stringify(fragment);
    const back = parseFragment(text) as Pipeline;
    const pasted = ok(paste(s, { fragment: back }, ctx));
    expect(pasted.pipeline.nodes.map((n) => n.id)).toEqual(['load-image', 'gaussian-blur', 'threshold', 'gaussian-blur-2', 'threshold-2']);
    expect(pasted.pipeline.edges.at(-1)).toEqual({ from: { node: 'gaussian-blur-2', port: 'image' }, to: { node: 'threshold-2', port: 'image' } });
    expect(pasted.pipeline.nodes[3].position).toEqual({ x: 340, y: 40 });
    expect(pasted.selection.nodes).toEqual(['gaussian-blur-2', 'threshold-2']);
  });

  test('text that is not a pipeline is not pasted; unknown node types are refused', () => {
    expect(parseFragment('hello')).toBeUndefined();
    expect(parseFragment('{"format":"something-else"}')).toBeUndefined();
    const alien = { format: 'cellgraph-pipeline', version: 1, name: 'x', description: '', nodes: [{ id: 'a', type: 'alien', params: {} }], edges: [] } as Pipeline;
    expect(paste(initialState(), { fragment: alien }, ctx)).toEqual({ refused: "cannot paste: unknown node type 'alien'" });
  });
});
