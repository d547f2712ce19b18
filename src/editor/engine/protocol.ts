// What crosses the worker boundary: plain objects and typed arrays only (transferred, not copied).
import type { BatchRecord } from '../../core/batch-record';
import type { Table } from '../../core/image';
import type { NodeReport } from '../../core/executor';
import type { Pipeline } from '../../core/pipeline';
import type { DisplayRange } from '../display/contrast';
import type { ColormapName } from '../display/colormap';
import type { MetaSummary } from './meta-summary';
import type { SeriesPlot } from './series-plot';

export interface SourceInfo {
  name: string;
  hash: string;
  size: number;
  /** The folder the file was added from (a dropped or chosen folder's name); absent for files added one by one. */
  folder?: string;
}

export interface Thumbnail {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/** A fixed-range colour map for outputs whose values mean something (plane numbers, 0–1 measures). */
export interface OutputDisplay {
  colormap: ColormapName;
  lo: number;
  hi: number;
  /** What the values are, for the legend ("plane", "focus"). */
  legend: string;
}

export interface RasterPreview {
  kind: 'image' | 'mask' | 'labels';
  width: number;
  height: number;
  planes: number;
  channels: number;
  dtype: string;
  thumb: Thumbnail;
  /** Display range of each shown channel (images). */
  ranges?: DisplayRange[];
  /** Distinct non-zero labels (labels), the number `cellgraph run` writes as "<node>.count". */
  objects?: number;
  /** Foreground pixels (masks). */
  foreground?: number;
  /** The plane the thumbnail shows (0-based). */
  plane: number;
  display?: OutputDisplay;
  meta: MetaSummary;
}

export type OutputPreview =
  | RasterPreview
  /** `table` holds the first rows of big tables; `totalRows` is the whole table's row count. */
  | { kind: 'table'; table: Table; totalRows: number; plot?: SeriesPlot; meta: MetaSummary }
  | { kind: 'number'; value: number }
  /** A value the page cannot draw (a port type newer than the previews); says what it is. */
  | { kind: 'other'; note: string };

export interface HistogramPreview {
  counts: Uint32Array;
  min: number;
  max: number;
  threshold: number;
}

export interface NodePreview {
  /** Changes whenever what the preview shows changes (result key and overlay base). */
  key: string;
  outputs: Record<string, OutputPreview>;
  histogram?: HistogramPreview;
}

export type EngineEvent =
  | { runId: number; type: 'node-start'; id: string }
  | { runId: number; type: 'node-end'; id: string; report: NodeReport; preview?: NodePreview };

/** Several added images read as one stack (planes in this order), like `cellgraph run --stack`. */
export interface StackInput {
  /** The stack's name, standing for the folder name the runner would use. */
  name: string;
  hashes: string[];
  /** 'channels': the files are the channels of one image (the runner's --channels), not planes. */
  join?: 'channels';
}

export interface RunRequest {
  runId: number;
  pipeline: Pipeline;
  /** Hash of the source file (from addSource) the load node reads; none runs without an image. */
  sourceHash?: string;
  /**
   * Files paired with `sourceHash` (role → source hash, from addSource), read by load-paired-image;
   * the source's hash then covers them. Not used with `stack`.
   */
  paired?: Record<string, string>;
  /** When set, the load node reads these images as one stack instead of `sourceHash`. */
  stack?: StackInput;
  /** Preview keys the page already shows; those previews are not sent again. */
  have: Record<string, string>;
}

export interface RunSummary {
  runId: number;
  status: 'finished' | 'cancelled' | 'invalid';
  reports: NodeReport[];
  error?: string;
  problems?: string[];
  ms: number;
}

/** One image of "Run on all images": the image and its paired files, as a single-image run sends them. */
export interface BatchItem {
  /** The image's listed name (files/listed-names.ts), which its record takes. */
  name: string;
  /** Hash of the image (from addSource). */
  sourceHash: string;
  /** Role → hash of the files paired with it, as RunRequest.paired. */
  paired?: Record<string, string>;
}

/** The pipeline on several images, one after another, as `cellgraph run PIPELINE <images>` runs it. */
export interface BatchRequest {
  batchId: number;
  pipeline: Pipeline;
  items: BatchItem[];
}

/**
 * `pass: 'first'`: the first pass of a pipeline with a batch node (what feeds it, on every image); the
 * second pass then reports every image again, those that failed in the first pass by an item-end alone.
 */
export type BatchEvent =
  | { batchId: number; type: 'item-start'; pass?: 'first'; index: number; total: number; image: string }
  | { batchId: number; type: 'item-end'; pass?: 'first'; index: number; total: number; image: string; status: BatchRecord['status']; error?: string };

/**
 * The most bytes of saved images a batch keeps for download (they are held in memory until then); the
 * images after that are counted, and `cellgraph run` writes all of them.
 */
export const SAVED_FILES_LIMIT = 512 * 2 ** 20;

export interface BatchSummary {
  batchId: number;
  /** 'invalid': nothing ran (`problems` says why, one line each); 'cancelled': `records` are those finished. */
  status: 'finished' | 'cancelled' | 'invalid';
  problems?: string[];
  /** One per image run, in item order: what `cellgraph run` writes to its tables for it. */
  records: BatchRecord[];
  /** The exported tables (`<name>.csv`), in pipeline order. */
  tableNames: string[];
  /** The images.csv columns after image, status, error. */
  summaryColumns: string[];
  /** The pipeline as exported files embed it (for the tables' provenance sidecars). */
  pipeline?: unknown;
  /**
   * The files save-image nodes write, each at the path under --out that `cellgraph run` gives it
   * (`<name>/<image stem>.tif|png`), kept while they add up to at most SAVED_FILES_LIMIT bytes.
   */
  saved?: { path: string; bytes: Uint8Array }[];
  /** Images whose saved files were left out for that limit. */
  savedLeftOut?: number;
  /** How many helper workers ran the images side by side (absent: the engine's own worker, one at a time). */
  workers?: number;
  ms: number;
}

export interface CacheInfo {
  /** False when IndexedDB is unavailable (private windows): results live in memory only. */
  persistent: boolean;
  reason?: string;
  entries: number;
  bytes: number;
  maxBytes: number;
}

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** Why an image cannot run, after "the image": its bytes are gone or its file cannot be read. */
export const UNREADABLE = 'is no longer stored, or its file was changed, moved or deleted since it was added; add it again';

export interface AddSourceOptions {
  /** Store it in IndexedDB for a reload (default true). */
  keep?: boolean;
  /** Name of the folder the file is in, when known. */
  folder?: string;
}

/** The worker's API, as the page calls it through comlink. */
export interface EngineApi {
  init(options: { maxBytes?: number; persistent?: boolean }): Promise<CacheInfo>;
  /**
   * Lists an image. A Blob (a File the user picked or dropped: it stays on disk) is read to hash it and
   * read again whenever it runs, so the worker never holds a folder's images in memory; bytes are held.
   * `keep` false: not stored in IndexedDB for a reload (one of many added at once, beyond the last
   * MAX_SOURCES the database keeps anyway). `folder`: the name of the folder it came from, when added
   * as a folder (metadata-from-filename can read it).
   */
  addSource(name: string, data: Uint8Array | Blob, options?: AddSourceOptions): Promise<SourceInfo>;
  hasSource(hash: string): Promise<boolean>;
  run(request: RunRequest, onEvent: (event: EngineEvent) => void): Promise<RunSummary>;
  cancel(runId: number): void;
  /**
   * Runs the pipeline on every item in order (cached results are reused), without touching the last
   * single-image run's values and previews. Single runs take turns with it, one between two items; a
   * new batch cancels the one before.
   */
  runBatch(request: BatchRequest, onEvent: (event: BatchEvent) => void): Promise<BatchSummary>;
  cancelBatch(batchId: number): void;
  getValue(nodeId: string, port: string): Promise<unknown>;
  /** The preview of one plane of a stack output of the last run (the node preview shows plane 0). */
  planePreview(nodeId: string, port: string, plane: number): Promise<RasterPreview | undefined>;
  /**
   * `layout`: the nodes' positions on the canvas now, embedded in an exported image's pipeline instead of
   * those of the last run (moving nodes does not re-run).
   */
  exportOutput(nodeId: string, port: string, imageName: string, layout?: Record<string, { x: number; y: number }>): Promise<ExportedFile>;
  cacheInfo(): Promise<CacheInfo>;
  setCacheLimit(maxBytes: number): Promise<CacheInfo>;
  clearCache(): Promise<CacheInfo>;
}
