// `cellgraph run --pair ROLE=TEMPLATE`: each image with the file that belongs with it (its ground
// truth, another tool's labels), read by load-paired-image; the paired files are not run as images.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { hashBytes } from '../core/hash';
import type { SourceFile } from '../core/node';
import { sourceFiles } from '../core/node';
import { createImage } from '../core/image';
import { decodeImageFile } from '../io/decode';
import { pairedSource } from '../io/paired-source';
import { encodePng } from '../io/png';
import { cellgraph } from '../testing/cli';
import { testContext } from '../testing/context';
import { imagePath, REPO_ROOT } from '../testing/paths';
import { loadPairedImage } from '../../nodes/input/load-paired-image';
import { expandChannelInputs, expandInputs, expandStackInputs, pairInputs } from './inputs';
import { readCsvRecords } from '../testing/csv';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-pair-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (name: string) => {
  const bytes = new Uint8Array(readFileSync(imagePath(name)));
  return { name, bytes, hash: hashBytes(bytes) };
};

/** A folder with the two annotated DSB2018 images and their masks, and blobs.tif without one. */
function plate(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  for (const f of ['dsb2018_256_uint8', 'dsb2018_512_uint16']) {
    copyFileSync(imagePath(`${f}.tif`), join(dir, `${f}.tif`));
    copyFileSync(imagePath(`${f}_mask.tif`), join(dir, `${f}_mask.tif`));
  }
  copyFileSync(imagePath('blobs.tif'), join(dir, 'blobs.tif'));
  return dir;
}

