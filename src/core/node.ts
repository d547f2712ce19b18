// How a node type is defined: data (ports, a zod params schema, docs) plus one pure function.
import type { z } from 'zod';
import type { Image, Labels, Mask, Table } from './image';

export const PORT_TYPES = ['image', 'mask', 'labels', 'table', 'number', 'raster'] as const;
/** 'raster' is an input that accepts an image, a mask or labels (e.g. save-image). */
export type PortType = (typeof PORT_TYPES)[number];

export interface PortValueOf {
  image: Image;
  mask: Mask;
  labels: Labels;
  table: Table;
  number: number;
  raster: Image | Mask | Labels;
}
export type PortValue = PortValueOf[PortType];

export interface PortSpec<T extends PortType = PortType> {
  type: T;
  label?: string;
  description?: string;
  /** An optional input may be left unconnected; run() then receives undefined. */
  optional?: boolean;
}

// `const` keeps `optional: true` a literal, so run() sees an optional input as possibly undefined.
function makePort<T extends PortType>(type: T) {
  return <const O extends Omit<PortSpec<T>, 'type'> = Record<never, never>>(opts?: O): PortSpec<T> & O =>
    ({ type, ...opts }) as PortSpec<T> & O;
}

export const port = {
  image: makePort('image'),
  mask: makePort('mask'),
  labels: makePort('labels'),
  table: makePort('table'),
  number: makePort('number'),
  raster: makePort('raster'),
};

/** Whether an output of type `from` may feed an input of type `to`. */
export function portAccepts(to: PortType, from: PortType): boolean {
  if (to === from) return true;
  return to === 'raster' && (from === 'image' || from === 'mask' || from === 'labels');
}

// Palette order: roughly the order of a pipeline (stack operations such as projections come early).
export const CATEGORIES = ['Input', 'Preprocess', 'Stack', 'Threshold', 'Segment', 'Measure', 'Export'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The file a batch item came from. Nodes that read it (load-image) declare `readsSource`. */
export interface SourceFile {
  /** File name without folders, e.g. "img2d.tif". */
  name: string;
  /** Name of the folder the file is in (not its path), when known: ImageMeta.folder. */
  folder?: string;
  bytes: Uint8Array;
  /** Content hash of `bytes` (hex); for a stack, of its files' hashes in order. */
  hash: string;
  /**
   * A stack from a folder (`cellgraph run --stack`): its image files in plane order; `name` is the
   * folder's, `bytes` is empty, and load-image reads these as one multi-plane image.
   */
  planes?: { name: string; bytes: Uint8Array; hash: string }[];
  /** 'channels': the `planes` files are the channels of one image (`cellgraph run --channels`), not its planes. */
  join?: 'channels';
  /**
   * Files that belong with this image, by role (`cellgraph run --pair ROLE=TEMPLATE`, or paired in the
   * editor), e.g. its ground-truth labels or a label image made by another tool: load-paired-image reads
   * them. `hash` then covers them too (pairedSource); `fileHash` is this file's own.
   */
  paired?: Record<string, { name: string; bytes: Uint8Array; hash: string }>;
  fileHash?: string;
}

/** The files a source was read from, for provenance: its planes (or itself) and its paired files. */
export function sourceFiles(source: SourceFile): { name: string; hash: string }[] {
  const own = source.planes ?? [{ name: source.name, hash: source.fileHash ?? source.hash }];
  const paired = Object.keys(source.paired ?? {}).sort().map((role) => source.paired![role]);
  return [...own, ...paired].map((f) => ({ name: f.name, hash: f.hash }));
}

/** How a batch node folds the items of a batch into its outputs. State stays in one thread. */
export interface BatchReducer {
  /** Adds one item's inputs; `state` is undefined for the first item. Throws a UserError to leave the item out. */
  add(state: unknown, inputs: Record<string, PortValue>, itemName: string): unknown;
  finish(state: unknown): Record<string, PortValue>;
}

export interface NodeContext {
  nodeId: string;
  source?: SourceFile;
  signal?: AbortSignal;
  /** Largest number of samples a decoder may allocate for one image. */
  maxPixels: number;
}

type PortsRecord = Record<string, PortSpec>;
type OptionalPorts<I extends PortsRecord> = { [K in keyof I]: I[K]['optional'] extends true ? K : never }[keyof I];
type InputValues<I extends PortsRecord> = {
  [K in Exclude<keyof I, OptionalPorts<I>>]: PortValueOf[I[K]['type']];
} & {
  [K in OptionalPorts<I>]?: PortValueOf[I[K]['type']];
};
type OutputValues<O extends PortsRecord> = { [K in keyof O]: PortValueOf[O[K]['type']] };

export interface NodeDefinition<
  I extends PortsRecord = PortsRecord,
  O extends PortsRecord = PortsRecord,
  S extends z.ZodObject = z.ZodObject,
> {
  /** Stable identifier used in pipeline files, kebab-case. */
  type: string;
  /** Bumped when the node changes meaning; `migrations` lift older params. */
  version: number;
  category: Category;
  label: string;
  /**
   * The names CellProfiler modules and Fiji/ImageJ commands give the same operation, so their users
   * find it (the editor's search, `cellgraph nodes`).
   */
  aliases?: string[];
  /** For the user: what it does, the algorithm, and its conventions (connectivity, borders, units). */
  description: string;
  inputs: I;
  outputs: O;
  params: S;
  /** The node reads the batch item's file; its cache key includes the file's hash. */
  readsSource?: boolean;
  /**
   * Batch nodes (batch-mean): their outputs summarise their inputs over every item of a batch. The
   * runner folds each item's inputs into one state in a first pass (in batch order) and hands the
   * finished outputs to the executor (RunOptions.batch); run() gives the result for a batch of one
   * (the editor on one image).
   */
  batch?: BatchReducer;
  /** Export nodes: the runner writes the value of their output (passed through from the input). */
  sink?: 'table' | 'image';
  /** migrations[v] turns params written for version v into params for version v + 1. */
  migrations?: Record<number, (params: Record<string, unknown>) => Record<string, unknown>>;
  run(
    inputs: InputValues<I>,
    params: z.output<S>,
    ctx: NodeContext,
  ): OutputValues<O> | Promise<OutputValues<O>>;
}

/** Any node definition, as stored in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNodeDefinition = NodeDefinition<PortsRecord, PortsRecord, z.ZodObject<any>>;

export function defineNode<I extends PortsRecord, O extends PortsRecord, S extends z.ZodObject>(
  def: NodeDefinition<I, O, S>,
): NodeDefinition<I, O, S> {
  if (!/^[a-z][a-z0-9-]*$/.test(def.type)) throw new Error(`node type '${def.type}' must be kebab-case`);
  if (!Number.isInteger(def.version) || def.version < 1) throw new Error(`node '${def.type}': version must be >= 1`);
  return def;
}

export type Registry = ReadonlyMap<string, AnyNodeDefinition>;

export function createRegistry(defs: readonly AnyNodeDefinition[]): Registry {
  const map = new Map<string, AnyNodeDefinition>();
  for (const d of defs) {
    if (map.has(d.type)) throw new Error(`node type '${d.type}' is registered twice`);
    map.set(d.type, d);
  }
  return map;
}
