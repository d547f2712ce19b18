// Folders dropped on the editor or chosen with "Add folder…" give their images as `cellgraph run`
// takes a folder: the image files directly inside it (TIFF, PNG, JPEG by extension), sorted by name.
// Its subfolders are not opened (a folder per well is added folder by folder); the editor says how many.
import { isImageFileName } from '../../io/decode';

export interface FolderImages {
  /** The images, in the order `cellgraph run FOLDER` runs them. */
  files: File[];
  /** The folders they came from, by name. */
  folders: string[];
  /** Subfolders, not opened. */
  subfolders: number;
}

/** Code-unit order, as the CLI sorts a folder's files. */
const byName = (a: File, b: File) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** What an <input webkitdirectory> gives: every file under the folder, each with its path "folder/…/name". */
export function imagesOfChosenFolder(files: File[]): FolderImages {
  const folders = new Set<string>();
  const subfolders = new Set<string>();
  const top: File[] = [];
  for (const file of files) {
    const parts = (file.webkitRelativePath || file.name).split('/');
    if (parts.length > 1) folders.add(parts[0]);
    if (parts.length > 2) subfolders.add(`${parts[0]}/${parts[1]}`);
    else if (isImageFileName(file.name)) top.push(file);
  }
  return { files: top.sort(byName), folders: [...folders], subfolders: subfolders.size };
}

/**
 * A drop's files and folders. Call it during the drop event: the browser withdraws the entries when
 * the handler returns. Without entries (no webkitGetAsEntry) the dropped files are taken as they are.
 */
export function droppedItems(data: DataTransfer): { files: File[]; folders: FileSystemDirectoryEntry[] } {
  const files: File[] = [];
  const folders: FileSystemDirectoryEntry[] = [];
  const items = [...data.items].filter((item) => item.kind === 'file');
  if (items.length === 0 || typeof items[0].webkitGetAsEntry !== 'function') return { files: [...data.files], folders };
  for (const item of items) {
    const entry = item.webkitGetAsEntry();
    if (entry?.isDirectory) folders.push(entry as FileSystemDirectoryEntry);
    else {
      const file = item.getAsFile();
      if (file) files.push(file);
    }
  }
  return { files, folders };
}

/** A dropped folder's images (directly inside it), sorted by name; its subfolders counted. */
export async function imagesOfDroppedFolder(folder: FileSystemDirectoryEntry): Promise<FolderImages> {
  const entries = await allEntries(folder);
  const files = await Promise.all(entries.filter((e): e is FileSystemFileEntry => e.isFile && isImageFileName(e.name)).map(fileOf));
  return { files: files.sort(byName), folders: [folder.name], subfolders: entries.filter((e) => e.isDirectory).length };
}

/** readEntries gives a folder's entries in batches (Chromium: 100 at a time) until it gives none. */
async function allEntries(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** The notice after adding folders: how many images from which folders, and what was left out. */
export function folderNotice(found: FolderImages[]): { text: string; kind: 'info' | 'error' } {
  const count = found.reduce((n, f) => n + f.files.length, 0);
  const folders = found.flatMap((f) => f.folders).join(', ');
  const sub = found.reduce((n, f) => n + f.subfolders, 0);
  const left = sub ? `; ${sub} subfolder${sub === 1 ? ' was' : 's were'} not opened (add each one: a folder's images are those directly in it, as for cellgraph run)` : '';
  if (count === 0) return { text: `No images directly in ${folders} (TIFF, PNG or JPEG)${left}`, kind: 'error' };
  return { text: `Added ${count} image${count === 1 ? '' : 's'} from ${folders}${left}`, kind: 'info' };
}
