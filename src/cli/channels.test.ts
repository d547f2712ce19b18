// `cellgraph run --channels T1,T2,…`: images stored as one file per channel (CellProfiler's ExampleHuman:
// …d0.tif DNA, …d1.tif pH3, …d2.tif cells) load as one multi-channel image per field.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { hashBytes } from '../core/hash';
import { decodeImageFile } from '../io/decode';
import { decodeImageChannels, stackSource } from '../io/image-stack';
import { cellgraph } from '../testing/cli';
import { imagePath } from '../testing/paths';
import { expandChannelInputs } from './inputs';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-channels-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FIELD = 'AS_09125_050116030001_D03f00';
const CHANNEL_FILES = ['examplehuman_dna_packbits.tif', 'examplehuman_ph3_d1.tif', 'examplehuman_cell_d2.tif'];
const file = (name: string) => {
  const bytes = new Uint8Array(readFileSync(imagePath(name)));
  return { name, bytes, hash: hashBytes(bytes) };
};

/** A folder holding the ExampleHuman field under its microscope's names, plus `extra` files (name → test image). */
function fieldFolder(name: string, extra: Record<string, string> = {}): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  CHANNEL_FILES.forEach((f, k) => copyFileSync(imagePath(f), join(dir, `${FIELD}d${k}.tif`)));
  for (const [to, from] of Object.entries(extra)) copyFileSync(imagePath(from), join(dir, to));
  return dir;
}

describe('channel files grouped into images', () => {
  it('groups by the name without its channel part, in name order; a missing or doubled channel fails that image only', () => {
    const dir = join(tmp, 'names');
    mkdirSync(dir);
    for (const f of ['B02_s1_w2.tif', 'A01_s1_w1.tif', 'A01_s1_w2.tif', 'B02_s1_w1.tif', 'C03_s1_w1.tif', 'D04_w1_s1_w2.tif', 'D04_w1_s1_w1.tif']) writeFileSync(join(dir, f), '');
    const items = expandChannelInputs([dir], ['w1', 'w2']);
    expect(items.map((i) => [i.display, i.stack!.map((p) => p.split('/').pop()), i.problem])).toEqual([
      ['A01_s1_.tif', ['A01_s1_w1.tif', 'A01_s1_w2.tif'], undefined],
      ['B02_s1_.tif', ['B02_s1_w1.tif', 'B02_s1_w2.tif'], undefined],
      ['C03_s1_.tif', ['C03_s1_w1.tif'], 'channel w2 of C03_s1_.tif is missing (found C03_s1_w1.tif)'],
      // the last occurrence of a token is the channel: "w1" earlier in the name is part of it
      ['D04_w1_s1_.tif', ['D04_w1_s1_w1.tif', 'D04_w1_s1_w2.tif'], undefined],
    ]);
    expect(items.every((i) => i.join === 'channels')).toBe(true);
    expect(items[0].stem).toBe('A01_s1_');
    // the longer of two tokens found at one place wins (w1 vs w10)
    const ten = join(tmp, 'ten');
    mkdirSync(ten);
    for (const f of ['X_w1.tif', 'X_w10.tif']) writeFileSync(join(ten, f), '');
    expect(expandChannelInputs([ten], ['w1', 'w10']).map((i) => [i.display, i.stack!.map((p) => p.split('/').pop())])).toEqual([['X_.tif', ['X_w1.tif', 'X_w10.tif']]]);
    // a file that matches no token is refused with one line
    writeFileSync(join(dir, 'thumbnail.tif'), '');
    expect(() => expandChannelInputs([dir], ['w1', 'w2'])).toThrow(new UserError('thumbnail.tif matches none of the --channels tokens w1, w2'));
  });

  it('decodes the channel files as the channels of one image, in order, each exactly as loaded alone', () => {
    const files = CHANNEL_FILES.map(file);
    const image = decodeImageChannels(files, `${FIELD}.tif`, { maxPixels: 2 ** 26 });
    expect({ w: image.width, h: image.height, planes: image.planes, channels: image.channels, dtype: image.dtype }).toEqual({ w: 512, h: 512, planes: 1, channels: 3, dtype: 'uint8' });
    const n = 512 * 512;
    files.forEach((f, c) => {
      const alone = decodeImageFile(f.bytes, f.name, { maxPixels: 2 ** 26 });
      expect(Buffer.from(image.data.subarray(c * n, (c + 1) * n)).equals(Buffer.from(alone.data))).toBe(true);
    });
    expect(image.meta.extra.channelFiles).toBe(CHANNEL_FILES.join(', '));
    // every file must have the first one's size and type
    expect(() => decodeImageChannels([files[0], file('blobs.tif')], 'x.tif', { maxPixels: 2 ** 26 })).toThrow(
      /blobs\.tif is 256×254 uint8, but examplehuman_dna_packbits\.tif \(the first channel\) is 512×512 uint8: the channel files of an image must have the same size, planes and type/,
    );
    expect(() => decodeImageChannels(files, 'x.tif', { maxPixels: 2 * n })).toThrow(UserError);
  });

  it('the same files as channels and as a stack are different sources (different cache keys)', () => {
    const files = CHANNEL_FILES.map(file);
    expect(stackSource('f', files, 'channels').hash).not.toBe(stackSource('f', files).hash);
    expect(stackSource('f', files, 'channels').join).toBe('channels');
  });
});

