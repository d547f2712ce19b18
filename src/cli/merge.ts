// `cellgraph merge`: the tables of the shards of one batch (`cellgraph run --shard K/N`, each with its
// own --out), combined into the files one unsharded run writes: every table's rows in shard order under
// the union of the shards' columns (in the order a whole run adds them), images.csv likewise, and each
// table's provenance sidecar listing every image. Saved images stay in the shards' folders. With
// --group-by, the per-group summaries a whole run's --group-by writes, computed from the merged tables
// (the sidecars say which columns hold text, which the CSV cannot).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { UserError } from '../core/errors';
import { canonicalJSON } from '../core/hash';
import { csvLine, parseCsvLine, type Cell } from '../io/csv';
import { TABLE_PROVENANCE_FORMAT, type TableColumn, type TableProvenance } from '../io/table-provenance';
import { GroupSummary, groupFileName, writeGroupSummaries } from './group-summary';
import { writeAtomic, writeFailure } from './atomic-write';

const SIDECAR = '.provenance.json';

/** The tables a run folder holds: those with a provenance sidecar (group-by files have none). */
function tablesOf(dir: string): string[] {
  if (!existsSync(join(dir, 'images.csv'))) throw new UserError(`${dir} has no images.csv: it is not the --out folder of a cellgraph run`);
  return readdirSync(dir)
    .filter((f) => f.endsWith(SIDECAR) && existsSync(join(dir, f.slice(0, -SIDECAR.length) + '.csv')))
    .map((f) => f.slice(0, -SIDECAR.length))
    .sort();
}

/** The lines of a file, read in 1 MiB chunks (tables of a whole plate do not fit in one string). */
function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    // a character's bytes may straddle two chunks: the decoder holds them until it is whole
    const utf8 = new StringDecoder('utf8');
    let carry = '';
    let n: number;
    while ((n = readSync(fd, chunk, 0, chunk.length, null)) > 0) {
      const lines = (carry + utf8.write(chunk.subarray(0, n))).split('\n');
      carry = lines.pop()!;
      yield* lines;
    }
    if (carry !== '') yield carry;
  } finally {
    closeSync(fd);
  }
}

function header(path: string): string[] {
  for (const line of fileLines(path)) return parseCsvLine(line);
  throw new UserError(`${path} is empty`);
}

/** The lines after the header. */
function* rowsOf(path: string): Generator<string> {
  let first = true;
  for (const line of fileLines(path)) {
    if (!first) yield line;
    first = false;
  }
}

/**
 * One CSV from the shards' copies, streamed to `dest` (whole or absent): the union of their headers in
 * order of first appearance, each row placed under its columns.
 */
