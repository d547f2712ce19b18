// metadata-from-filename's pattern tried on the loaded images' names as the user types, with the
// node's own functions, so the preview and the run agree.
import { describeError } from '../../core/errors';
import { compileFilenamePattern, matchFile, type FilenameMatch } from '../../imaging/filename-metadata';

export type FilenamePreview =
  | { error: string }
  | { groups: string[]; rows: { name: string; values?: Record<string, string>; error?: string }[] };

/** `files`: the listed images' names and the folders they were added from (if they were). */
export function previewFilenamePattern(pattern: string, files: { name: string; folder?: string }[], match: FilenameMatch = 'name'): FilenamePreview {
  let compiled;
  try {
    compiled = compileFilenamePattern(pattern, 'the pattern');
  } catch (err) {
    return { error: describeError(err) };
  }
  return {
    groups: compiled.groups,
    rows: files.map(({ name, folder }) => {
      const shown = folder === undefined ? name : `${folder}/${name}`;
      try {
        return { name: shown, values: matchFile(compiled, name, folder, match).values };
      } catch (err) {
        return { name: shown, error: describeError(err) };
      }
    }),
  };
}
