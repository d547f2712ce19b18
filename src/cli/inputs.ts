// Turns the runner's INPUT arguments (files, folders, globs) into an ordered list of image files.
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { UserError } from '../core/errors';
import { IMAGE_EXTENSIONS } from '../io/decode';

export interface InputFile {
  /** Absolute or as-given path to read. */
  path: string;
  /** What tables and logs call it: the file name, or its relative path where names repeat. */
  display: string;
  /** File-name-safe stem for saved images: display without extension, folders joined by '_'. */
  stem: string;
}

const isImage = (name: string) => (IMAGE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function expandInputs(args: string[], cwd = process.cwd()): InputFile[] {
  const paths: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const names = readdirSync(arg).filter((n) => isImage(n) && statSync(join(arg, n)).isFile()).sort(byName);
      if (names.length === 0) throw new UserError(`input folder ${arg} holds no images (${IMAGE_EXTENSIONS.join(' ')})`);
      paths.push(...names.map((n) => join(arg, n)));
    } else if (stat?.isFile()) {
      paths.push(arg);
    } else if (/[*?[{]/.test(arg)) {
      const found = globSync(arg, { cwd, onlyFiles: true, absolute: false, expandDirectories: false }).filter(isImage).sort(byName);
      if (found.length === 0) throw new UserError(`no images match ${arg}`);
      paths.push(...found);
    } else {
      throw new UserError(`input ${arg} does not exist`);
    }
  }
  const unique = [...new Set(paths)];
  const nameCount = new Map<string, number>();
  for (const p of unique) nameCount.set(basename(p), (nameCount.get(basename(p)) ?? 0) + 1);
  return unique.map((path) => {
    const display = nameCount.get(basename(path))! > 1 ? relative(cwd, path).split(sep).join('/') : basename(path);
    const stem = display.slice(0, display.length - extname(display).length).replace(/[/\\]/g, '_');
    return { path, display, stem };
  });
}
