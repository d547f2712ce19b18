// Whether a wire may be drawn from an output to an input, and if not, why: the reason is shown
// while the user drags, so it names the types or the cycle.
import { portAccepts, type Registry } from '../../core/node';
import type { Pipeline, PipelineEdge } from '../../core/pipeline';

export const connectionMessages = {
  sameNode: () => 'a node cannot feed itself',
  noPort: (node: string, port: string, side: 'output' | 'input') => `'${node}' has no ${side} '${port}'`,
  typeMismatch: (fromType: string, toType: string) => `${article(fromType)} ${fromType} output cannot feed ${article(toType)} ${toType} input`,
  cycle: (path: string[]) => `this would make a cycle: ${path.join(' → ')}`,
  unknownType: (type: string) => `unknown node type '${type}'`,
};

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** The reason the edge is refused, or undefined when it may be added. */
export function connectionProblem(pipeline: Pipeline, edge: PipelineEdge, registry: Registry): string | undefined {
  const fromNode = pipeline.nodes.find((n) => n.id === edge.from.node);
  const toNode = pipeline.nodes.find((n) => n.id === edge.to.node);
  if (!fromNode) return connectionMessages.noPort(edge.from.node, edge.from.port, 'output');
  if (!toNode) return connectionMessages.noPort(edge.to.node, edge.to.port, 'input');
  if (fromNode.id === toNode.id) return connectionMessages.sameNode();
  const fromDef = registry.get(fromNode.type);
  const toDef = registry.get(toNode.type);
  if (!fromDef) return connectionMessages.unknownType(fromNode.type);
  if (!toDef) return connectionMessages.unknownType(toNode.type);
  const out = fromDef.outputs[edge.from.port];
  const inp = toDef.inputs[edge.to.port];
  if (!out) return connectionMessages.noPort(fromNode.id, edge.from.port, 'output');
  if (!inp) return connectionMessages.noPort(toNode.id, edge.to.port, 'input');
  if (!portAccepts(inp.type, out.type)) return connectionMessages.typeMismatch(out.type, inp.type);
  // the edge from → to closes a cycle when `from` is already reachable from `to`
  const path = pathBetween(pipeline.edges, toNode.id, fromNode.id);
  if (path) return connectionMessages.cycle([fromNode.id, ...path]);
  return undefined;
}

/** A path of node ids from `start` to `goal` along edges (ignoring the input being replaced), if any. */
function pathBetween(edges: PipelineEdge[], start: string, goal: string): string[] | undefined {
  const prev = new Map<string, string>([[start, '']]);
  const queue = [start];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === goal) {
      const path = [id];
      for (let p = prev.get(id)!; p; p = prev.get(p)!) path.unshift(p);
      return path;
    }
    for (const e of edges) {
      if (e.from.node === id && !prev.has(e.to.node)) {
        prev.set(e.to.node, id);
        queue.push(e.to.node);
      }
    }
  }
  return undefined;
}
