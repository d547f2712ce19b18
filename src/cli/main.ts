// The `cellgraph` command: run a pipeline over images, validate it, list nodes, print the schema.
// Exit codes: 0 all inputs succeeded; 1 some inputs failed; 2 bad usage, invalid pipeline, or an
// output folder that cannot be written. Errors are one line; --debug adds stack traces.
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeError, UserError } from '../core/errors';
import { DEFAULT_MAX_PIXELS } from '../core/executor';
import { pipelineJSONSchema } from '../core/json-schema';
import { nodeRegistry } from '../../nodes/index';
import { readEmbeddedPipeline } from '../io/embedded-provenance';
import { ROLE_PATTERN } from '../io/paired-source';
import { expandChannelInputs, expandInputs, expandStackInputs, pairInputs, type InputFile, type PairRule } from './inputs';
import { describeNodes, nodesAsJSON } from './nodes-command';
import { preparePipeline, type RunSettings } from './prepare';
import { mergeShards } from './merge';
import { checkOutputNames, checkOutputsAvoidInputs, defaultJobs, prepareOutDir, runBatch, shardIndices, type Shard } from './run';

declare const __CELLGRAPH_VERSION__: string;
const VERSION = typeof __CELLGRAPH_VERSION__ === 'string' ? __CELLGRAPH_VERSION__ : 'dev';

const USAGE = `cellgraph ${VERSION}: microscopy image analysis pipelines

Usage:
  cellgraph run PIPELINE INPUT... --out DIR [options]
  cellgraph run --from EXPORTED INPUT... --out DIR [options]
  cellgraph merge SHARD_DIR... --out DIR [--group-by COLUMN]
  cellgraph validate PIPELINE
  cellgraph nodes [--json]
  cellgraph schema
  cellgraph --help | --version

INPUT is image files (TIFF, PNG, JPEG), folders (their images, sorted by name) or globs ("plate1/*.tif");
with --stack, folders each loaded as one stack.

Options for run:
  --from FILE             run the pipeline embedded in a TIFF or PNG that cellgraph saved (or in a
                          table's .provenance.json) instead of a PIPELINE file
  --out DIR               folder for the tables (<name>.csv, images.csv) and saved images (required)
  --stack                 each INPUT is a folder whose images (sorted by name, all of one size and
                          type) load as the planes of one image: one batch item per folder
  --channels T1,T2,...    images stored as one file per channel: a file whose name contains Tk is
                          channel k, and files whose names match once it is removed are one image
                          (e.g. --channels w1,w2: A01_w1.tif + A01_w2.tif → A01_.tif, 2 channels)
  --pair ROLE=TEMPLATE    give each image the file TEMPLATE names beside it ({stem}: the image's name
                          without extension, {ext}: its extension) as its ROLE, read by load-paired-image
                          (e.g. --pair truth={stem}_mask.tif: a.tif with a_mask.tif, its ground truth);
                          those files are not run as images themselves (repeatable)
  --set NODE.PARAM=VALUE  change a param for this run, e.g. --set threshold.method=li (repeatable)
  --group-by COLUMN       also write DIR/<table>_by_<COLUMN>.csv: per value of COLUMN (e.g. a column from
                          metadata-from-filename), the number of images and rows and the mean, median
                          and std (n-1) of every numeric column (repeatable)
  --shard K/N             process only part K of N of the inputs (contiguous, in input order), e.g. one
                          part per machine, each with its own --out; \`cellgraph merge\` then combines the
                          shards' tables into one whole run's. Batch nodes (batch-mean) still read every
                          input; --group-by files cover the shard's images only (merge --group-by
                          writes them for the whole batch)
  --jobs N                images processed in parallel (default: ${defaultJobs()}, the number of cores); a small
                          batch (up to 64 files, 8 MiB) runs on the main thread, sooner than workers start
  --cache DIR             keep every node's result in DIR; a later run re-computes only what changed
  --no-cache              recompute everything; do not remember finished images in DIR/.cellgraph
  --max-pixels N          refuse images with more samples than N (default ${DEFAULT_MAX_PIXELS})
  --timeout SEC           give up on an image after SEC seconds (default 0: no limit); every image then
                          runs in a worker thread, which can be stopped
  --dry-run               check the pipeline and list what would run, one line per image (this shard's):
                          its name, then its file(s) and paired files, tab-separated; nothing is run or
                          written (--out may be left out). Exit 1 if an image cannot run (a missing
                          channel or pair file).
  --debug                 show stack traces for internal errors (also an image's, under its error line)

merge: the --out folders of the shards of one run (--shard 1/N … N/N), in shard order, combined into
DIR as one unsharded run writes them: each table (rows in shard order, the union of the columns),
its provenance sidecar, and images.csv. Saved images stay in the shards' folders. --group-by COLUMN
(repeatable) writes the per-group summaries a whole run's --group-by would.

Exit status: 0 every image succeeded; 1 some failed (the rest are written); 2 bad usage,
invalid pipeline, or an output folder that cannot be written.`;

