// The worker side of the editor: knows the listed images (files it reads when they run; the samples'
// bytes), holds the cache, runs the shared executor, and sends each node's report and preview as it
// finishes. Headless: tests call it directly.
import { transfer } from 'comlink';
import { describeError, UserError } from '../../core/errors';
import { runPipeline, type NodeOutputs } from '../../core/executor';
import { hashBytesAsync } from '../../core/hash';
import { SMALL_BATCH_BYTES, SMALL_BATCH_FILES } from '../../core/small-batch';
import { transferablesOf, type Image, type Table } from '../../core/image';
import type { PortValue, Registry, SourceFile } from '../../core/node';
import { formatProblem, type Pipeline } from '../../core/pipeline';
import { checkPipeline } from '../../core/validate';
import { IdbCache, DEFAULT_MAX_BYTES } from '../../runtime/idb-cache';
import { canonicalPipeline, encodeRasterFile } from '../../io/embedded-provenance';
import { stackSource } from '../../io/image-stack';
import { pairedSource, type PairedFile } from '../../io/paired-source';
import { tableToCsv } from '../files/table-csv';
import { displayFor, makePreview, overlayFor, rasterPreview } from './previews';
import { runBatch } from './batch';
import type { ItemPool } from './item-pool';
import { SAVED_FILES_LIMIT, type BatchEvent, type BatchItem, type BatchRequest, type BatchSummary, type CacheInfo, type EngineApi, type EngineEvent, type ExportedFile, type RasterPreview, type RunRequest, type RunSummary, type SourceInfo, type AddSourceOptions, UNREADABLE } from './protocol';
import { TieredCache } from './tiered-cache';

/** A Blob's bytes, or undefined when the browser cannot read it (its file changed or is gone). */
async function readBlob(blob: Blob): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await blob.arrayBuffer());
  } catch {
    return undefined;
  }
}

/** Marks values for transfer when running in a worker; identity when called directly (tests). */
export type Transfer = <T>(value: T, buffers: Transferable[]) => T;

export class Engine implements EngineApi {
  private cache = new TieredCache();
  private reason?: string = 'not opened';
  /** Images whose bytes are held: added as bytes (the samples) or read back from IndexedDB. */
  private sources = new Map<string, SourceFile>();
  /** Images added as files: read when they run, never held (but the last one read). */
  private files = new Map<string, { name: string; folder?: string; blob: Blob }>();
  private lastRead?: SourceFile;
  private values = new Map<string, NodeOutputs>();
  /** What each node's preview was drawn with, so another plane can be drawn the same way. */
  private previewInputs = new Map<string, { def: ReturnType<Registry['get']>; inputs: Record<string, PortValue | undefined>; base?: Image }>();
  private sourceName = 'image';
  private readonly running = new Map<number, AbortController>();
  private readonly batches = new Map<number, AbortController>();
  /** The end of the work queued on the engine: single runs and batch items take turns, in order. */
  private lane: Promise<unknown> = Promise.resolve();
  /** Nodes run (not cached) since start, for tests that prove what was recomputed. */
  ranCount = 0;

  /** The most bytes of saved images a batch keeps for download (protocol.ts). */
  savedLimit = SAVED_FILES_LIMIT;
  /** A batch within both (files, bytes of its images) runs in this worker: helpers would start slower than it runs. */
  smallBatch = { files: SMALL_BATCH_FILES, bytes: SMALL_BATCH_BYTES };

  /**
   * `makePool`: helper workers for a batch's images (worker-pool.ts in the browser), made when a batch
   * starts and stopped when it ends; without one, a batch runs in this worker, one image at a time.
   */
  constructor(
    private readonly registry: Registry,
    private readonly send: Transfer = transfer,
    private readonly makePool?: () => Promise<ItemPool | undefined>,
  ) {}

  async init({ maxBytes = DEFAULT_MAX_BYTES, persistent = true }: { maxBytes?: number; persistent?: boolean }): Promise<CacheInfo> {
    if (!persistent) {
      this.reason = 'disabled';
      return this.cacheInfo();
    }
    try {
      if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available here');
      this.cache = new TieredCache(await IdbCache.open('cellgraph', maxBytes));
      this.reason = undefined;
    } catch (err) {
      this.reason = `IndexedDB is unavailable (${describeError(err).replace(/^internal error: /, '')}); results are kept in memory only`;
    }
    return this.cacheInfo();
  }

