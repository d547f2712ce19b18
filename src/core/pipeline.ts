// The pipeline file: its zod schema, the migrations that lift older versions, and parsing from text
// with every problem located (line/column for syntax, node id and param name for the rest).
import { z } from 'zod';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';

export const PIPELINE_FORMAT = 'cellgraph-pipeline';
export const PIPELINE_VERSION = 1;

/** Node ids are used in `--set NODE.PARAM=VALUE` and CSV column names, so: no dots or spaces. */
export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

const position = z.object({ x: z.number(), y: z.number() });

export const pipelineNodeSchema = z.object({
  id: z.string().regex(NODE_ID_PATTERN, 'node ids use letters, digits, _ and - and start with a letter or _'),
  type: z.string().min(1),
  /** Version of the node type these params were written for; older ones are migrated. */
  version: z.number().int().positive().optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  position: position.optional(),
  /** A title the user gave this node, shown instead of the type's label. */
  label: z.string().optional(),
  notes: z.string().optional(),
});

const endpoint = z.object({ node: z.string(), port: z.string() });
export const pipelineEdgeSchema = z.object({ from: endpoint, to: endpoint });

export const pipelineSchema = z.object({
  format: z.literal(PIPELINE_FORMAT),
  version: z.literal(PIPELINE_VERSION),
  name: z.string().default('Untitled pipeline'),
  description: z.string().default(''),
  nodes: z.array(pipelineNodeSchema),
  edges: z.array(pipelineEdgeSchema).default([]),
  /** Editor state (viewport, selection); ignored by the runner. */
  ui: z.record(z.string(), z.unknown()).optional(),
});

export type Pipeline = z.output<typeof pipelineSchema>;
export type PipelineNode = z.output<typeof pipelineNodeSchema>;
export type PipelineEdge = z.output<typeof pipelineEdgeSchema>;

/** One thing wrong with a pipeline, and where. */
export interface Problem {
  /** e.g. "line 3, column 7", "node 'blur', param 'sigma'", "edge 2 (load.image → blur.image)". */
  where: string;
  message: string;
}

export const formatProblem = (p: Problem): string => (p.where ? `${p.where}: ${p.message}` : p.message);

/**
 * Format migrations: FORMAT_MIGRATIONS[v] lifts a version-v document to version v + 1.
 * Version 0 was the prototype's format, which stored React Flow's edge shape
 * ({ source, sourceHandle, target, targetHandle }) and called params "data".
 */
export const FORMAT_MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  0: (doc) => ({
    ...doc,
    version: 1,
    nodes: asArray(doc.nodes).map((n) => {
      if (!isRecord(n)) return n;
      const { data, ...rest } = n;
      return rest.params === undefined && isRecord(data) ? { ...rest, params: data } : n;
    }),
    edges: asArray(doc.edges).map((e) =>
      isRecord(e) && 'source' in e
        ? { from: { node: e.source, port: e.sourceHandle }, to: { node: e.target, port: e.targetHandle } }
        : e,
    ),
  }),
};

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Lift an older document to the current version; problems if it cannot be read at all. */
export function migrateDocument(doc: unknown): { doc?: unknown; problems: Problem[] } {
  if (!isRecord(doc)) return { problems: [{ where: '', message: 'a pipeline file holds a JSON object' }] };
  if (doc.format !== PIPELINE_FORMAT) {
    return {
      problems: [{ where: 'format', message: `not a cellgraph pipeline (format is ${JSON.stringify(doc.format)}, expected "${PIPELINE_FORMAT}")` }],
    };
  }
  let version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { problems: [{ where: 'version', message: `version must be a whole number, got ${JSON.stringify(version)}` }] };
  }
  if (version > PIPELINE_VERSION) {
    return {
      problems: [{ where: 'version', message: `this file is format version ${version}, made by a newer cellgraph; this one reads up to ${PIPELINE_VERSION}` }],
    };
  }
  let current: Record<string, unknown> = doc;
  while (version < PIPELINE_VERSION) {
    current = FORMAT_MIGRATIONS[version](current);
    version += 1;
  }
  return { doc: current, problems: [] };
}

/**
 * Parse JSON text. Syntax errors are located by line and column. Keys named `__proto__` are removed
 * (and reported) so they can never reach an object's prototype through later copies.
 */
export function parseJSONText(text: string): { value?: unknown; problems: Problem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problems: [locateSyntaxError(text, err)] };
  }
  const problems: Problem[] = [];
  stripProtoKeys(value, '', problems);
  return { value, problems };
}

function locateSyntaxError(text: string, err: unknown): Problem {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const offset = first ? first.offset : text.length;
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  const what = first ? describeParseError(printParseErrorCode(first.error)) : String((err as Error).message);
  return { where: `line ${line}, column ${column}`, message: `invalid JSON: ${what}` };
}

/** jsonc-parser's codes ("CommaExpected") as words ("comma expected"). */
function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function stripProtoKeys(value: unknown, path: string, problems: Problem[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => stripProtoKeys(v, `${path}[${i}]`, problems));
  } else if (isRecord(value)) {
    if (Object.prototype.hasOwnProperty.call(value, '__proto__')) {
      delete value['__proto__'];
      problems.push({ where: path || 'top level', message: "key '__proto__' is not allowed (removed)" });
    }
    for (const [k, v] of Object.entries(value)) stripProtoKeys(v, path ? `${path}.${k}` : k, problems);
  }
}
