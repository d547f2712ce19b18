// The JSON Schema of pipeline files, derived from the zod schemas: the file format with each node
// type's params (so other tools can validate pipelines without cellgraph).
import { z } from 'zod';
import type { Registry } from './node';
import { pipelineEdgeSchema, pipelineNodeSchema, pipelineSchema } from './pipeline';

export function pipelineJSONSchema(registry: Registry): Record<string, unknown> {
  const nodeVariants = [...registry.values()].map((def) =>
    pipelineNodeSchema.extend({
      type: z.literal(def.type).meta({ description: `${def.label}: ${def.description}` }),
      params: def.params.strict().optional(),
    }),
  );
  const nodes = nodeVariants.length > 1
    ? z.discriminatedUnion('type', nodeVariants as unknown as [typeof nodeVariants[0], ...typeof nodeVariants])
    : nodeVariants[0] ?? pipelineNodeSchema;
  const schema = pipelineSchema.extend({ nodes: z.array(nodes), edges: z.array(pipelineEdgeSchema).optional() }).meta({
    title: 'cellgraph pipeline',
    description: 'A cellgraph pipeline file (format "cellgraph-pipeline", version 1).',
  });
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