  async addSource(name: string, data: Uint8Array | Blob, { keep = true, folder }: AddSourceOptions = {}): Promise<SourceInfo> {
    const bytes = data instanceof Uint8Array ? data : await readBlob(data);
    if (!bytes) throw new UserError(`cannot read ${name}: the browser could not read the file (moved or deleted?)`);
    const hash = await hashBytesAsync(bytes);
    if (keep) await this.cache.disk?.putSource(hash, name, bytes, folder);
    // one entry per content, named as it was last added (as before files were kept as files)
    if (this.lastRead?.hash === hash) this.lastRead = undefined;
    if (data instanceof Uint8Array) {
      this.files.delete(hash);
      this.sources.set(hash, { name, bytes, hash, folder });
    } else {
      this.sources.delete(hash);
      this.files.set(hash, { name, folder, blob: data });
    }
    return { name, hash, size: bytes.byteLength, ...(folder !== undefined ? { folder } : {}) };
  }

  async hasSource(hash: string): Promise<boolean> {
    return this.files.has(hash) || (await this.source(hash)) !== undefined;
  }

  /** The bytes of the listed images' source files held in memory (for tests). */
  heldSourceBytes(): number {
    let total = this.lastRead?.bytes.byteLength ?? 0;
    for (const s of this.sources.values()) total += s.bytes.byteLength;
    return total;
  }

  /** Undefined when the image is no longer stored, or its file cannot be read (changed, moved or deleted since it was added). */
  private async source(hash: string): Promise<SourceFile | undefined> {
    const known = this.sources.get(hash);
    if (known) return known;
    if (this.lastRead?.hash === hash) return this.lastRead;
    const added = this.files.get(hash);
    if (added) {
      // the browser refuses to read a file changed on disk since it was picked (NotReadableError), so
      // bytes read here are those that were hashed
      const bytes = await readBlob(added.blob);
      if (!bytes) return undefined;
      this.lastRead = { name: added.name, folder: added.folder, bytes, hash };
      return this.lastRead;
    }
    const row = await this.cache.disk?.getSource(hash).catch(() => undefined);
    if (!row) return undefined;
    const file: SourceFile = { name: row.name, folder: row.folder, bytes: row.bytes, hash };
    this.sources.set(hash, file);
    return file;
  }

  cancel(runId: number): void {
    this.running.get(runId)?.abort();
  }

  async run(request: RunRequest, onEvent: (event: EngineEvent) => void): Promise<RunSummary> {
    // one run at a time: a new run cancels those before it, and starts when they have stopped (and
    // when the image a batch is on is done: the batch goes on after it).
    // The controller is registered at once, so a cancel that arrives before the run starts counts.
    for (const c of this.running.values()) c.abort();
    const controller = new AbortController();
    this.running.set(request.runId, controller);
    try {
      return await this.turn(() => this.runOne(request, onEvent, controller.signal));
    } finally {
      this.running.delete(request.runId);
    }
  }

  /** Runs `work` after everything queued before it has stopped. */
  private turn<T>(work: () => Promise<T>): Promise<T> {
    const job = this.lane.then(work);
    this.lane = job.catch(() => undefined);
    return job;
  }

  async runBatch(request: BatchRequest, onEvent: (event: BatchEvent) => void): Promise<BatchSummary> {
    for (const c of this.batches.values()) c.abort();
    const controller = new AbortController();
    this.batches.set(request.batchId, controller);
    const host = {
      registry: this.registry,
      cache: () => this.cache.memoryOnly(),
      sourceOf: (item: BatchItem) => this.itemSource(item),
      turn: <T>(work: () => Promise<T>) => this.turn(work),
      ran: (nodes: number) => (this.ranCount += nodes),
      savedLimit: this.savedLimit,
      makePool: async () => (this.worthHelpers(request.items) ? this.makePool?.() : undefined),
    };
    try {
      const summary = await runBatch(host, request, onEvent, controller.signal);
      // the saved images' bytes move to the page rather than being copied (they may be hundreds of MB)
      return this.send(summary, [...new Set((summary.saved ?? []).map((f) => f.bytes.buffer as ArrayBuffer))]);
    } finally {
      this.batches.delete(request.batchId);
    }
  }

  /** Whether a batch is big enough to pay for starting helper workers (as `cellgraph run` decides). */
  private worthHelpers(items: BatchItem[]): boolean {
    if (items.length > this.smallBatch.files) return true;
    let bytes = 0;
    for (const { sourceHash } of items) bytes += this.files.get(sourceHash)?.blob.size ?? this.sources.get(sourceHash)?.bytes.byteLength ?? 0;
    return bytes > this.smallBatch.bytes;
  }