class UsageError extends UserError {}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await dispatch(argv.filter((a) => a !== '--debug'), debug);
  } catch (err) {
    const message = describeError(err);
    process.stderr.write(`cellgraph: ${message}\n`);
    if (err instanceof UsageError) process.stderr.write(`Try 'cellgraph --help'.\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 2;
  }
}

async function dispatch(argv: string[], debug: boolean): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  // `cellgraph run --help`: what people type first (before a `--`, which ends the options)
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  switch (command) {
    case 'run':
      return runCommand(rest, debug);
    case 'validate':
      return validateCommand(rest);
    case 'merge': {
      const { values, positionals } = parse(rest, { out: { type: 'string', short: 'o' }, 'group-by': { type: 'string', multiple: true } }, 0);
      if (positionals.length === 0) throw new UsageError("merge needs the shards' --out folders, in shard order");
      if (typeof values.out !== 'string') throw new UsageError('merge needs --out DIR');
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const files = await mergeShards(positionals, values.out, (values['group-by'] as string[] | undefined) ?? [], log);
      process.stdout.write(`merged ${positionals.length} shard${positionals.length === 1 ? '' : 's'}\n${files.map((f) => `wrote ${shortPath(f)}`).join('\n')}\n`);
      return 0;
    }
    case 'nodes': {
      const { values } = parse(rest, { json: { type: 'boolean' } }, 0);
      process.stdout.write(values.json ? `${JSON.stringify(nodesAsJSON(nodeRegistry), null, 2)}\n` : describeNodes(nodeRegistry));
      return 0;
    }
    case 'schema':
      parse(rest, {}, 0);
      process.stdout.write(`${JSON.stringify(pipelineJSONSchema(nodeRegistry), null, 2)}\n`);
      return 0;
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse(args: string[], options: Options, minPositionals: number) {
  let result;
  try {
    result = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0].replace(/^TypeError \[\w+\]: /, ''));
  }
  if (result.positionals.length < minPositionals) throw new UsageError('missing arguments');
  return result as { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
}

function readPipeline(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read pipeline ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** The pipeline a cellgraph-saved TIFF/PNG (or a table's .provenance.json) holds, as pipeline file text. */
function readEmbeddedPipelineText(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new UserError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return JSON.stringify(readEmbeddedPipeline(bytes, basename(path)).pipeline, null, 2);
}

function validateCommand(args: string[]): number {
  const { positionals } = parse(args, {}, 1);
  const [path] = positionals;
  const prepared = preparePipeline(readPipeline(path), [], nodeRegistry);
  if (!prepared.ok) {
    for (const p of prepared.problems) process.stderr.write(`${path}: ${p}\n`);
    return 2;
  }
  const { pipeline, order } = prepared.checked;
  process.stdout.write(`${path}: valid "${pipeline.name}", ${order.length} nodes: ${order.join(' → ')}\n`);
  return 0;
}

/**
 * --dry-run: each image this shard would run, a line each on stdout (name, its file or files, its
 * paired files as role=path, or why it cannot run; tab-separated), and what it adds up to on stderr.
 */
function listItems(inputs: InputFile[], shard: Shard | undefined, name: string): number {
  const mine = shardIndices(inputs.length, shard).map((i) => inputs[i]);
  const lines = mine.map((input) => {
    const files = (input.stack ?? [input.path]).map(shortPath).join(';');
    const paired = Object.entries(input.paired ?? ({} as Record<string, string>)).map(([role, path]) => `${role}=${shortPath(path)}`);
    return [input.display, files, ...(input.problem ? [`cannot run: ${input.problem}`] : paired)].join('\t');
  });
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  const problems = mine.filter((i) => i.problem).length;
  const which = shard ? `shard ${shard.index}/${shard.count}: ${mine.length} of ${inputs.length}` : `${mine.length}`;
  process.stderr.write(
    `${which} image${(shard ? inputs.length : mine.length) === 1 ? '' : 's'} would run through "${name}"${problems ? `, ${problems} of them cannot (said on their lines)` : ''}; nothing run (--dry-run)\n`,
  );
  return problems ? 1 : 0;
}

/** A path as the user would type it: relative to the working folder when inside it. */
function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function positiveInt(value: unknown, flag: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number >= ${min}, got '${value}'`);
  return n;
}

/** --pair ROLE=TEMPLATE (repeatable): distinct role names, templates naming a file. */
function parsePairs(texts: string[]): PairRule[] {
  const rules: PairRule[] = [];
  for (const text of texts) {
    const at = text.indexOf('=');
    const role = text.slice(0, at);
    const template = text.slice(at + 1);
    if (at < 0 || !ROLE_PATTERN.test(role) || template.trim() === '') {
      throw new UsageError(`--pair takes ROLE=TEMPLATE, e.g. truth={stem}_mask.tif (ROLE: letters, digits, _ and -), got '${text}'`);
    }
    if (rules.some((r) => r.role === role)) throw new UsageError(`--pair ${role} is given twice`);
    rules.push({ role, template });
  }
  return rules;
}

