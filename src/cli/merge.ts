// `cellgraph merge`: the tables of the shards of one batch (`cellgraph run --shard K/N`, each with its
// own --out), combined into the files one unsharded run writes: every table's rows in shard order under
// the union of the shards' columns (in the order a whole run adds them), images.csv likewise, and each
// table's provenance sidecar listing every image. Saved images stay in the shards' folders.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors';
import { canonicalJSON } from '../core/hash';
import { csvLine, parseCsvLine } from '../io/csv';
import { TABLE_PROVENANCE_FORMAT, type TableProvenance } from '../io/table-provenance';
import { writeAtomic } from './process';

const SIDECAR = '.provenance.json';

/** The tables a run folder holds: those with a provenance sidecar (group-by files have none). */
function tablesOf(dir: string): string[] {
  if (!existsSync(join(dir, 'images.csv'))) throw new UserError(`${dir} has no images.csv: it is not the --out folder of a cellgraph run`);
  return readdirSync(dir)
    .filter((f) => f.endsWith(SIDECAR) && existsSync(join(dir, f.slice(0, -SIDECAR.length) + '.csv')))
    .map((f) => f.slice(0, -SIDECAR.length))
    .sort();
}

function readLines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

/** One CSV from the shards' copies: the union of their headers, each row placed under its columns. */
function mergeCsv(paths: string[]): string {
  const columns: string[] = [];
  const index = new Map<string, number>();
  const parts = paths.map((path) => {
    const [head, ...rows] = readLines(path);
    if (head === undefined) throw new UserError(`${path} is empty`);
    const names = parseCsvLine(head);
    for (const name of names) {
      if (!index.has(name)) {
        index.set(name, columns.length);
        columns.push(name);
      }
    }
    return { names, rows };
  });
  let text = csvLine(columns);
  for (const { names, rows } of parts) {
    const same = names.length === columns.length && names.every((n, i) => columns[i] === n);
    for (const row of rows) {
      if (same) {
        text += `${row}\n`;
        continue;
      }
      const cells = new Array<string>(columns.length).fill('');
      parseCsvLine(row).forEach((v, j) => (cells[index.get(names[j])!] = v));
      text += csvLine(cells);
    }
  }
  return text;
}

function readSidecar(path: string): TableProvenance {
  try {
    const doc = JSON.parse(readFileSync(path, 'utf8')) as TableProvenance;
    if (doc?.format !== TABLE_PROVENANCE_FORMAT || !Array.isArray(doc.images)) throw new Error('not a sidecar');
    return doc;
  } catch {
    throw new UserError(`${path} is not a cellgraph provenance sidecar`);
  }
}

/** Merges the shards' folders `dirs` (in shard order) into `outDir`; returns the files written. */
export async function mergeShards(dirs: string[], outDir: string): Promise<string[]> {
  const out = resolve(outDir);
  if (dirs.some((d) => resolve(d) === out)) throw new UserError(`--out ${outDir} is one of the shard folders: merge into a new folder`);
  const tables = tablesOf(dirs[0]);
  for (const dir of dirs.slice(1)) {
    const theirs = tablesOf(dir);
    if (canonicalJSON(theirs) !== canonicalJSON(tables)) {
      throw new UserError(`${dir} has the tables ${theirs.join(', ') || '(none)'} but ${dirs[0]} has ${tables.join(', ') || '(none)'}: not shards of one run`);
    }
  }
  // each image in one shard only
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const [head, ...rows] = readLines(join(dir, 'images.csv'));
    const at = parseCsvLine(head ?? '').indexOf('image');
    for (const row of rows) {
      const image = parseCsvLine(row)[at];
      const other = seen.get(image);
      if (other !== undefined) throw new UserError(`${image} is in both ${other} and ${dir}: shards must not overlap`);
      seen.set(image, dir);
    }
  }
  const files: string[] = [];
  for (const table of tables) {
    const docs = dirs.map((d) => readSidecar(join(d, table + SIDECAR)));
    // the image lists aside, every shard must have run the same pipeline; a shard none of whose images
    // reached the table records no steps, so it is not compared
    const recipe = (doc: TableProvenance) => canonicalJSON({ ...doc, images: [] });
    const base = docs.findIndex((d) => d.images.length > 0);
    const model = docs[Math.max(base, 0)];
    docs.forEach((doc, i) => {
      if (doc.images.length > 0 && recipe(doc) !== recipe(model)) {
        throw new UserError(`${dirs[i]}/${table}${SIDECAR}: this shard ran another pipeline (or cellgraph version) than ${dirs[base]}`);
      }
    });
    const csv = join(out, `${table}.csv`);
    await writeAtomic(csv, mergeCsv(dirs.map((d) => join(d, `${table}.csv`))));
    const sidecar = join(out, table + SIDECAR);
    await writeAtomic(sidecar, `${JSON.stringify({ ...model, images: docs.flatMap((d) => d.images) }, null, 1)}\n`);
    files.push(csv, sidecar);
  }
  const images = join(out, 'images.csv');
  await writeAtomic(images, mergeCsv(dirs.map((d) => join(d, 'images.csv'))));
  files.push(images);
  return files;
}
