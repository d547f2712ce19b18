// `cellgraph run --stack`, as a user runs it (the built bin/cellgraph.mjs): a folder of single planes
// written from the real z-stack gives the same projection and statistics as the OME-TIFF itself.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImage } from '../core/image';
import { decodeImageFile } from '../io/decode';
import { encodeTiff } from '../io/tiff';
import { imagePath, REPO_ROOT } from '../testing/paths';
import { cellgraph } from '../testing/cli';
import { planeFiles } from '../testing/plane-files';

const PIPELINE = join(REPO_ROOT, 'pipelines', 'z-projection.json');
const SPOTS = 'xyz_16bit__spots.ome.tif';
const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-stack-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const decode = (path: string) => decodeImageFile(new Uint8Array(readFileSync(path)), 'x.tif', { maxPixels: 2 ** 28 });
const csvRows = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => l.split(','));

const ome = decode(imagePath(SPOTS));
const planes = planeFiles(ome);

function writeFolder(name: string, files: { name: string; bytes: Uint8Array }[]): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  return dir;
}

describe('run --stack on a folder of the z-stack planes, against the OME-TIFF', () => {
  let fromFolder: ReturnType<typeof cellgraph>;
  let fromOme: ReturnType<typeof cellgraph>;
  beforeAll(() => {
    // written in reverse, so only sorting by name puts z00 first
    const folder = writeFolder('spots', [...planes].reverse());
    fromFolder = cellgraph(['run', PIPELINE, folder, '--stack', '--out', join(tmp, 'out-folder')]);
    fromOme = cellgraph(['run', PIPELINE, imagePath(SPOTS), '--out', join(tmp, 'out-ome')]);
  });

  it('both succeed, the folder as one batch item', () => {
    expect([fromFolder.code, fromOme.code]).toEqual([0, 0]);
    expect(fromFolder.stdout).toMatch(/^1 image: 1 ok, 0 failed/);
  });

  it('the saved projection equals the OME one: size, type, every value, pixel size', () => {
    const a = decode(join(tmp, 'out-folder', 'projection', 'spots.tif'));
    const b = decode(join(tmp, 'out-ome', 'projection', SPOTS));
    expect({ ...a, meta: undefined }).toEqual({ ...b, meta: undefined });
    expect(a.meta.pixelSize).toEqual(b.meta.pixelSize);
  });

  it('the statistics table is the same but for the image name', () => {
    const [headA, rowA] = csvRows(join(tmp, 'out-folder', 'projection_stats.csv'));
    const [headB, rowB] = csvRows(join(tmp, 'out-ome', 'projection_stats.csv'));
    expect(headA).toEqual(headB);
    expect(rowA[0]).toBe('spots');
    expect(rowA.slice(1)).toEqual(rowB.slice(1));
  });

  it('the provenance sidecar lists every plane file with its hash, in order', () => {
    const sidecar = JSON.parse(readFileSync(join(tmp, 'out-folder', 'projection_stats.provenance.json'), 'utf8'));
    expect(sidecar.images).toEqual([{ image: 'spots', inputs: planes.map((p) => ({ name: p.name, hash: p.hash })) }]);
  });
});

describe('run --stack with bad folders', () => {
  it('a file of another size fails that stack with one line naming the file (exit 1)', () => {
    const odd = encodeTiff(createImage({ width: 7, height: 5 }, 'uint16'));
    const folder = writeFolder('odd', [...planes.slice(0, 3), { name: 'z01b.tif', bytes: odd }]);
    const r = cellgraph(['run', PIPELINE, folder, '--stack', '--out', join(tmp, 'out-odd')]);
    expect(r.code).toBe(1);
    // the message holds commas, so the CSV quotes it
    expect(readFileSync(join(tmp, 'out-odd', 'images.csv'), 'utf8')).toContain(
      `\nodd,error,"node 'load': z01b.tif is 7×5 uint16, but z00.tif (the first file) is ${ome.width}×${ome.height} uint16: ` +
        'every image of a stack must have the same size, channels and type",',
    );
  });

  it('a file given with --stack: exit 2, one line', () => {
    const r = cellgraph(['run', PIPELINE, imagePath(SPOTS), '--stack', '--out', join(tmp, 'out-file')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cellgraph: --stack takes folders (each one stack of images), but ${imagePath(SPOTS)} is a file\n`);
  });
});