function mergeCsv(paths: string[], dest: string): void {
  const columns: string[] = [];
  const index = new Map<string, number>();
  const headers = paths.map(header);
  for (const name of headers.flat()) {
    if (!index.has(name)) {
      index.set(name, columns.length);
      columns.push(name);
    }
  }
  const tmp = `${dest}.${process.pid}.partial`;
  let out: number;
  try {
    mkdirSync(dirname(dest), { recursive: true });
    out = openSync(tmp, 'w');
  } catch (err) {
    throw writeFailure(dest, err);
  }
  try {
    writeSync(out, csvLine(columns));
    paths.forEach((path, k) => {
      const names = headers[k];
      const same = names.length === columns.length && names.every((n, i) => columns[i] === n);
      let text = '';
      let line = 1;
      for (const row of rowsOf(path)) {
        line++;
        if (same) text += `${row}\n`;
        else {
          const values = parseCsvLine(row);
          if (values.length > names.length) throw new UserError(`${path} line ${line} has ${values.length} cells for ${names.length} columns`);
          const cells = new Array<string>(columns.length).fill('');
          values.forEach((v, j) => (cells[index.get(names[j])!] = v));
          text += csvLine(cells);
        }
        if (text.length > 1 << 20) {
          writeSync(out, text);
          text = '';
        }
      }
      writeSync(out, text);
    });
    closeSync(out);
    renameSync(tmp, dest);
  } catch (err) {
    try {
      closeSync(out);
    } catch {
      /* closed before the rename failed */
    }
    rmSync(tmp, { force: true });
    throw writeFailure(dest, err);
  }
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

/** The columns of several shards' copies of one table, in first-seen order; text if text in any shard. */
function unionColumns(docs: TableProvenance[]): TableColumn[] {
  const union = new Map<string, TableColumn>();
  for (const c of docs.flatMap((d) => d.columns ?? [])) {
    const known = union.get(c.name);
    if (!known) union.set(c.name, { ...c });
    else if (c.type === 'string') known.type = 'string';
  }
  return [...union.values()];
}

/** The --group-by summaries of one merged table, from its CSV (whose first column is the image). */
function groupMerged(csv: string, columns: TableColumn[], groupBy: string[]): GroupSummary[] {
  const summaries = groupBy.map((column) => new GroupSummary(column));
  const names = header(csv).slice(1);
  const text = new Set(columns.filter((c) => c.type === 'string').map((c) => c.name));
  const isText = names.map((n) => text.has(n));
  // one image's rows are consecutive: added together, as the run adds each image's table
  let image: string | undefined;
  let rows: Cell[][] = [];
  const flush = () => {
    if (image !== undefined) for (const s of summaries) s.add(image, names, rows);
    rows = [];
  };
  for (const line of rowsOf(csv)) {
    const cells = parseCsvLine(line);
    if (cells[0] !== image) {
      flush();
      image = cells[0];
    }
    const row = new Array<Cell>(names.length);
    for (let j = 0; j < names.length; j++) {
      const v = cells[j + 1] ?? '';
      row[j] = isText[j] ? v : v === '' ? null : Number(v);
    }
    rows.push(row);
  }
  flush();
  return summaries;
}

/**
 * Merges the shards' folders `dirs` (in shard order) into `outDir`, with `groupBy` summaries as a
 * whole run's --group-by; returns the files written.
 */
export async function mergeShards(dirs: string[], outDir: string, groupBy: string[] = [], log: (line: string) => void = () => {}): Promise<string[]> {
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
    const path = join(dir, 'images.csv');
    const at = header(path).indexOf('image');
    for (const row of rowsOf(path)) {
      const image = parseCsvLine(row)[at];
      const other = seen.get(image);
      if (other !== undefined) throw new UserError(`${image} is in both ${other} and ${dir}: shards must not overlap`);
      seen.set(image, dir);
    }
  }
  // every shard must have run the same pipeline (the image lists aside); a shard none of whose images
  // reached a table records no steps for it, so it is not compared. All checked before anything is written.
  const recipe = (doc: TableProvenance) => canonicalJSON({ ...doc, images: [], columns: [] });
  const sidecars = tables.map((table) => {
    const docs = dirs.map((d) => readSidecar(join(d, table + SIDECAR)));
    const base = Math.max(0, docs.findIndex((d) => d.images.length > 0));
    docs.forEach((doc, i) => {
      if (doc.images.length > 0 && recipe(doc) !== recipe(docs[base])) {
        throw new UserError(`${join(dirs[i], table + SIDECAR)}: this shard ran another pipeline (or cellgraph version) than ${dirs[base]}`);
      }
    });
    if (groupBy.length > 0) {
      const old = docs.findIndex((d) => d.images.length > 0 && d.columns === undefined);
      if (old >= 0) throw new UserError(`${join(dirs[old], table + SIDECAR)} does not say which columns hold text (an older cellgraph wrote it): merge without --group-by, or run that shard again`);
    }
    const columns = docs.some((d) => d.columns !== undefined) ? { columns: unionColumns(docs) } : {};
    return { ...docs[base], images: docs.flatMap((d) => d.images), ...columns };
  });
  const claimed = new Set(['images.csv', ...tables.map((t) => `${t}.csv`.toLowerCase())]);
  for (const table of tables) {
    for (const column of groupBy) {
      const file = groupFileName(table, column);
      if (claimed.has(file.toLowerCase())) throw new UserError(`--group-by ${column} would write ${file}, which another table or summary already writes`);
      claimed.add(file.toLowerCase());
    }
  }
  const files: string[] = [];
  for (const [t, table] of tables.entries()) {
    const csv = join(out, `${table}.csv`);
    mergeCsv(dirs.map((d) => join(d, `${table}.csv`)), csv);
    const sidecar = join(out, table + SIDECAR);
    await writeAtomic(sidecar, `${JSON.stringify(sidecars[t], null, 1)}\n`);
    files.push(csv, sidecar);
    if (groupBy.length > 0) files.push(...(await writeGroupSummaries(out, table, groupMerged(csv, sidecars[t].columns ?? [], groupBy), log)));
  }
  const images = join(out, 'images.csv');
  mergeCsv(dirs.map((d) => join(d, 'images.csv')), images);
  files.push(images);
  return files;
}
