// One batch item: read the file, run the pipeline, save images, and return what the runner writes
// to its tables. Runs inside a worker thread; remembers finished items so a re-run resumes.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeError, UserError } from '../core/errors';
import { computeKeys, runPipeline, sourceKey, type BatchContext, type CacheStore, type NodeOutputs } from '../core/executor';
import { hashString } from '../core/hash';
import type { Registry, SourceFile } from '../core/node';
import { errorRecord, okRecord, sinkNodes, type BatchRecord } from '../core/batch-record';
import { runFirstPassItem, secondPassOptions, type BatchPlan, type CollectedForBatch } from '../core/batch-pass';
import { stackSource } from '../io/image-stack';
import { pairedSource } from '../io/paired-source';
import type { CheckedPipeline } from '../core/validate';
import { encodeSavedImages, savedImageFile } from '../io/saved-images';
import type { InputFile } from './inputs';
import { OutputWriteError, writeAtomic } from './atomic-write';

/** Bump when what a record holds changes, so old records are not reused. */
const RECORD_VERSION = 2;


/** What one image contributed to the batch's outputs (core/batch-record.ts), as the runner keeps it. Plain JSON. */
export interface ImageRecord extends BatchRecord {
  /** With --debug, the stack of an unexpected error (never written to images.csv). */
  stack?: string;
  /** True when the record was reused from an earlier run. */
  resumed?: boolean;
  /** The image's outputs could not be written (OutputWriteError): the run stops, as every later image would fail too. */
  fatal?: boolean;
}

export interface ProcessContext {
  checked: CheckedPipeline;
  registry: Registry;
  outDir: string;
  maxPixels: number;
  cache?: CacheStore;
  /** Folder of finished-image records; absent with --no-cache. */
  recordsDir?: string;
  /** Keep the stack of unexpected errors in the record (--debug). */
  debug?: boolean;
  /** Pipelines with batch nodes: the two passes, and (second pass) the batch nodes' outputs. */
  plan?: BatchPlan;
  batch?: BatchContext;
}

/** The first pass for one image: runs what feeds the batch nodes and returns their inputs. */
export async function collectForBatch(input: InputFile, ctx: ProcessContext & { plan: BatchPlan }): Promise<{ record: ImageRecord } | { collected: CollectedForBatch }> {
  const started = performance.now();
  const fail = (error: string, stack?: string): { record: ImageRecord } => ({
    record: { ...errorRecord(input.display, error, Math.round(performance.now() - started)), ...(stack ? { stack } : {}) },
  });
  let source: SourceFile;
  try {
    source = await readSource(input);
  } catch (err) {
    return fail(describeError(err));
  }
  const { run, collected } = await runFirstPassItem(ctx.plan, ctx.checked, { registry: ctx.registry, source, cache: ctx.cache, maxPixels: ctx.maxPixels });
  if (!collected) return fail(run.error!, ctx.debug ? run.reports.find((r) => r.stack)?.stack : undefined);
  return { collected };
}

export async function processImage(input: InputFile, ctx: ProcessContext): Promise<ImageRecord> {
  const started = performance.now();
  const fail = (error: string): ImageRecord => errorRecord(input.display, error, Math.round(performance.now() - started));
  let source: SourceFile;
  try {
    source = await readSource(input);
  } catch (err) {
    return fail(describeError(err));
  }
  const keys = computeKeys(ctx.checked, ctx.registry, sourceKey(source), ctx.batch?.hash);
  const recordKey = hashString(JSON.stringify([RECORD_VERSION, input.display, input.stem, [...keys]]));
  const recordPath = ctx.recordsDir && join(ctx.recordsDir, recordKey.slice(0, 2), `${recordKey}.json`);

  if (recordPath) {
    const previous = await readRecord(recordPath);
    if (previous && (await savedImagesExist(ctx, input))) return { ...previous, resumed: true };
  }

  const result = await runPipeline(ctx.checked, {
    registry: ctx.registry,
    source,
    cache: ctx.cache,
    maxPixels: ctx.maxPixels,
    ...(ctx.batch ? secondPassOptions(ctx.plan, ctx.batch) : {}),
  });
  if (result.error) {
    const stack = ctx.debug ? result.reports.find((r) => r.stack)?.stack : undefined;
    return stack ? { ...fail(result.error), stack } : fail(result.error);
  }

  let record: ImageRecord;
  try {
    await saveImages(ctx, input, result.values);
    record = okRecord(ctx, input.display, result.values, Math.round(performance.now() - started));
    if (recordPath) await writeAtomic(recordPath, JSON.stringify(record));
  } catch (err) {
    return err instanceof OutputWriteError ? { ...fail(err.message), fatal: true } : fail(describeError(err));
  }
  return record;
}

/** The batch item's file, or with --stack its folder's files (with --channels its channel files), read and hashed. */
async function readSource(input: InputFile): Promise<SourceFile> {
  const read = async (path: string, what: string) => {
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch (err) {
      throw new UserError(`cannot read ${what}: ${(err as NodeJS.ErrnoException).code ?? describeError(err)}`);
    }
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    return { name: basename(path), bytes, hash: createHash('sha256').update(bytes).digest('hex') };
  };
  if (input.problem) throw new UserError(input.problem);
  let source: SourceFile;
  if (!input.stack) {
    const file = await read(input.path, 'the file');
    source = { ...file, name: input.display.split('/').pop()! };
  } else {
    const files = [];
    for (const path of input.stack) files.push(await read(path, basename(path)));
    source = stackSource(input.display.split('/').pop()!, files, input.join === 'channels' ? 'channels' : 'planes');
  }
  // the folder the file is in (a --stack folder's parent; with --channels, the channel files' folder)
  const folder = basename(dirname(resolve(input.path)));
  if (folder) source.folder = folder;
  if (!input.paired) return source;
  const paired: Record<string, { name: string; bytes: Uint8Array; hash: string }> = {};
  for (const [role, path] of Object.entries(input.paired)) paired[role] = await read(path, `its ${role} file ${basename(path)}`);
  return pairedSource(source, paired);
}

export function savedImagePath(outDir: string, name: string, format: string, stem: string): string {
  return join(outDir, savedImageFile(name, format, stem));
}

/** Encodes every saved image first, so an image that cannot be encoded leaves none of its files. */
async function saveImages(ctx: ProcessContext, input: InputFile, values: Map<string, NodeOutputs>): Promise<void> {
  for (const file of encodeSavedImages(ctx, values)) await writeAtomic(savedImagePath(ctx.outDir, file.name, file.format, input.stem), file.bytes);
}

async function savedImagesExist(ctx: ProcessContext, input: InputFile): Promise<boolean> {
  for (const node of sinkNodes(ctx, 'image')) {
    const { name, format } = node.params as { name: string; format: string };
    try {
      await stat(savedImagePath(ctx.outDir, name, format, input.stem));
    } catch {
      return false;
    }
  }
  return true;
}

async function readRecord(path: string): Promise<ImageRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as ImageRecord;
    return record.status === 'ok' ? record : undefined;
  } catch {
    return undefined;
  }
}