  cancelBatch(batchId: number): void {
    this.batches.get(batchId)?.abort();
  }

  private async itemSource({ sourceHash, paired }: Pick<BatchItem, 'sourceHash' | 'paired'>): Promise<SourceFile | undefined> {
    const image = await this.source(sourceHash);
    return image && paired ? this.pairedOf(image, paired) : image;
  }

  /** The images of a stack (or the channel files of one image), in order, as one source (as `cellgraph run --stack` reads a folder). */
  private async stackOf(name: string, hashes: string[], join: 'planes' | 'channels' = 'planes'): Promise<SourceFile | undefined> {
    const files: SourceFile[] = [];
    for (const hash of hashes) {
      const file = await this.source(hash);
      if (!file) return undefined;
      files.push(file);
    }
    return stackSource(name, files, join);
  }

  /** The image with the files paired with it (role → hash), as `cellgraph run --pair` reads them; undefined if one is no longer stored. */
  private async pairedOf(source: SourceFile, paired: Record<string, string>): Promise<SourceFile | undefined> {
    const files: Record<string, PairedFile> = {};
    for (const [role, hash] of Object.entries(paired)) {
      const file = await this.source(hash);
      if (!file) return undefined;
      files[role] = { name: file.name, bytes: file.bytes, hash: file.hash };
    }
    return pairedSource(source, files);
  }

