// A folder of single planes read as one stack equals the same stack read from its OME-TIFF; odd
// files are named in the error; the stack's hash covers every file and their order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { createImage } from '../core/image';
import { hashBytes } from '../core/hash';
import { imagePath } from '../testing/paths';
import { planeFiles } from '../testing/plane-files';
import { decodeImageFile } from './decode';
import { decodeImageStack, stackSource } from './image-stack';
import { encodeTiff } from './tiff';

const SPOTS = 'xyz_16bit__spots.ome.tif';
const opts = { maxPixels: 2 ** 28 };

const errorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
};

describe('decodeImageStack', () => {
  const ome = decodeImageFile(new Uint8Array(readFileSync(imagePath(SPOTS))), SPOTS, opts);
  const files = planeFiles(ome);

  it('gives the OME-TIFF z-stack exactly: size, type, every sample, and the pixel size', () => {
    expect(ome.planes).toBeGreaterThan(5);
    const stack = decodeImageStack(files, 'spots', opts);
    expect([stack.width, stack.height, stack.planes, stack.channels, stack.dtype]).toEqual([ome.width, ome.height, ome.planes, 1, 'uint16']);
    expect(Buffer.from(stack.data.buffer).equals(Buffer.from(ome.data.buffer, ome.data.byteOffset, ome.data.byteLength))).toBe(true);
    expect(stack.meta.pixelSize?.x).toBe(ome.meta.pixelSize?.x);
    expect(stack.meta.source).toBe('spots');
    expect(stack.meta.extra.stackFiles).toBe(String(ome.planes));
  });

  it('names the file that differs from the first', () => {
    const small = encodeTiff(createImage({ width: 4, height: 3 }, 'uint8'));
    const odd = [...files.slice(0, 3), { name: 'z03_odd.tif', bytes: small, hash: hashBytes(small) }, ...files.slice(4)];
    const err = errorOf(() => decodeImageStack(odd, 'spots', opts));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      `z03_odd.tif is 4×3 uint8, but z00.tif (the first file) is ${ome.width}×${ome.height} uint16: every image of a stack must have the same size, channels and type`,
    );
  });

  it('names a file that cannot be read, and refuses a stack over the size limit before decoding it all', () => {
    const broken = [files[0], { name: 'z01.tif', bytes: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), hash: 'x' }];
    expect(errorOf(() => decodeImageStack(broken, 'spots', opts)).message).toMatch(/^z01\.tif: not a TIFF, PNG or JPEG file/);
    expect(errorOf(() => decodeImageStack(files, 'spots', { maxPixels: ome.width * ome.height * 3 })).message).toMatch(/^image too large: the stack/);
  });

  it('the stack source hash changes with any file and with the order', () => {
    const h = stackSource('spots', files).hash;
    expect(stackSource('spots', [...files].reverse()).hash).not.toBe(h);
    expect(stackSource('spots', [...files.slice(0, -1), { ...files[0], name: 'last.tif' }]).hash).not.toBe(h);
    expect(stackSource('renamed', files).hash).toBe(h);
    expect(stackSource('spots', files).planes).toHaveLength(ome.planes);
  });
});
