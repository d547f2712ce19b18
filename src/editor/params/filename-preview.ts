// metadata-from-filename's pattern tried on the loaded images' names as the user types, with the
// node's own functions, so the preview and the run agree.
import { describeError } from '../../core/errors';
import { baseName, compileFilenamePattern, matchFilename } from '../../imaging/filename-metadata';

export type FilenamePreview =
  | { error: string }
  | { groups: string[]; rows: { name: string; values?: Record<string, string>; error?: string }[] };

export function previewFilenamePattern(pattern: string, names: string[]): FilenamePreview {
  let compiled;
  try {
    compiled = compileFilenamePattern(pattern, 'the pattern');
  } catch (err) {
    return { error: describeError(err) };
  }
  return {
    groups: compiled.groups,
    rows: names.map((name) => {
      try {
        return { name, values: matchFilename(compiled, baseName(name)) };
      } catch (err) {
        return { name, error: describeError(err) };
      }
    }),
  };
}
