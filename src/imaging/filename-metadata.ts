// Values from a file name with a regular expression's named groups, e.g.
// (?<plate>[^_]+)_(?<well>[A-P]\d{2})_s(?<site>\d+) on "P1_B03_s2.tif" → plate P1, well B03, site 2.
// JavaScript regular expressions backtrack, so a pattern like (a+)+ can take exponential time: the
// file name is bounded in length and nested quantifiers are refused, which covers the usual culprits.
import { UserError } from '../core/errors';

export const MAX_PATTERN_LENGTH = 1000;
export const MAX_NAME_LENGTH = 255;

export interface FilenamePattern {
  regex: RegExp;
  /** Group names in the order they appear in the pattern. */
  groups: string[];
}

/** A quantified group whose body holds a quantifier: (a+)+, (\d*)*, (x+){2,}. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[*+]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[*+]|\{\d+,\d*\})/;
const GROUP_NAME = /\(\?<([A-Za-z_$][\w$]*)>/g;

/** Compile a pattern; `what` (e.g. "metadata-from-filename: param 'pattern'") starts every error. */
export function compileFilenamePattern(pattern: string, what: string): FilenamePattern {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new UserError(`${what} is longer than ${MAX_PATTERN_LENGTH} characters`);
  // Python's (?P<name>…) is accepted too: many users write their patterns for Python first
  const source = pattern.replace(/\(\?P</g, '(?<');
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
    throw new UserError(`${what} is not a valid regular expression: ${reason}`);
  }
  const groups = [...source.matchAll(GROUP_NAME)].map((m) => m[1]);
  if (groups.length === 0) throw new UserError(`${what} has no named group: write one as (?<name>…), e.g. (?<well>[A-P]\\d{2})`);
  if (NESTED_QUANTIFIER.test(source)) {
    throw new UserError(`${what} repeats a group that itself repeats (like (a+)+), which can take forever to match: remove one of the repeats`);
  }
  return { regex, groups };
}

/** The file name without folders. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The groups' values (a group that took no part in the match gives ''), or undefined when no match. */
export function matchFilename(p: FilenamePattern, name: string, maxLength = MAX_NAME_LENGTH): Record<string, string> | undefined {
  if (name.length > maxLength) throw new UserError(`file name '${name.slice(0, 40)}…' is longer than ${maxLength} characters`);
  const m = p.regex.exec(name);
  if (!m) return undefined;
  return Object.fromEntries(p.groups.map((g) => [g, m.groups?.[g] ?? '']));
}

/** What the pattern is matched against: the file name, or "<folder>/<file name>". */
export type FilenameMatch = 'name' | 'folder-and-name';

/**
 * The text a pattern is matched against for a file `name` (folders stripped) in `folder`; a UserError
 * when the folder is asked for but not known.
 */
function matchedText(name: string, folder: string | undefined, match: FilenameMatch): string {
  const file = baseName(name);
  if (match === 'name') return file;
  if (folder === undefined) throw new UserError(`the folder of '${file}' is not known (in the editor, add the images as a folder, not one by one)`);
  return `${folder}/${file}`;
}

/** matchFilename on matchedText: the text, and the values (undefined when the text does not match). */
export function matchFile(p: FilenamePattern, name: string, folder: string | undefined, match: FilenameMatch): { text: string; values?: Record<string, string> } {
  const text = matchedText(name, folder, match);
  return { text, values: matchFilename(p, text, match === 'name' ? MAX_NAME_LENGTH : 2 * MAX_NAME_LENGTH + 1) };
}
