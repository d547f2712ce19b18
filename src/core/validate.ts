// Checks a pipeline against the node registry and reports every problem at once, each located by
// node id, param name or edge: unknown types, bad params, dangling or mistyped edges, inputs
// connected twice or left open, and cycles (naming their nodes).
import type { z } from 'zod';
import type { AnyNodeDefinition, Registry } from './node';
import { portAccepts } from './node';
import {
  formatProblem,
  isRecord,
  migrateDocument,
  parseJSONText,
  pipelineSchema,
  type Pipeline,
  type PipelineEdge,
  type PipelineNode,
  type Problem,
} from './pipeline';

/** A pipeline that passed every check: params are parsed (defaults filled), nodes in run order. */
export interface CheckedPipeline {
  pipeline: Pipeline;
  /** Node ids in topological order (ties broken by file order). */
  order: string[];
}

export type CheckResult = { ok: true; checked: CheckedPipeline; problems: [] } | { ok: false; problems: Problem[] };

/** Read a pipeline from file text: JSON syntax, format version, schema, then the graph. */
export function loadPipelineText(text: string, registry: Registry): CheckResult {
  const parsed = parseJSONText(text);
  if (parsed.value === undefined) return { ok: false, problems: parsed.problems };
  const result = checkPipeline(parsed.value, registry);
  if (parsed.problems.length === 0) return result;
  return { ok: false, problems: [...parsed.problems, ...result.problems] };
}

export function checkPipeline(doc: unknown, registry: Registry): CheckResult {
  const migrated = migrateDocument(doc);
  if (migrated.problems.length) return { ok: false, problems: migrated.problems };
  const shape = pipelineSchema.safeParse(migrated.doc);
  if (!shape.success) return { ok: false, problems: shape.error.issues.map(issueToProblem) };
  const pipeline = shape.data;
  const problems: Problem[] = [];

  const nodes = new Map<string, PipelineNode>();
  pipeline.nodes.forEach((n) => {
    if (nodes.has(n.id)) problems.push({ where: `node '${n.id}'`, message: 'the same id is used by more than one node' });
    nodes.set(n.id, n);
  });

  const resolvedNodes = pipeline.nodes.map((n) => {
    const def = registry.get(n.type);
    if (!def) {
      problems.push({ where: `node '${n.id}'`, message: `unknown node type '${n.type}'${suggest(n.type, [...registry.keys()])}` });
      return n;
    }
    const params = checkParams(n, def, problems);
    return params ? { ...n, version: def.version, params } : n;
  });

  checkEdges(pipeline.edges, nodes, registry, problems);
  const order = topologicalOrder(pipeline.nodes, pipeline.edges, nodes, problems);

  if (problems.length) return { ok: false, problems };
  return { ok: true, checked: { pipeline: { ...pipeline, nodes: resolvedNodes }, order }, problems: [] };
}

/** Validate (and migrate) one node's params; returns the parsed params or undefined on problems. */
export function checkParams(
  node: Pick<PipelineNode, 'id' | 'params' | 'version'>,
  def: AnyNodeDefinition,
  problems: Problem[],
): Record<string, unknown> | undefined {
  const where = (param?: string) => (param ? `node '${node.id}', param '${param}'` : `node '${node.id}'`);
  let raw: Record<string, unknown> = { ...node.params };
  const written = node.version ?? def.version;
  if (written > def.version) {
    problems.push({ where: where(), message: `made for version ${written} of '${def.type}', this cellgraph has version ${def.version}` });
    return undefined;
  }
  for (let v = written; v < def.version; v++) {
    const up = def.migrations?.[v];
    if (!up) {
      problems.push({ where: where(), message: `cannot migrate '${def.type}' params from version ${v}` });
      return undefined;
    }
    raw = up(raw);
  }
  const known = def.params.shape as Record<string, z.ZodType>;
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!Object.prototype.hasOwnProperty.call(known, key)) {
      problems.push({ where: where(key), message: `unknown param (${def.type} has: ${Object.keys(known).join(', ') || 'no params'})` });
      ok = false;
    }
  }
  const parsed = def.params.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const param = issue.path.length ? String(issue.path[0]) : undefined;
      if (issue.code === 'unrecognized_keys') continue; // reported above
      const got = param !== undefined && param in raw ? ` (got ${JSON.stringify(raw[param])})` : '';
      problems.push({ where: where(param), message: `${issue.message}${got}` });
    }
    return undefined;
  }
  return ok ? (parsed.data as Record<string, unknown>) : undefined;
}