describe('cellgraph run --channels', () => {
  const pipeline = join(tmp, 'stats.json');
  writeFileSync(pipeline, JSON.stringify({
    format: 'cellgraph-pipeline', version: 1, name: 'Stats',
    nodes: [
      { id: 'load', type: 'load-image', params: {} },
      { id: 'split', type: 'split-channels', params: {} },
      { id: 'ph3', type: 'measure-image', params: {} },
      { id: 'export', type: 'export-table', params: { name: 'ph3' } },
    ],
    edges: [
      { from: { node: 'load', port: 'image' }, to: { node: 'split', port: 'image' } },
      { from: { node: 'split', port: 'channel2' }, to: { node: 'ph3', port: 'image' } },
      { from: { node: 'ph3', port: 'table' }, to: { node: 'export', port: 'table' } },
    ],
  }));

  it('runs each field as one 3-channel image; a field missing a channel fails alone', () => {
    // a second field whose pH3 file is missing
    const dir = fieldFolder('plate', { 'B_field_d0.tif': CHANNEL_FILES[0], 'B_field_d2.tif': CHANNEL_FILES[2] });
    const out = join(tmp, 'out');
    const r = cellgraph(['run', pipeline, dir, '--out', out, '--channels', 'd0,d1,d2']);
    expect(r.code, r.stderr).toBe(1);
    const images = readFileSync(join(out, 'images.csv'), 'utf8').trim().split('\n');
    expect(images[1]).toBe(`${FIELD}.tif,ok,,${images[1].split(',').pop()}`);
    expect(images[2]).toMatch(/^B_field_\.tif,error,"channel d1 of B_field_\.tif is missing \(found B_field_d0\.tif, B_field_d2\.tif\)",\d+$/);
    // channel 2 is the pH3 file: its statistics are those of that file alone
    const row = readFileSync(join(out, 'ph3.csv'), 'utf8').trim().split('\n')[1].split(',');
    const ph3 = decodeImageFile(new Uint8Array(readFileSync(imagePath(CHANNEL_FILES[1]))), 'ph3', { maxPixels: 2 ** 26 });
    let sum = 0;
    for (const v of ph3.data) sum += v;
    const mean = sum / ph3.data.length;
    expect(row[0]).toBe(`${FIELD}.tif`);
    expect(Number(row[8])).toBeCloseTo(mean, 10);
  });

  it('refuses bad --channels in one line', () => {
    for (const [args, message] of [
      [['--channels', 'd0'], "--channels takes two or more different name parts separated by commas (e.g. w1,w2 or d0,d1,d2), got 'd0'"],
      [['--channels', 'd0,d0'], "--channels takes two or more different name parts separated by commas (e.g. w1,w2 or d0,d1,d2), got 'd0,d0'"],
      [['--channels', 'd0,d1', '--stack'], '--stack and --channels cannot be combined'],
    ] as const) {
      const r = cellgraph(['run', pipeline, imagePath('blobs.tif'), '--out', join(tmp, 'bad'), ...args]);
      expect({ code: r.code, first: r.stderr.split('\n')[0] }).toEqual({ code: 2, first: `cellgraph: ${message}` });
    }
  });
});
