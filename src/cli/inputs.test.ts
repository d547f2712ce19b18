// --stack inputs: folders (or globs of folders), each one batch item named after the folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs, expandStackInputs } from './inputs';

const root = mkdtempSync(join(tmpdir(), 'cellgraph-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const [folder, files] of [
  ['plate1/A01', ['z2.tif', 'z1.tif', 'notes.txt']],
  ['plate1/B02', ['z1.png']],
  ['plate2/A01', ['z1.tif']],
  ['plate2/empty', ['notes.txt']],
] as const) {
  mkdirSync(join(root, folder), { recursive: true });
  for (const f of files) writeFileSync(join(root, folder, f), '');
}

describe('expandStackInputs', () => {
  it('one item per folder, its images sorted by name, other files ignored', () => {
    const items = expandStackInputs([join(root, 'plate1/B02'), `${join(root, 'plate1/A01')}/`], root);
    expect(items).toEqual([
      { path: join(root, 'plate1/B02'), display: 'B02', stem: 'B02', stack: [join(root, 'plate1/B02/z1.png')] },
      { path: join(root, 'plate1/A01'), display: 'A01', stem: 'A01', stack: [join(root, 'plate1/A01/z1.tif'), join(root, 'plate1/A01/z2.tif')] },
    ]);
  });

  it('folders of one name are told apart by their relative path', () => {
    const items = expandStackInputs([join(root, 'plate1/A01'), join(root, 'plate2/A01')], root);
    expect(items.map((i) => [i.display, i.stem])).toEqual([['plate1/A01', 'plate1_A01'], ['plate2/A01', 'plate2_A01']]);
  });

  it('a glob of folders, sorted', () => {
    expect(expandStackInputs(['plate1/*'], root).map((i) => i.display)).toEqual(['A01', 'B02']);
  });

  it('one line for a file, a missing folder, a folder without images, a glob matching none', () => {
    expect(() => expandStackInputs([join(root, 'plate1/A01/z1.tif')], root)).toThrow(
      `--stack takes folders (each one stack of images), but ${join(root, 'plate1/A01/z1.tif')} is a file`,
    );
    expect(() => expandStackInputs([join(root, 'nope')], root)).toThrow(`input ${join(root, 'nope')} does not exist`);
    expect(() => expandStackInputs([join(root, 'plate2/empty')], root)).toThrow(/holds no images/);
    expect(() => expandStackInputs(['plate9/*'], root)).toThrow('no folders match plate9/*');
  });
});

describe('a folder whose images are in its subfolders', () => {
  it('is refused with the subfolders that hold images and a glob that takes them', () => {
    expect(() => expandInputs([join(root, 'plate1')], root)).toThrow(
      `input folder ${join(root, 'plate1')} holds no images (.tif .tiff .png .jpg .jpeg), but its subfolders A01, B02 do: ` +
        `give them as inputs, e.g. "${join(root, 'plate1')}/*/*" (subfolders are not searched)`,
    );
    expect(() => expandStackInputs([join(root, 'plate2')], root)).toThrow(
      `but its subfolders A01 do: give them as the stacks, e.g. "${join(root, 'plate2')}/*"`,
    );
    expect(expandInputs([`${join(root, 'plate1')}/*/*`], root).map((i) => i.display)).toEqual(['z1.tif', 'z2.tif', 'z1.png']);
  });
});

describe('expandInputs of a folder', () => {
  it('its image files sorted by name; links followed to files; folders and other files left out', () => {
    const dir = join(root, 'links');
    mkdirSync(join(dir, 'sub.tif'), { recursive: true });
    for (const f of ['b.tif', 'a.PNG', 'notes.txt']) writeFileSync(join(dir, f), '');
    symlinkSync(join(root, 'plate2/A01/z1.tif'), join(dir, 'c_link.tif'));
    symlinkSync(join(root, 'plate1'), join(dir, 'd_link_to_folder.tif'));
    symlinkSync(join(root, 'missing.tif'), join(dir, 'e_dangling.tif'));
    expect(() => expandInputs([dir], root)).toThrow(/ENOENT/);
    rmSync(join(dir, 'e_dangling.tif'));
    expect(expandInputs([dir], root).map((i) => i.display)).toEqual(['a.PNG', 'b.tif', 'c_link.tif']);
  });
});
