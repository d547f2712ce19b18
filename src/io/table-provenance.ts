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
const tableColumn = z.object({ name: z.string(), type: z.enum(['number', 'string']), unit: z.string().optional() });
export type TableColumn = z.infer<typeof tableColumn>;
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
  /**
   * The CSV's columns after `image`: `string` when any row holds text there (a CSV cannot tell "01" or
   * "7" written as text from a number), else `number`, with its unit if it has one. Read by `cellgraph
   * merge --group-by`. Absent in sidecars written before this field was added.
   */
  columns: z.array(tableColumn).optional(),
  pipeline: z.unknown().optional(),
});
export type TableProvenance = z.infer<typeof tableProvenanceSchema>;

/** The sidecar's JSON text for a table, from the provenance of each image's table (in table order). */
export function tableProvenanceText(
  table: string,
  images: { image: string; provenance: Provenance }[],
  pipeline?: unknown,
  columns?: TableColumn[],
): string {
  const first = images[0]?.provenance;
  const doc: TableProvenance = {
    format: TABLE_PROVENANCE_FORMAT,
    version: 1,
    table,
    cellgraph: first?.cellgraph ?? '',
    ...(first?.pipeline !== undefined ? { name: first.pipeline } : {}),
    steps: first?.steps ?? [],
    images: images.map((i) => ({ image: i.image, inputs: i.provenance.inputs })),
    ...(columns === undefined ? {} : { columns }),
    ...(pipeline === undefined ? {} : { pipeline }),
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** A sidecar read as a provenance document (its inputs: every image's files); one UserError line if it is not one. */
/**
 * Adds one image's table to `into` (the columns of a CSV in first-seen order): a new column is a
 * number column until a row holds text in it.
 */
export function addTableColumns(into: Map<string, TableColumn>, columns: { name: string; unit?: string }[], rows: (number | string | null)[][]): void {
  columns.forEach((c, j) => {
    let known = into.get(c.name);
    if (!known) into.set(c.name, (known = c.unit ? { name: c.name, type: 'number', unit: c.unit } : { name: c.name, type: 'number' }));
    if (known.type === 'number' && rows.some((r) => typeof r[j] === 'string')) known.type = 'string';
  });
}

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