describe('pairing inputs by name', () => {
  it('gives each image the file its template names; paired files are not items; a missing pair fails that image only', () => {
    const dir = plate('names');
    const items = pairInputs(expandInputs([dir]), [{ role: 'truth', template: '{stem}_mask{ext}' }]);
    expect(items.map((i) => [i.display, i.paired?.truth?.split('/').pop(), i.problem])).toEqual([
      ['blobs.tif', 'blobs_mask.tif', 'no truth file blobs_mask.tif beside it (--pair truth={stem}_mask{ext})'],
      ['dsb2018_256_uint8.tif', 'dsb2018_256_uint8_mask.tif', undefined],
      ['dsb2018_512_uint16.tif', 'dsb2018_512_uint16_mask.tif', undefined],
    ]);
    // a template may reach another folder; two roles
    mkdirSync(join(dir, 'labels'));
    copyFileSync(imagePath('dsb2018_256_uint8_mask.tif'), join(dir, 'labels', 'dsb2018_256_uint8.png'));
    const two = pairInputs(expandInputs([join(dir, 'dsb2018_256_uint8.tif')]), [
      { role: 'truth', template: '{stem}_mask.tif' },
      { role: 'labels', template: 'labels/{stem}.png' },
    ]);
    expect(two.map((i) => [Object.keys(i.paired!), i.problem])).toEqual([[['truth', 'labels'], undefined]]);
    expect(() => pairInputs(expandInputs([dir]), [{ role: 'self', template: '{stem}{ext}' }])).toThrow(UserError);
    // a fixed name: the same file for every image, itself not run
    const shared = pairInputs(expandInputs([dir]), [{ role: 'flatfield', template: 'blobs.tif' }]);
    expect(shared.map((i) => [i.display, i.paired?.flatfield?.split('/').pop()])).toEqual([
      ['dsb2018_256_uint8.tif', 'blobs.tif'],
      ['dsb2018_256_uint8_mask.tif', 'blobs.tif'],
      ['dsb2018_512_uint16.tif', 'blobs.tif'],
      ['dsb2018_512_uint16_mask.tif', 'blobs.tif'],
    ]);
  });

  it('a --stack folder pairs with the file beside it, a --channels image by the name its channel files make', () => {
    const dir = join(tmp, 'kinds');
    mkdirSync(join(dir, 'well_A01'), { recursive: true });
    mkdirSync(join(dir, 'fields'));
    mkdirSync(join(dir, 'truth'));
    for (const f of ['well_A01/z0.tif', 'well_A01/z1.tif', 'well_A01_mask.tif', 'fields/A01_w1.tif', 'fields/A01_w2.tif', 'truth/A01_.tif']) writeFileSync(join(dir, f), '');
    const stacks = pairInputs(expandStackInputs([join(dir, 'well_A01')]), [{ role: 'truth', template: '{stem}_mask.tif' }]);
    expect(stacks.map((i) => [i.display, i.paired?.truth, i.problem])).toEqual([['well_A01', join(dir, 'well_A01_mask.tif'), undefined]]);
    const channels = pairInputs(expandChannelInputs([join(dir, 'fields')], ['w1', 'w2']), [{ role: 'truth', template: '../truth/{stem}{ext}' }]);
    expect(channels.map((i) => [i.display, i.paired?.truth, i.problem])).toEqual([['A01_.tif', join(dir, 'truth', 'A01_.tif'), undefined]]);
  });

  it('a paired source hashes every file (a changed mask is another item), lists them for provenance, and keeps its own hash', () => {
    const image = file('dsb2018_256_uint8.tif');
    const mask = file('dsb2018_256_uint8_mask.tif');
    const source = pairedSource(image, { truth: mask });
    expect(source.hash).not.toBe(image.hash);
    expect(pairedSource(image, { truth: file('blobs.tif') }).hash).not.toBe(source.hash);
    expect(pairedSource(image, { other: mask }).hash).not.toBe(source.hash);
    expect(sourceFiles(source)).toEqual([{ name: image.name, hash: image.hash }, { name: mask.name, hash: mask.hash }]);
    expect(pairedSource(image, {})).toBe(image);
  });

  it('load-paired-image reads the file of its role as stored, or says in one line that there is none', () => {
    const source: SourceFile = pairedSource(file('dsb2018_256_uint8.tif'), { truth: file('dsb2018_256_uint8_mask.tif') });
    const run = (role: string, src: SourceFile) => loadPairedImage.run({}, loadPairedImage.params.parse({ role }), testContext({ source: src }));
    const truth = (run('truth', source) as { image: { data: ArrayLike<number>; dtype: string } }).image;
    expect(new Set(Array.from(truth.data)).size - 1).toBe(65);
    expect(() => run('labels', source)).toThrow("load-paired-image: dsb2018_256_uint8.tif has no 'labels' file paired with it (it has: truth)");
    expect(() => run('truth', file('blobs.tif'))).toThrow(/blobs\.tif has no 'truth' file paired with it \(pair one with --pair truth=\{stem\}_truth\.tif/);
  });
});

describe('cellgraph run --pair', () => {
  it('scores nuclei-count against each image\'s ground truth; the masks are not run; an image without one fails alone', () => {
    const dir = plate('run');
    const pipeline = JSON.parse(readFileSync(join(REPO_ROOT, 'pipelines', 'nuclei-count.json'), 'utf8'));
    pipeline.nodes.push(
      { id: 'truth', type: 'load-paired-image', params: { role: 'truth' } },
      { id: 'truth_objects', type: 'image-to-objects', params: {} },
      { id: 'overlap', type: 'measure-overlap', params: {} },
      { id: 'export_overlap', type: 'export-table', params: { name: 'overlap' } },
    );
    pipeline.edges.push(
      { from: { node: 'truth', port: 'image' }, to: { node: 'truth_objects', port: 'image' } },
      { from: { node: 'filter', port: 'labels' }, to: { node: 'overlap', port: 'labels' } },
      { from: { node: 'truth_objects', port: 'labels' }, to: { node: 'overlap', port: 'truth' } },
      { from: { node: 'overlap', port: 'table' }, to: { node: 'export_overlap', port: 'table' } },
    );
    writeFileSync(join(tmp, 'scored.json'), JSON.stringify(pipeline));
    const out = join(tmp, 'out');
    const r = cellgraph(['run', join(tmp, 'scored.json'), dir, '--out', out, '--pair', 'truth={stem}_mask.tif']);
    expect(r.code, r.stderr).toBe(1);
    const rows = (name: string) => readCsvRecords(join(out, name));
    expect(rows('images.csv').map((i) => [i.image, i.status, i.error])).toEqual([
      ['blobs.tif', 'error', 'no truth file blobs_mask.tif beside it (--pair truth={stem}_mask.tif)'],
      ['dsb2018_256_uint8.tif', 'ok', ''],
      ['dsb2018_512_uint16.tif', 'ok', ''],
    ]);
    const overlap = rows('overlap.csv');
    expect(overlap.map((o) => [o.image, o.true_objects])).toEqual([['dsb2018_256_uint8.tif', '65'], ['dsb2018_512_uint16.tif', '125']]);
    // each row's counts are those of the exported nuclei table of the same image
    const nuclei = rows('nuclei.csv');
    for (const o of overlap) expect(Number(o.objects)).toBe(nuclei.filter((n) => n.image === o.image).length);
    // provenance names both files with their own hashes
    const sidecar = JSON.parse(readFileSync(join(out, 'overlap.provenance.json'), 'utf8'));
    expect(sidecar.images[0].inputs).toEqual([
      { name: 'dsb2018_256_uint8.tif', hash: file('dsb2018_256_uint8.tif').hash },
      { name: 'dsb2018_256_uint8_mask.tif', hash: file('dsb2018_256_uint8_mask.tif').hash },
    ]);
    // a changed ground truth is not resumed from the earlier run
    copyFileSync(imagePath('blobs.tif'), join(dir, 'dsb2018_256_uint8_mask.tif'));
    const again = cellgraph(['run', join(tmp, 'scored.json'), dir, '--out', out, '--pair', 'truth={stem}_mask.tif']);
    expect(again.stdout).toContain('1 resumed');
    expect(rows('overlap.csv')[0].true_objects).not.toBe('65');
  });

  it('measures the objects of masks Cellpose saved beside each image (16-bit PNG, {stem}_cp_masks.png)', () => {
    const dir = join(tmp, 'cellpose');
    mkdirSync(dir);
    copyFileSync(imagePath('dsb2018_512_uint16.tif'), join(dir, 'field1.tif'));
    const truth = decodeImageFile(file('dsb2018_512_uint16_mask.tif').bytes, 'mask.tif', { maxPixels: 2 ** 26 });
    const masks = createImage({ width: truth.width, height: truth.height }, 'uint16', Uint16Array.from(truth.data));
    writeFileSync(join(dir, 'field1_cp_masks.png'), encodePng(masks));
    const pipeline = {
      format: 'cellgraph-pipeline',
      version: 1,
      name: 'Cellpose masks',
      nodes: [
        { id: 'load', type: 'load-image', params: {} },
        { id: 'masks', type: 'load-paired-image', params: { role: 'labels' } },
        { id: 'objects', type: 'image-to-objects', params: {} },
        { id: 'measure', type: 'measure-objects', params: {} },
        { id: 'export', type: 'export-table', params: { name: 'cells' } },
      ],
      edges: [
        { from: { node: 'masks', port: 'image' }, to: { node: 'objects', port: 'image' } },
        { from: { node: 'objects', port: 'labels' }, to: { node: 'measure', port: 'labels' } },
        { from: { node: 'load', port: 'image' }, to: { node: 'measure', port: 'image' } },
        { from: { node: 'measure', port: 'table' }, to: { node: 'export', port: 'table' } },
      ],
    };
    writeFileSync(join(tmp, 'cellpose.json'), JSON.stringify(pipeline));
    const out = join(tmp, 'cellpose-out');
    const r = cellgraph(['run', join(tmp, 'cellpose.json'), dir, '--out', out, '--pair', 'labels={stem}_cp_masks.png']);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(join(out, 'cells.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    const labels = lines.slice(1).map((l) => Number(l.split(',')[header.indexOf('label')]));
    // one row per annotated nucleus, under the number the mask gives it (ids up to 183 with gaps)
    expect(labels).toEqual([...new Set(Array.from(truth.data).filter((v) => v > 0))].sort((a, b) => a - b));
    expect(labels.length).toBe(125);
  });

  it('refuses a malformed --pair in one line', () => {
    for (const bad of ['truth', '=x.tif', 'tr uth=x.tif', 'truth=']) {
      const r = cellgraph(['run', join(REPO_ROOT, 'pipelines', 'nuclei-count.json'), imagePath('blobs.tif'), '--out', join(tmp, 'bad'), '--pair', bad]);
      expect({ bad, code: r.code, first: r.stderr.split('\n')[0] }).toEqual({
        bad,
        code: 2,
        first: `cellgraph: --pair takes ROLE=TEMPLATE, e.g. truth={stem}_mask.tif (ROLE: letters, digits, _ and -), got '${bad}'`,
      });
    }
    const twice = cellgraph(['run', join(REPO_ROOT, 'pipelines', 'nuclei-count.json'), imagePath('blobs.tif'), '--out', join(tmp, 'bad'), '--pair', 'a=x', '--pair', 'a=y']);
    expect(twice.stderr.split('\n')[0]).toBe('cellgraph: --pair a is given twice');
  });
});

describe('pipelines/score-segmentation.json on the hand-annotated DSB2018 images', () => {
  it('scores nuclei-declump against each image\'s truth: the numbers issue 4 measures (F1 0.846 and 0.877)', () => {
    const dir = plate('score');
    const out = join(tmp, 'score-out');
    const r = cellgraph(['run', join(REPO_ROOT, 'pipelines', 'score-segmentation.json'), dir, '--out', out, '--pair', 'truth={stem}_mask.tif']);
    expect(r.code).toBe(1); // blobs.tif has no truth
    const rows = readCsvRecords(join(out, 'overlap.csv'));
    expect(rows.map((o) => [o.image, o.objects, o.true_objects, o.matched_objects])).toEqual([
      ['dsb2018_256_uint8.tif', '58', '65', '52'],
      ['dsb2018_512_uint16.tif', '128', '125', '111'],
    ]);
    expect(Number(rows[0].object_f1)).toBeCloseTo((2 * 52) / (58 + 65), 12);
    expect(Number(rows[1].object_f1)).toBeCloseTo((2 * 111) / (128 + 125), 12);
  });
});
