import { describe, expect, it } from 'vitest';
import { savedImageFile, savedImageStem } from './saved-images';

describe('saved image names (shared by cellgraph run and the editor\'s zip)', () => {
  it('the stem: the name without its extension, folders joined by _; a stack\'s folder name whole', () => {
    expect(savedImageStem('a.tif')).toBe('a');
    expect(savedImageStem('a.ome.tif')).toBe('a.ome');
    expect(savedImageStem('Pos1/img_000.tif')).toBe('Pos1_img_000');
    expect(savedImageStem('dir.d/file')).toBe('dir.d_file');
    expect(savedImageStem('.hidden')).toBe('.hidden');
    expect(savedImageStem('plate/well.A01', true)).toBe('plate_well.A01');
  });

  it('the file under --out: <name>/<stem>.tif, or .png for PNG', () => {
    expect(savedImageFile('outlines', 'tiff', 'Pos1_img')).toBe('outlines/Pos1_img.tif');
    expect(savedImageFile('outlines', 'png', 'a')).toBe('outlines/a.png');
  });
});
