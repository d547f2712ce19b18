import { describe, expect, it } from 'vitest';
import { droppedItems, folderNotice, imagesOfChosenFolder, imagesOfDroppedFolder } from './folders';

/** A File as <input webkitdirectory> gives it: its path under the chosen folder in webkitRelativePath. */
function chosen(path: string): File {
  const file = new File([path], path.split('/').pop()!);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

/** A dropped folder as Chromium hands it over: readEntries gives at most 100 entries per call. */
function folderEntry(name: string, children: (string | FileSystemDirectoryEntry)[]): FileSystemDirectoryEntry {
  const entries = children.map((c) =>
    typeof c === 'string'
      ? ({ name: c, isFile: true, isDirectory: false, file: (done: (f: File) => void) => done(new File([c], c)) } as unknown as FileSystemFileEntry)
      : c,
  );
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (done: (batch: FileSystemEntry[]) => void) => {
          const batch = entries.slice(at, at + 100);
          at += batch.length;
          setTimeout(() => done(batch), 0);
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

describe('a chosen folder (<input webkitdirectory>)', () => {
  it('gives the images directly in it, sorted by name as cellgraph run sorts a folder, and counts its subfolders', () => {
    const found = imagesOfChosenFolder(
      ['plate/b.tif', 'plate/Z.PNG', 'plate/a.jpeg', 'plate/notes.txt', 'plate/.tif', 'plate/well1/c.tif', 'plate/well1/deeper/d.tif', 'plate/well2/e.tif'].map(chosen),
    );
    // code-unit order: capitals first, as the CLI's sort (not the locale's a, b, Z)
    expect(found.files.map((f) => f.name)).toEqual(['Z.PNG', 'a.jpeg', 'b.tif']);
    expect(found.folders).toEqual(['plate']);
    expect(found.subfolders).toBe(2);
  });
});

describe('a dropped folder', () => {
  it('reads every batch of entries (250 images), keeps the images directly in it in name order, and counts its subfolders', async () => {
    const names = Array.from({ length: 250 }, (_, i) => `img${String(249 - i).padStart(3, '0')}.tif`);
    const folder = folderEntry('plate', [...names, 'README.md', folderEntry('well1', ['x.tif']), folderEntry('empty', [])]);
    const found = await imagesOfDroppedFolder(folder);
    expect(found.files).toHaveLength(250);
    expect(found.files.map((f) => f.name)).toEqual([...names].sort());
    expect(await found.files[0].text()).toBe('img000.tif');
    expect(found.folders).toEqual(['plate']);
    expect(found.subfolders).toBe(2);
  });
});

describe('droppedItems', () => {
  const item = (entry: { isDirectory: boolean; name: string } | null, file: File | null) =>
    ({ kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => file }) as unknown as DataTransferItem;

  it('splits a drop into files and folders, taking the entries while the drop lasts', () => {
    const a = new File(['a'], 'a.tif');
    const folder = { isDirectory: true, name: 'plate' };
    const text = { kind: 'string' } as unknown as DataTransferItem;
    const data = { items: [item({ isDirectory: false, name: 'a.tif' }, a), item(folder, null), text], files: [] } as unknown as DataTransfer;
    const { files, folders } = droppedItems(data);
    expect(files).toEqual([a]);
    expect(folders).toEqual([folder]);
  });

  it('without entries (an older browser), the dropped files as they are', () => {
    const a = new File(['a'], 'a.tif');
    const data = { items: [{ kind: 'file', getAsFile: () => a }], files: [a] } as unknown as DataTransfer;
    expect(droppedItems(data)).toEqual({ files: [a], folders: [] });
  });
});

describe('folderNotice', () => {
  const file = (name: string) => new File([], name);
  it('says how many images from which folders, and what was not opened', () => {
    expect(folderNotice([{ files: [file('a.tif'), file('b.tif')], folders: ['plate'], subfolders: 0 }])).toEqual({ text: 'Added 2 images from plate', kind: 'info' });
    expect(folderNotice([{ files: [file('a.tif')], folders: ['p1'], subfolders: 1 }, { files: [], folders: ['p2'], subfolders: 2 }])).toEqual({
      text: "Added 1 image from p1, p2; 3 subfolders were not opened (add each one: a folder's images are those directly in it, as for cellgraph run)",
      kind: 'info',
    });
    expect(folderNotice([{ files: [], folders: ['plate'], subfolders: 1 }])).toEqual({
      text: "No images directly in plate (TIFF, PNG or JPEG); 1 subfolder was not opened (add each one: a folder's images are those directly in it, as for cellgraph run)",
      kind: 'error',
    });
  });
});