/** --channels T1,T2,…: two or more distinct, non-empty name parts. */
function parseChannelTokens(text: string): string[] {
  const tokens = text.split(',').map((t) => t.trim());
  if (tokens.length < 2 || tokens.some((t) => t === '') || new Set(tokens).size !== tokens.length) {
    throw new UsageError(`--channels takes two or more different name parts separated by commas (e.g. w1,w2 or d0,d1,d2), got '${text}'`);
  }
  return tokens;
}

/** --shard K/N: whole numbers with 1 <= K <= N. */
function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count)) throw new UsageError(`--shard takes K/N with 1 <= K <= N (e.g. 2/8), got '${text}'`);
  return { index, count };
}

async function runCommand(args: string[], debug: boolean): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      out: { type: 'string', short: 'o' },
      set: { type: 'string', multiple: true },
      jobs: { type: 'string', short: 'j' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
      'max-pixels': { type: 'string' },
      timeout: { type: 'string' },
      from: { type: 'string' },
      stack: { type: 'boolean' },
      'group-by': { type: 'string', multiple: true },
      shard: { type: 'string' },
      channels: { type: 'string' },
      pair: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
    },
    0,
  );
  const dryRun = values['dry-run'] === true;
  const from = typeof values.from === 'string' ? values.from : undefined;
  if (positionals.length === 0) throw new UsageError(from ? 'run needs at least one INPUT image, folder or glob' : 'run needs a PIPELINE file');
  if (positionals.length === 1 && !from) throw new UsageError('run needs at least one INPUT image, folder or glob');
  if (typeof values.out !== 'string' && !dryRun) throw new UsageError('run needs --out DIR');
  if (values.cache && values['no-cache']) throw new UsageError('--cache and --no-cache contradict each other');
  const pipelinePath = from ?? positionals[0];
  const inputArgs = from ? positionals : positionals.slice(1);
  const jobs = values.jobs === undefined ? defaultJobs() : positiveInt(values.jobs, '--jobs');
  const maxPixels = values['max-pixels'] === undefined ? DEFAULT_MAX_PIXELS : positiveInt(values['max-pixels'], '--max-pixels');
  const timeoutSec = values.timeout === undefined ? 0 : positiveInt(values.timeout, '--timeout', 0);
  const shard = values.shard === undefined ? undefined : parseShard(String(values.shard));

  const pipelineText = from ? readEmbeddedPipelineText(from) : readPipeline(pipelinePath);
  const sets = (values.set as string[] | undefined) ?? [];
  const prepared = preparePipeline(pipelineText, sets, nodeRegistry);
  if (!prepared.ok) {
    for (const p of prepared.problems) process.stderr.write(`${pipelinePath}: ${p}\n`);
    return 2;
  }
  const outDir = typeof values.out === 'string' ? resolve(values.out) : undefined;
  if (values.stack && values.channels !== undefined) throw new UsageError('--stack and --channels cannot be combined');
  const tokens = values.channels === undefined ? undefined : parseChannelTokens(String(values.channels));
  const pairs = parsePairs((values.pair as string[] | undefined) ?? []);
  const inputs = pairInputs(values.stack ? expandStackInputs(inputArgs) : tokens ? expandChannelInputs(inputArgs, tokens) : expandInputs(inputArgs), pairs);
  const groupBy = (values['group-by'] as string[] | undefined) ?? [];
  checkOutputNames(prepared.checked, nodeRegistry, groupBy);
  if (outDir) checkOutputsAvoidInputs(inputs, prepared.checked, nodeRegistry, outDir);
  if (dryRun) return listItems(inputs, shard, prepared.checked.pipeline.name);
  if (!outDir) throw new UsageError('run needs --out DIR');
  prepareOutDir(outDir);

  const settings: RunSettings = {
    pipelineText,
    sets,
    outDir,
    maxPixels,
    cacheDir: typeof values.cache === 'string' ? resolve(values.cache) : undefined,
    recordsDir: values['no-cache'] ? undefined : join(outDir, '.cellgraph', 'records'),
    debug,
  };
  const summary = await runBatch({
    checked: prepared.checked,
    registry: nodeRegistry,
    settings,
    inputs,
    jobs,
    timeoutSec,
    workerUrl: new URL('./cli-worker.mjs', import.meta.url),
    log: (line) => process.stderr.write(`${line}\n`),
    isTTY: Boolean(process.stderr.isTTY),
    groupBy,
    shard,
  });
  const resumed = summary.resumed ? `, ${summary.resumed} resumed from an earlier run` : '';
  const count = shardIndices(inputs.length, shard).length;
  const which = shard ? `shard ${shard.index}/${shard.count}: ${count} of ${inputs.length}` : `${count}`;
  process.stdout.write(
    `${which} image${(shard ? inputs.length : count) === 1 ? '' : 's'}: ${summary.ok} ok, ${summary.failed} failed${resumed} ` +
      `in ${(summary.ms / 1000).toFixed(1)} s\n${summary.files.map((f) => `wrote ${shortPath(f)}`).join('\n')}\n`,
  );
  return summary.failed > 0 ? 1 : 0;
}
