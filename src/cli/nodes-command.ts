// `cellgraph nodes`: every node type with its ports and params, as text or JSON.
import { z } from 'zod';
import type { AnyNodeDefinition, Registry } from '../core/node';

function paramsSchema(def: AnyNodeDefinition): Record<string, unknown> {
  return z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function nodesAsJSON(registry: Registry) {
  return [...registry.values()].map((def) => ({
    type: def.type,
    version: def.version,
    category: def.category,
    label: def.label,
    ...(def.aliases ? { aliases: def.aliases } : {}),
    description: def.description,
    inputs: def.inputs,
    outputs: def.outputs,
    params: paramsSchema(def),
  }));
}

export function describeNodes(registry: Registry): string {
  const lines: string[] = [];
  for (const def of registry.values()) {
    lines.push(`${def.type} (${def.category}, v${def.version}): ${def.label}`);
    if (def.aliases?.length) lines.push(`  also:    ${def.aliases.join(', ')}`);
    const ports = (ps: Record<string, { type: string; optional?: boolean }>) =>
      Object.entries(ps).map(([n, s]) => `${n}: ${s.type}${s.optional ? '?' : ''}`).join(', ') || '-';
    lines.push(`  inputs:  ${ports(def.inputs)}`);
    lines.push(`  outputs: ${ports(def.outputs)}`);
    const props = (paramsSchema(def).properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [name, p] of Object.entries(props)) {
      const range = [p.minimum !== undefined ? `>= ${p.minimum}` : '', p.exclusiveMinimum !== undefined ? `> ${p.exclusiveMinimum}` : '', p.maximum !== undefined ? `<= ${p.maximum}` : '']
        .filter(Boolean).join(', ');
      const choices = Array.isArray(p.enum) ? (p.enum as unknown[]).join(' | ') : Array.isArray(p.anyOf) ? (p.anyOf as { const?: unknown }[]).map((a) => a.const).join(' | ') : String(p.type ?? '');
      const unit = p.unit ? ` ${p.unit}` : '';
      const when = p.shownWhen ? ` [used with ${Object.entries(p.shownWhen as Record<string, unknown[]>).map(([k, v]) => `${k} = ${v.map((x) => JSON.stringify(x)).join(' | ')}`).join(' and ')}]` : '';
      lines.push(`  --set NODE.${name}=  ${choices}${range ? ` (${range})` : ''}${unit}, ${p.default === undefined ? 'optional (empty by default)' : `default ${JSON.stringify(p.default)}`}${when}${p.description ? `: ${p.description}` : ''}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
