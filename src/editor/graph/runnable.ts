// The part of a half-built graph that can run now. While the user builds, some nodes have open
// inputs or bad params; those (and what depends on them) wait with a reason, and the rest runs.
import { portAccepts, type Registry } from '../../core/node';
import type { Pipeline, Problem } from '../../core/pipeline';
import { checkParams, checkPipeline, type CheckedPipeline } from '../../core/validate';

export interface RunnablePart {
  /** The checked sub-pipeline of every runnable node, or undefined when nothing can run. */
  checked?: CheckedPipeline;
  /** Why each node that cannot run cannot, one line per reason. */
  problems: Map<string, string[]>;
}

export function runnablePart(pipeline: Pipeline, registry: Registry): RunnablePart {
  const problems = new Map<string, string[]>();
  const note = (id: string, message: string) => problems.set(id, [...(problems.get(id) ?? []), message]);
  const selfOk = new Set<string>();
  for (const node of pipeline.nodes) {
    const def = registry.get(node.type);
    if (!def) {
      note(node.id, `unknown node type '${node.type}'`);
      continue;
    }
    const found: Problem[] = [];
    checkParams(node, def, found);
    found.forEach((p) => note(node.id, formatParamProblem(p)));
    const incoming = pipeline.edges.filter((e) => e.to.node === node.id);
    for (const [name, spec] of Object.entries(def.inputs)) {
      const wires = incoming.filter((e) => e.to.port === name);
      if (wires.length === 0 && !spec.optional) note(node.id, `input '${name}' (${spec.type}) is not connected`);
      if (wires.length > 1) note(node.id, `input '${name}' is connected more than once`);
      for (const w of wires) {
        const fromDef = registry.get(pipeline.nodes.find((n) => n.id === w.from.node)?.type ?? '');
        const out = fromDef?.outputs[w.from.port];
        if (fromDef && !out) note(node.id, `'${w.from.node}' has no output '${w.from.port}'`);
        if (out && !portAccepts(spec.type, out.type)) note(node.id, `input '${name}' cannot take a ${out.type}`);
      }
    }
    for (const e of incoming) if (!def.inputs[e.to.port]) note(node.id, `has no input '${e.to.port}'`);
    if (!problems.has(node.id)) selfOk.add(node.id);
  }

  // a node runs when it is fine itself and everything feeding it runs (fixpoint; cycles never settle)
  const runs = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of pipeline.nodes) {
      if (runs.has(node.id) || !selfOk.has(node.id)) continue;
      if (pipeline.edges.every((e) => e.to.node !== node.id || runs.has(e.from.node))) {
        runs.add(node.id);
        changed = true;
      }
    }
  }
  for (const node of pipeline.nodes) {
    if (!selfOk.has(node.id) || runs.has(node.id)) continue;
    const blocker = pipeline.edges.find((e) => e.to.node === node.id && !runs.has(e.from.node));
    note(node.id, blocker && !selfOk.has(blocker.from.node) ? `waiting on '${blocker.from.node}'` : 'part of a cycle');
  }

  if (runs.size === 0) return { problems };
  const sub: Pipeline = {
    ...pipeline,
    nodes: pipeline.nodes.filter((n) => runs.has(n.id)),
    edges: pipeline.edges.filter((e) => runs.has(e.to.node) && runs.has(e.from.node)),
  };
  const result = checkPipeline(sub, registry);
  if (!result.ok) {
    for (const p of result.problems) {
      const id = /node '([^']+)'/.exec(p.where)?.[1];
      if (id) note(id, p.message);
    }
    return { problems };
  }
  return { checked: result.checked, problems };
}

function formatParamProblem(p: Problem): string {
  const param = /param '([^']+)'/.exec(p.where)?.[1];
  return param ? `${param}: ${p.message}` : p.message;
}
