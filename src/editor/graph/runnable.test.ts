import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import type { Pipeline } from '../../core/pipeline';
import { emptyPipeline } from '../store/state';
import { runnablePart } from './runnable';

const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params });
const edge = (a: string, ap: string, b: string, bp: string) => ({ from: { node: a, port: ap }, to: { node: b, port: bp } });

describe('runnablePart of a half-built graph', () => {
  test('runs what is complete; says why the rest waits', () => {
    const p: Pipeline = {
      ...emptyPipeline(),
      nodes: [node('load', 'load-image'), node('blur', 'gaussian-blur'), node('thr', 'threshold'), node('label', 'label'), node('bad', 'gaussian-blur', { sigma: -1 })],
      edges: [edge('load', 'image', 'blur', 'image'), edge('thr', 'mask', 'label', 'mask'), edge('load', 'image', 'bad', 'image')],
    };
    const { checked, problems } = runnablePart(p, nodeRegistry);
    expect(checked?.pipeline.nodes.map((n) => n.id)).toEqual(['load', 'blur']);
    expect(checked?.order).toEqual(['load', 'blur']);
    expect(problems.get('thr')).toEqual(["input 'image' (image) is not connected"]);
    expect(problems.get('label')).toEqual(["waiting on 'thr'"]);
    expect(problems.get('bad')?.[0]).toMatch(/^sigma: /);
    expect(problems.has('load')).toBe(false);
  });

  test('nothing runnable: no checked pipeline', () => {
    const p: Pipeline = { ...emptyPipeline(), nodes: [node('x', 'no-such-type')], edges: [] };
    const { checked, problems } = runnablePart(p, nodeRegistry);
    expect(checked).toBeUndefined();
    expect(problems.get('x')).toEqual(["unknown node type 'no-such-type'"]);
  });
});