  private async runOne({ runId, pipeline, sourceHash, paired, stack, have }: RunRequest, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<RunSummary> {
    const started = performance.now();
    if (signal.aborted) return { runId, status: 'cancelled', reports: [], ms: 0 };
    const checked = checkPipeline(pipeline, this.registry);
    if (!checked.ok) return { runId, status: 'invalid', reports: [], problems: checked.problems.map(formatProblem), ms: 0 };
    // pairs go with one image at a time (a stack's are not sent)
    const source = stack ? await this.stackOf(stack.name, stack.hashes, stack.join ?? 'planes') : sourceHash ? await this.itemSource({ sourceHash, paired }) : undefined;
    if ((sourceHash || stack) && !source) {
      const name = sourceHash && !stack ? this.files.get(sourceHash)?.name : undefined;
      return { runId, status: 'invalid', reports: [], problems: [`the image${name ? ` ${name}` : ''}${paired && !stack ? ' or a file paired with it' : ''} ${UNREADABLE}`], ms: 0 };
    }
    if (source) this.sourceName = source.name;
    const byId = new Map(checked.checked.pipeline.nodes.map((n) => [n.id, n]));
    const values = new Map<string, NodeOutputs>();
    const previewInputs: typeof this.previewInputs = new Map();
    let baseImage: { image: Image; key: string } | undefined;
    try {
      const result = await runPipeline(checked.checked, {
        registry: this.registry,
        source,
        cache: this.cache,
        signal,
        onEvent: (event) => {
          if (event.type === 'node-start') return onEvent({ runId, type: 'node-start', id: event.id });
          const { report } = event;
          const { outputs } = event;
          if (report.status === 'done') this.ranCount++;
          if (!outputs) return onEvent({ runId, type: 'node-end', id: event.id, report });
          values.set(event.id, outputs);
          const def = this.registry.get(byId.get(event.id)!.type)!;
          if (!baseImage && def.readsSource) {
            const image = Object.values(outputs).find((v): v is Image => typeof v === 'object' && v.kind === 'image');
            if (image) baseImage = { image, key: report.key };
          }
          const usesBase = Object.values(def.outputs).some((s) => s.type === 'labels');
          const key = usesBase && baseImage ? `${report.key}+${baseImage.key}` : report.key;
          const inputs: Record<string, PortValue | undefined> = {};
          for (const e of checked.checked.pipeline.edges) {
            if (e.to.node === event.id) inputs[e.to.port] = values.get(e.from.node)?.[e.from.port];
          }
          previewInputs.set(event.id, { def, inputs, base: baseImage?.image });
          if (have[event.id] === key) return onEvent({ runId, type: 'node-end', id: event.id, report });
          const preview = makePreview({ key, def, outputs, inputs, base: baseImage?.image });
          const message: EngineEvent = { runId, type: 'node-end', id: event.id, report, preview };
          onEvent(this.send(message, transferablesOf(preview)));
        },
      });
      this.values = result.values; // stamped with provenance, as `cellgraph run` writes them
      this.previewInputs = previewInputs;
      this.lastParams = new Map(checked.checked.pipeline.nodes.map((n) => [n.id, n.params]));
      this.lastPipeline = canonicalPipeline(checked.checked.pipeline);
      return { runId, status: 'finished', reports: result.reports, error: result.error, ms: performance.now() - started };
    } catch (err) {
      if (signal.aborted) return { runId, status: 'cancelled', reports: [], ms: performance.now() - started };
      return { runId, status: 'finished', reports: [], error: describeError(err), ms: performance.now() - started };
    }
  }

  /** A copy of one output of the last run (the cached original stays intact), transferred. */
  async getValue(nodeId: string, port: string): Promise<unknown> {
    const value = this.values.get(nodeId)?.[port];
    if (value === undefined) return undefined;
    const copy = structuredClone(value);
    return this.send(copy, transferablesOf(copy));
  }

  async planePreview(nodeId: string, port: string, plane: number): Promise<RasterPreview | undefined> {
    const value = this.values.get(nodeId)?.[port];
    const context = this.previewInputs.get(nodeId);
    if (!context?.def || typeof value !== 'object' || value.kind === 'table') return undefined;
    const preview = rasterPreview(value, context.base, plane, displayFor(context.def, port, context.inputs), overlayFor(context.def, port, context.inputs));
    return this.send(preview, transferablesOf(preview));
  }

  /** The file `cellgraph run` would write for this output: CSV for tables, TIFF/PNG for rasters. */
  async exportOutput(nodeId: string, port: string, imageName = this.sourceName, layout?: Record<string, { x: number; y: number }>): Promise<ExportedFile> {
    const value = this.values.get(nodeId)?.[port];
    if (value === undefined || typeof value === 'number') throw new Error(`'${nodeId}' has no ${port} result to download`);
    const params = this.paramsOf(nodeId);
    const stem = imageName.replace(/\.[^.]*$/, '');
    let file: ExportedFile;
    if (value.kind === 'table') {
      const name = typeof params.name === 'string' ? params.name : nodeId;
      file = { fileName: `${name}.csv`, mime: 'text/csv', bytes: new TextEncoder().encode(tableToCsv(value as Table, imageName)) };
    } else {
      const format = params.format === 'png' ? 'png' : 'tiff';
      const folder = typeof params.name === 'string' ? params.name : nodeId;
      file = {
        fileName: `${folder}_${stem}.${format === 'png' ? 'png' : 'tif'}`,
        mime: format === 'png' ? 'image/png' : 'image/tiff',
        bytes: encodeRasterFile(value, format, withLayout(this.lastPipeline, layout)),
      };
    }
    return this.send(file, [file.bytes.buffer as ArrayBuffer]);
  }

  private lastParams = new Map<string, Record<string, unknown>>();
  /** The last run's pipeline as exported images embed it, so a download reopens and re-runs it. */
  private lastPipeline: unknown;

  private paramsOf(nodeId: string): Record<string, unknown> {
    return this.lastParams.get(nodeId) ?? {};
  }

  async cacheInfo(): Promise<CacheInfo> {
    const disk = this.cache.disk;
    return {
      persistent: !!disk,
      reason: this.reason,
      entries: disk ? disk.size : this.cache.memory.size,
      bytes: disk ? disk.totalBytes : this.cache.memory.totalBytes,
      maxBytes: disk ? disk.maxBytes : 256 * 2 ** 20,
    };
  }

  async setCacheLimit(maxBytes: number): Promise<CacheInfo> {
    await this.cache.disk?.setLimit(maxBytes);
    return this.cacheInfo();
  }

  async clearCache(): Promise<CacheInfo> {
    this.cache = new TieredCache(this.cache.disk);
    await this.cache.disk?.clear();
    return this.cacheInfo();
  }
}

/** The last run's pipeline (canonical JSON value) with its nodes at the given positions. */
function withLayout(pipeline: unknown, layout?: Record<string, { x: number; y: number }>): unknown {
  if (!layout || !pipeline) return pipeline;
  const p = pipeline as { nodes: { id: string; position?: { x: number; y: number } }[] };
  return canonicalPipeline({ ...p, nodes: p.nodes.map((n) => (layout[n.id] ? { ...n, position: { x: layout[n.id].x, y: layout[n.id].y } } : n)) } as unknown as Pipeline);
}
