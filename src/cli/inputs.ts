// Turns the runner's INPUT arguments (files, folders, globs) into an ordered list of image files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { UserError } from '../core/errors';
import { IMAGE_EXTENSIONS, isImageFileName as isImage } from '../io/decode';
import { pairedFileName, type PairRule } from '../io/paired-source';
import { savedImageStem } from '../io/saved-images';

export type { PairRule };

export interface InputFile {
  /** Absolute or as-given path to read. */
  path: string;
  /** What tables and logs call it: the file name, or its relative path where names repeat. */
  display: string;
  /** File-name-safe stem for saved images: display without extension, folders joined by '_'. */
  stem: string;
  /** With --stack: the folder's image files (plane order); `path` is the folder. With --channels: the image's channel files, in channel order. */
  stack?: string[];
  /** With --channels: the files in `stack` are channels of one image, not planes. */
  join?: 'channels';
  /** Why this item cannot be read (e.g. a channel file is missing): it fails alone with this line. */
  problem?: string;
  /** With --pair: the files that belong with this image, by role (role → path). */
  paired?: Record<string, string>;
}

/**
 * The image files of a folder, sorted by name. The listing's entry types spare a stat per file
 * (10^5-image folders); only a symbolic link is stat'ed, to follow it as before.
 */
function imageFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => isImage(e.name) && (e.isSymbolicLink() ? statSync(join(folder, e.name)).isFile() : e.isFile()))
    .map((e) => e.name)
    .sort(byName);
}
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * "input folder X holds no images", and where its subfolders do (a folder per well or position, as
 * Micro-Manager writes), how to give them: folders are not searched below their first level.
 */
function noImagesIn(folder: string, stack: boolean): UserError {
  const base = `input folder ${folder} holds no images (${IMAGE_EXTENSIONS.join(' ')})`;
  const withImages = readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(byName)
    .filter((name) => imageFilesIn(join(folder, name)).length > 0);
  if (withImages.length === 0) return new UserError(base);
  const shown = withImages.slice(0, 3).join(', ') + (withImages.length > 3 ? `, … (${withImages.length})` : '');
  const glob = join(folder, stack ? '*' : '*/*').split(sep).join('/');
  const what = stack ? 'give them as the stacks' : 'give them as inputs';
  return new UserError(`${base}, but its subfolders ${shown} do: ${what}, e.g. "${glob}" (subfolders are not searched)`);
}

/**
 * `--stack`: every INPUT is a folder whose images (sorted by name) are the planes of one batch item,
 * named after the folder (its relative path where names repeat).
 */
export function expandStackInputs(args: string[], cwd = process.cwd()): InputFile[] {
  const folders: string[] = [];
  for (const arg of args) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      isDir = undefined;
    }
    if (isDir === false) throw new UserError(`--stack takes folders (each one stack of images), but ${arg} is a file`);
    if (isDir) {
      folders.push(arg.replace(/[/\\]+$/, '') || arg);
    } else if (/[*?[{]/.test(arg)) {
      const found = globSync(arg, { cwd, onlyDirectories: true, absolute: false, expandDirectories: false }).sort(byName);
      if (found.length === 0) throw new UserError(`no folders match ${arg}`);
      // relative to the working folder, as typed folders are
      folders.push(...found.map((f) => relative(process.cwd(), resolve(cwd, f)) || '.'));
    } else {
      throw new UserError(`input ${arg} does not exist`);
    }
  }
  const unique = [...new Set(folders)];
  const nameCount = new Map<string, number>();
  for (const f of unique) nameCount.set(basename(resolve(f)), (nameCount.get(basename(resolve(f))) ?? 0) + 1);
  return unique.map((folder) => {
    const names = imageFilesIn(folder);
    if (names.length === 0) throw noImagesIn(folder, true);
    const name = basename(resolve(folder));
    const display = nameCount.get(name)! > 1 ? relative(cwd, resolve(folder)).split(sep).join('/') : name;
    return { path: folder, display, stem: savedImageStem(display, true), stack: names.map((n) => join(folder, n)) };
  });
}

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
      const names = imageFilesIn(arg);
      if (names.length === 0) throw noImagesIn(arg, false);
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
    return { path, display, stem: savedImageStem(display) };
  });
}

