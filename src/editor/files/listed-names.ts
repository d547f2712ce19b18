// The name each listed file goes by, as `cellgraph run` names its inputs: its file name, or, where
// two listed files have the same file name, its folder and file name ("Pos1/img_000.tif", as the
// runner started in the folders' parent names them). Only files added with their folder (a dropped
// or chosen folder) can be told apart so; the others keep their file name.

export interface ListedFile {
  name: string;
  hash: string;
  /** The folder the file was added from (its name), if it came with one. */
  folder?: string;
}

/** Hash → the name the file goes by in the list, the batch's tables and its saved images. */
export function listedNames(files: ListedFile[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const f of files) count.set(f.name, (count.get(f.name) ?? 0) + 1);
  return new Map(files.map((f) => [f.hash, count.get(f.name)! > 1 && f.folder ? `${f.folder}/${f.name}` : f.name]));
}
