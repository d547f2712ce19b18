import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { expandInputs, pairInputs } from '../../cli/inputs';
import { pairedFileName } from '../../io/paired-source';
import { pairByName, pairRuleProblem, restorePairRules, runImageOf, withPairRules, type PairRule } from './pairing';

const listed = (...names: string[]) => names.map((name, i) => ({ name, hash: `h${i}:${name}` }));
const TRUTH: PairRule = { role: 'truth', template: '{stem}_mask.tif' };
const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-pairing-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('pair file names', () => {
  test('{stem} and {ext} as node:path splits a file name (the runner used it directly before)', () => {
    const names = ['a.tif', 'a.ome.tif', 'A01 s1.TIFF', '.hidden', '.a.b', 'noext', 'a.', 'a..', '...', '..', '.'];
    for (const name of names) {
      const ext = extname(name);
      expect(pairedFileName(name, '{stem}|{ext}')).toBe(`${name.slice(0, name.length - ext.length)}|${ext}`);
    }
    expect(pairedFileName('a.tif', '{stem}_mask.tif')).toBe('a_mask.tif');
    expect(pairedFileName('a.ome.tif', 'labels_{stem}{ext}')).toBe('labels_a.ome.tif');
  });
});

describe('pairing the listed files by name', () => {
  test('each image gets the file its template names; paired files are not images; a missing one is named', () => {
    const files = listed('b.tif', 'a_mask.tif', 'a.tif', 'c.png', 'c_mask.tif');
    const { images, pairs, problems } = pairByName(files, [TRUTH]);
    expect(problems).toEqual([undefined]);
    expect(images.map((i) => [i.file.name, i.paired.truth?.name, i.missing.truth])).toEqual([
      ['b.tif', undefined, 'b_mask.tif'],
      ['a.tif', 'a_mask.tif', undefined],
      ['c.png', 'c_mask.tif', undefined],
    ]);
    expect([...pairs.values()].map((p) => [p.role, p.of.name, p.used])).toEqual([
      ['truth', 'a.tif', true],
      ['truth', 'c.png', true],
    ]);
    // no rules: every file is an image
    expect(pairByName(files, []).images.map((i) => i.file.name)).toEqual(files.map((f) => f.name));
  });

  test('the same images and pairs as `cellgraph run --pair` on a folder of those names', () => {
    const names = ['a.tif', 'a_mask.tif', 'a_mask_mask.tif', 'b.png', 'b_gt.png', 'c.tif', 'c_labels.tif'];
    const dir = join(tmp, 'same');
    mkdirSync(dir);
    for (const n of names) writeFileSync(join(dir, n), '');
    const rules: PairRule[] = [TRUTH, { role: 'labels', template: '{stem}_labels{ext}' }, { role: 'gt', template: '{stem}_gt.png' }];
    const cli = pairInputs(expandInputs([dir]), rules).map((i) => [i.display, Object.fromEntries(Object.entries(i.paired!).filter(([, p]) => names.includes(basename(p))).map(([r, p]) => [r, basename(p)]))]);
    const editor = pairByName(listed(...names), rules).images.map((i) => [i.file.name, Object.fromEntries(Object.entries(i.paired).map(([r, f]) => [r, f.name]))]);
    expect(editor).toEqual(cli);
    expect(editor.map(([name]) => name)).toEqual(['a.tif', 'b.png', 'c.tif']);
  });

  test('a pair of a pair and an older copy of a pair are set aside, not run; the newest copy is used', () => {
    const files = listed('a.tif', 'a_mask.tif', 'a_mask_mask.tif', 'a_mask.tif');
    const { images, pairs } = pairByName(files, [TRUTH]);
    expect(images.map((i) => [i.file.name, i.paired.truth.hash])).toEqual([['a.tif', files[3].hash]]);
    expect(pairs.get(files[1].hash)).toMatchObject({ of: files[0], used: false });
    expect(pairs.get(files[2].hash)).toMatchObject({ role: 'truth', of: files[1], used: false });
  });

  test('a rule with a problem says it and is not applied', () => {
    const files = listed('a.tif', 'a_mask.tif');
    const problem = (rule: PairRule, earlier: PairRule[] = []) => pairRuleProblem(rule, earlier, files);
    expect(problem({ role: '', template: '{stem}_mask.tif' })).toMatch(/^Name the role/);
    expect(problem({ role: 'ground truth', template: '{stem}_mask.tif' })).toMatch(/'ground truth' is not a role name/);
    expect(problem(TRUTH, [TRUTH])).toMatch(/already pairs the truth files/);
    expect(problem({ role: 'truth', template: ' ' })).toMatch(/^Give the paired file name/);
    expect(problem({ role: 'truth', template: 'masks/{stem}.tif' })).toMatch(/without folders/);
    expect(problem({ role: 'truth', template: '{stem}{ext}' })).toBe('This pairs a.tif with itself.');
    expect(problem(TRUTH)).toBeUndefined();
    // a role is paired by its first rule, even one with a problem
    const pairing = pairByName(files, [{ role: 'truth', template: 'masks/{stem}.tif' }, { role: 'gt', template: '{stem}_mask.tif' }, { role: 'truth', template: '{stem}_mask.tif' }]);
    expect(pairing.problems.map((p) => p === undefined)).toEqual([false, true, false]);
    expect(pairing.images.map((i) => [i.file.name, i.paired])).toEqual([['a.tif', { gt: files[1] }]]);
  });

  test('a fixed name (no {stem}) gives every image the same file, as --pair flatfield=flatfield.tif does', () => {
    const files = listed('a.tif', 'b.tif', 'flatfield.tif');
    const pairing = pairByName(files, [{ role: 'flatfield', template: 'flatfield.tif' }]);
    expect(pairing.problems).toEqual([undefined]);
    expect(pairing.images.map((i) => [i.file.name, i.paired.flatfield?.name])).toEqual([['a.tif', 'flatfield.tif'], ['b.tif', 'flatfield.tif']]);
  });

  test('the run reads the chosen image, or the image a chosen pair belongs to, or the first image', () => {
    const files = listed('a_mask.tif', 'a.tif', 'b.tif');
    const pairing = pairByName(files, [TRUTH]);
    expect(runImageOf(pairing, files[2].hash)?.file.name).toBe('b.tif');
    expect(runImageOf(pairing, files[0].hash)?.file.name).toBe('a.tif');
    expect(runImageOf(pairing, 'gone')?.file.name).toBe('a.tif');
    expect(runImageOf(pairByName([], [TRUTH]), undefined)).toBeUndefined();
  });

  test('saved rules come back as typed; anything else is no rules; an example\'s rule replaces one of its role', () => {
    expect(restorePairRules(undefined)).toEqual([]);
    expect(restorePairRules('truth={stem}_mask.tif')).toEqual([]);
    expect(restorePairRules([TRUTH, { role: 'x' }, null, { role: '', template: '', extra: 1 }])).toEqual([TRUTH, { role: '', template: '' }]);
    const labels = { role: 'labels', template: '{stem}_cp.png' };
    expect(withPairRules([{ role: 'truth', template: '{stem}_gt.tif' }, labels], [TRUTH])).toEqual([TRUTH, labels]);
    expect(withPairRules([labels], [TRUTH])).toEqual([labels, TRUTH]);
  });
});

describe('pairByName with folders', () => {
  test('pairs each image with the file of its own added folder, as the runner pairs the files of a folder', () => {
    const files = [
      { name: 'a.tif', hash: '0a', folder: 'Pos0' },
      { name: 'a_mask.tif', hash: '0m', folder: 'Pos0' },
      { name: 'a.tif', hash: '1a', folder: 'Pos1' },
      { name: 'a_mask.tif', hash: '1m', folder: 'Pos1' },
      { name: 'a.tif', hash: '2a', folder: 'Pos2' }, // no mask in its folder
    ];
    const pairing = pairByName(files, [{ role: 'truth', template: '{stem}_mask.tif' }]);
    expect(pairing.images.map((i) => [i.file.hash, i.paired.truth?.hash ?? i.missing.truth])).toEqual([
      ['0a', '0m'],
      ['1a', '1m'],
      ['2a', 'a_mask.tif'],
    ]);
    expect([...pairing.pairs.keys()].sort()).toEqual(['0m', '1m']);
  });
});