/**
 * `--channels d0,d1,d2`: the INPUT files (as for a plain run) are grouped into images whose channels
 * are separate files, as many microscopes write them: a file belongs to channel k when its name (without
 * extension) contains the k-th token, and files whose names are equal once that token (its last
 * occurrence) is removed are one image, named so (e.g. `A01_s1_w1.tif`, `A01_s1_w2.tif` → `A01_s1_.tif`
 * with `--channels w1,w2`). Images are in name order; one that lacks a channel, or has a channel twice,
 * fails alone. A file that matches no token is refused (narrow the INPUT globs).
 */
export function expandChannelInputs(args: string[], tokens: string[], cwd = process.cwd()): InputFile[] {
  const groups = new Map<string, { display: string; files: (string | undefined)[]; twice?: string }>();
  for (const file of expandInputs(args, cwd)) {
    const ext = extname(file.display);
    const stem = file.display.slice(0, file.display.length - ext.length);
    // the token whose last occurrence is rightmost (a channel token usually ends the name)
    let channel = -1;
    let at = -1;
    tokens.forEach((t, k) => {
      const i = stem.lastIndexOf(t);
      if (i > at || (i === at && i >= 0 && t.length > tokens[channel].length)) (channel = k), (at = i);
    });
    if (channel < 0) throw new UserError(`${file.display} matches none of the --channels tokens ${tokens.join(', ')}`);
    const display = stem.slice(0, at) + stem.slice(at + tokens[channel].length) + ext;
    const key = join(resolve(cwd, file.path, '..'), display.split('/').pop()!);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { display, files: new Array(tokens.length).fill(undefined) }));
    if (group.files[channel] !== undefined) group.twice ??= `${group.files[channel]} and ${file.path} are both channel ${tokens[channel]} of ${display}`;
    else group.files[channel] = file.path;
  }
  return [...groups.values()]
    .sort((a, b) => byName(a.display, b.display))
    .map(({ display, files, twice }) => {
      const missing = tokens.filter((_, k) => files[k] === undefined);
      const problem = twice ?? (missing.length ? `channel ${missing.join(', ')} of ${display} is missing (found ${files.filter(Boolean).map((f) => basename(f!)).join(', ')})` : undefined);
      const present = files.filter((f): f is string => f !== undefined);
      return { path: present[0], display, stem: savedImageStem(display), stack: present, join: 'channels' as const, ...(problem ? { problem } : {}) };
    });
}

/**
 * `--pair truth={stem}_mask.tif`: each image gets the file its template names (relative to the image's
 * folder, from the item's name) as its `truth`; files that are some image's pair are not run as images of their own, so a folder
 * holding a.tif and a_mask.tif is one item. An image whose pair is missing fails alone.
 */
export function pairInputs(inputs: InputFile[], rules: PairRule[]): InputFile[] {
  if (rules.length === 0) return inputs;
  // TEMPLATE names the file beside each item from its name ({stem}: without extension, {ext}: the
  // extension): a file's, a --stack folder's (the file beside the folder), or the image a --channels
  // group makes (A01_.tif of A01_w1.tif + A01_w2.tif; in another folder, or --channels refuses it)
  const pathOf = (input: InputFile, rule: PairRule) => resolve(dirname(input.path), pairedFileName(basename(input.display), rule.template));
  // a fixed name (no {stem}) is one file for every image, not run itself: only {stem} can pair a file with itself
  for (const input of inputs) {
    for (const rule of rules) {
      if (rule.template.includes('{stem}') && pathOf(input, rule) === resolve(input.path)) {
        throw new UserError(`--pair ${rule.role}=${rule.template} pairs ${input.display} with itself`);
      }
    }
  }
  const partners = new Set(inputs.flatMap((input) => rules.map((rule) => pathOf(input, rule))));
  return inputs
    .filter((input) => !partners.has(resolve(input.path)))
    .map((input) => {
      const paired: Record<string, string> = {};
      let problem = input.problem;
      for (const rule of rules) {
        const path = pathOf(input, rule);
        if (!existsSync(path)) problem ??= `no ${rule.role} file ${relative(dirname(resolve(input.path)), path).split(sep).join('/')} beside it (--pair ${rule.role}=${rule.template})`;
        paired[rule.role] = path;
      }
      return { ...input, paired, ...(problem ? { problem } : {}) };
    });
}
