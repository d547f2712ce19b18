// The sidecar `<name>.provenance.json` written beside every CSV the runner exports: the pipeline and
// the nodes (id, type, version, params) that made the table, once, since they are the same for every
// row, and for each image whose rows are in the table the input files it was read from (name and
// SHA-256). Readable by people, by `cellgraph run --from`, and by the editor (readEmbeddedPipeline).
import { z } from 'zod';
import { UserError } from '../core/errors';
import type { Provenance } from '../core/image';
import { PROVENANCE_FORMAT, type ProvenanceDocument } from '../core/provenance';

export const TABLE_PROVENANCE_FORMAT = 'cellgraph-table-provenance';

const input = z.object({ name: z.string(), hash: z.string() });
const tableProvenanceSchema = z.object({
  format: z.literal(TABLE_PROVENANCE_FORMAT),
  version: z.literal(1),
  /** The CSV this file describes, e.g. "nuclei.csv". */
  table: z.string(),
  cellgraph: z.string(),
  /** The pipeline's name. */
  name: z.string().optional(),
  /** The nodes that made the table, in run order, ending with its export-table node. */
  steps: z.array(z.object({ id: z.string(), type: z.string(), version: z.number().int(), params: z.record(z.string(), z.unknown()) })),
  /** One entry per image with rows in the table, in the table's order. */
  images: z.array(z.object({ image: z.string(), inputs: z.array(input) })),
  pipeline: z.unknown().optional(),
});
export type TableProvenance = z.infer<typeof tableProvenanceSchema>;

/** The sidecar's JSON text for a table, from the provenance of each image's table (in table order). */
export function tableProvenanceText(table: string, images: { image: string; provenance: Provenance }[], pipeline?: unknown): string {
  const first = images[0]?.provenance;
  const doc: TableProvenance = {
    format: TABLE_PROVENANCE_FORMAT,
    version: 1,
    table,
    cellgraph: first?.cellgraph ?? '',
    ...(first?.pipeline !== undefined ? { name: first.pipeline } : {}),
    steps: first?.steps ?? [],
    images: images.map((i) => ({ image: i.image, inputs: i.provenance.inputs })),
    ...(pipeline === undefined ? {} : { pipeline }),
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** A sidecar read as a provenance document (its inputs: every image's files); one UserError line if it is not one. */
export function readTableProvenance(text: string, name: string): ProvenanceDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`${name} is not valid JSON, so it holds no cellgraph pipeline`);
  }
  if ((json as { format?: unknown })?.format !== TABLE_PROVENANCE_FORMAT) {
    throw new UserError(`${name} is not a cellgraph provenance file (no "format": "${TABLE_PROVENANCE_FORMAT}")`);
  }
  const parsed = tableProvenanceSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${name}: the cellgraph provenance is damaged: ${issue.path.join('.') || 'document'}: ${issue.message}`);
  }
  const t = parsed.data;
  return {
    format: PROVENANCE_FORMAT,
    version: 1,
    provenance: { cellgraph: t.cellgraph, pipeline: t.name, steps: t.steps, inputs: t.images.flatMap((i) => i.inputs) },
    ...(t.pipeline === undefined ? {} : { pipeline: t.pipeline }),
  };
}
