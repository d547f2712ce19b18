import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import { addNode } from '../commands/add-node';
import { connect } from '../commands/connect';
import { select } from '../commands/select';
import { setParam } from '../commands/set-param';
import { EditorStore } from './editor-store';

function storeWithBlur(): EditorStore {
  const store = new EditorStore(nodeRegistry);
  store.exec(addNode, { type: 'load-image', position: { x: 0, y: 0 } });
  store.exec(addNode, { type: 'gaussian-blur', position: { x: 300, y: 0 } });
  return store;
}

const sigma = (store: EditorStore) => store.getState().pipeline.nodes.find((n) => n.id === 'gaussian-blur')!.params.sigma;

describe('EditorStore undo/redo', () => {
  test('each command is one step; undo and redo walk them; a new change drops the redo steps', () => {
    const store = storeWithBlur();
    expect(store.exec(connect, { from: { node: 'load-image', port: 'image' }, to: { node: 'gaussian-blur', port: 'image' } })).toBeUndefined();
    expect(store.getState().pipeline.edges).toHaveLength(1);
    store.undo();
    expect(store.getState().pipeline.edges).toHaveLength(0);
    store.undo();
    expect(store.getState().pipeline.nodes.map((n) => n.id)).toEqual(['load-image']);
    store.redo();
    store.redo();
    expect(store.getState().pipeline.edges).toHaveLength(1);
    expect(store.history.canRedo).toBe(false);
    store.undo();
    store.exec(setParam, { node: 'gaussian-blur', key: 'sigma', value: 4 });
    expect(store.history.canRedo).toBe(false);
  });

  test('changes with one coalesce key (a slider drag) are one step until sealed', () => {
    const store = storeWithBlur();
    const key = { coalesce: 'param:gaussian-blur:sigma' };
    for (const v of [2.5, 3, 3.5, 4]) store.exec(setParam, { node: 'gaussian-blur', key: 'sigma', value: v }, key);
    store.seal();
    for (const v of [5, 6]) store.exec(setParam, { node: 'gaussian-blur', key: 'sigma', value: v }, key);
    expect(sigma(store)).toBe(6);
    store.undo();
    expect(sigma(store)).toBe(4);
    store.undo();
    expect(sigma(store)).toBe(2);
    store.redo();
    expect(sigma(store)).toBe(4);
  });

  test('a different key, or an uncoalesced change, starts a new step', () => {
    const store = storeWithBlur();
    store.exec(setParam, { node: 'gaussian-blur', key: 'sigma', value: 3 }, { coalesce: 'a' });
    store.exec(setParam, { node: 'gaussian-blur', key: 'sigma', value: 4 }, { coalesce: 'b' });
    store.exec(setParam, { node: 'gaussian-blur', key: 'sigma', value: 5 });
    store.undo();
    expect(sigma(store)).toBe(4);
    store.undo();
    expect(sigma(store)).toBe(3);
  });

  test('selection changes are not undo steps, and a refused command changes nothing', () => {
    const store = storeWithBlur();
    const before = store.getState();
    store.exec(select, { nodes: ['load-image'], edges: [] }, { record: false });
    expect(store.getState().selection.nodes).toEqual(['load-image']);
    expect(store.exec(connect, { from: { node: 'gaussian-blur', port: 'image' }, to: { node: 'gaussian-blur', port: 'image' } })).toBe('a node cannot feed itself');
    expect(store.getState().pipeline).toBe(before.pipeline);
    store.undo(); // undoes adding the blur node, not the selection
    expect(store.getState().pipeline.nodes.map((n) => n.id)).toEqual(['load-image']);
  });

  test('subscribers hear every change with the previous state', () => {
    const store = storeWithBlur();
    const seen: number[] = [];
    store.subscribe((next, prev) => seen.push(next.pipeline.nodes.length - prev.pipeline.nodes.length));
    store.exec(addNode, { type: 'threshold', position: { x: 0, y: 0 } });
    store.undo();
    expect(seen).toEqual([1, -1]);
  });
});