function checkEdges(edges: PipelineEdge[], nodes: Map<string, PipelineNode>, registry: Registry, problems: Problem[]) {
  const connected = new Map<string, number>();
  edges.forEach((e, i) => {
    const where = `edge ${i + 1} (${e.from.node}.${e.from.port} → ${e.to.node}.${e.to.port})`;
    const fromNode = nodes.get(e.from.node);
    const toNode = nodes.get(e.to.node);
    if (!fromNode) problems.push({ where, message: `no node '${e.from.node}'` });
    if (!toNode) problems.push({ where, message: `no node '${e.to.node}'` });
    const fromDef = fromNode && registry.get(fromNode.type);
    const toDef = toNode && registry.get(toNode.type);
    const out = fromDef?.outputs[e.from.port];
    const inp = toDef?.inputs[e.to.port];
    if (fromDef && !out) {
      problems.push({ where, message: `'${e.from.node}' (${fromDef.type}) has no output '${e.from.port}' (outputs: ${Object.keys(fromDef.outputs).join(', ') || 'none'})` });
    }
    if (toDef && !inp) {
      problems.push({ where, message: `'${e.to.node}' (${toDef.type}) has no input '${e.to.port}' (inputs: ${Object.keys(toDef.inputs).join(', ') || 'none'})` });
    }
    if (out && inp && !portAccepts(inp.type, out.type)) {
      problems.push({ where, message: `cannot connect a ${out.type} output to a ${inp.type} input` });
    }
    if (toNode) {
      const key = `${e.to.node}\u0000${e.to.port}`;
      const n = (connected.get(key) ?? 0) + 1;
      connected.set(key, n);
      if (n === 2) problems.push({ where: `node '${e.to.node}', input '${e.to.port}'`, message: 'connected more than once' });
    }
  });
  for (const node of nodes.values()) {
    const def = registry.get(node.type);
    if (!def) continue;
    for (const [name, spec] of Object.entries(def.inputs)) {
      if (!spec.optional && !connected.has(`${node.id}\u0000${name}`)) {
        problems.push({ where: `node '${node.id}', input '${name}'`, message: `required ${spec.type} input is not connected` });
      }
    }
  }
}

/** Kahn's algorithm in file order; on a cycle, report one cycle's nodes in order. */
function topologicalOrder(list: PipelineNode[], edges: PipelineEdge[], nodes: Map<string, PipelineNode>, problems: Problem[]): string[] {
  const succ = new Map<string, string[]>(list.map((n) => [n.id, []]));
  const indegree = new Map<string, number>(list.map((n) => [n.id, 0]));
  for (const e of edges) {
    if (!nodes.has(e.from.node) || !nodes.has(e.to.node)) continue;
    succ.get(e.from.node)!.push(e.to.node);
    indegree.set(e.to.node, indegree.get(e.to.node)! + 1);
  }
  const order: string[] = [];
  const ready = list.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const fileIndex = new Map(list.map((n, i) => [n.id, i]));
  while (ready.length) {
    // of the nodes ready to run, take the one earliest in the file, so a file in order keeps it
    ready.sort((a, b) => fileIndex.get(a)! - fileIndex.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const next of succ.get(id)!) {
      const d = indegree.get(next)! - 1;
      indegree.set(next, d);
      if (d === 0) ready.push(next);
    }
  }
  if (order.length < indegree.size) {
    const cycle = findCycle([...indegree.keys()].filter((id) => indegree.get(id)! > 0), succ);
    problems.push({ where: `nodes ${cycle.map((c) => `'${c}'`).join(', ')}`, message: `form a cycle: ${[...cycle, cycle[0]].join(' → ')}` });
  }
  return order;
}

/**
 * Nodes left over by Kahn's algorithm each have a predecessor among the left-overs, so walking
 * backwards along such predecessors must repeat a node: the walk from that repeat is a cycle.
 */
function findCycle(leftover: string[], succ: Map<string, string[]>): string[] {
  const inSet = new Set(leftover);
  const pred = new Map<string, string>();
  for (const [from, tos] of succ) {
    if (!inSet.has(from)) continue;
    for (const to of tos) if (inSet.has(to) && !pred.has(to)) pred.set(to, from);
  }
  const seen = new Map<string, number>();
  const walk: string[] = [];
  let id = leftover[0];
  while (!seen.has(id)) {
    seen.set(id, walk.length);
    walk.push(id);
    id = pred.get(id)!;
  }
  return walk.slice(seen.get(id)).reverse();
}

function issueToProblem(issue: z.core.$ZodIssue): Problem {
  const path = issue.path.map(String);
  let where = path.join('.');
  if (path[0] === 'nodes' && path.length >= 2) where = `node ${Number(path[1]) + 1}${path.length > 2 ? `, field '${path.slice(2).join('.')}'` : ''}`;
  if (path[0] === 'edges' && path.length >= 2) where = `edge ${Number(path[1]) + 1}${path.length > 2 ? `, field '${path.slice(2).join('.')}'` : ''}`;
  return { where: where || 'top level', message: issue.message };
}

function suggest(name: string, options: string[]): string {
  let best = '';
  let bestDist = Infinity;
  for (const o of options) {
    const d = editDistance(name, o);
    if (d < bestDist) [best, bestDist] = [o, d];
  }
  return bestDist <= Math.max(2, name.length / 4) ? ` (did you mean '${best}'?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

export { formatProblem, isRecord };
