// A folder of single images as one stack: each file's planes, in file order, become the planes of
// one image (`cellgraph run --stack`; the editor can build the same from dropped files). Every file
// must have the first one's width, height, channels and pixel type.
import { UserError } from '../core/errors';
import { hashString } from '../core/hash';
import { allocPixels, createImage, type Image, type ImageMeta } from '../core/image';
import type { SourceFile } from '../core/node';
import { decodeImageFile } from './decode';
import { tooLarge } from './limits';

export interface StackFile {
  name: string;
  bytes: Uint8Array;
  /** SHA-256 of bytes (hex). */
  hash: string;
}

/**
 * The SourceFile of a stack: named after its folder, its hash covering every file's hash in order
 * (so the cache key changes when any file, or the order, does).
 */
export function stackSource(folderName: string, files: StackFile[]): SourceFile {
  if (files.length === 0) throw new UserError(`the stack folder ${folderName} holds no images`);
  return { name: folderName, bytes: new Uint8Array(0), hash: hashString(`stack\n${files.map((f) => f.hash).join('\n')}`), planes: files };
}

const describe = (i: Image) => `${i.width}×${i.height} ${i.dtype}${i.channels > 1 ? ` with ${i.channels} channels` : ''}`;

/**
 * Decodes the files in order and stacks their planes. The result's source is `folderName`, its pixel
 * size that of the first file; meta.extra.stackFiles counts the files. Errors name the file.
 */
export function decodeImageStack(files: StackFile[], folderName: string, opts: { maxPixels: number }): Image {
  if (files.length === 0) throw new UserError(`the stack folder ${folderName} holds no images`);
  const decodeOne = (f: StackFile) => {
    try {
      return decodeImageFile(f.bytes, f.name, opts);
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`${f.name}: ${err.message}`);
      throw err;
    }
  };
  const first = decodeOne(files[0]);
  const perFile = first.data.length;
  if (perFile * files.length > opts.maxPixels) {
    throw tooLarge(`the stack (${files.length} files of ${first.width}×${first.height} × ${first.planes * first.channels} planes and channels)`, perFile * files.length, opts.maxPixels);
  }
  const data = allocPixels(first.dtype, perFile * files.length);
  data.set(first.data, 0);
  files.forEach((f, i) => {
    if (i === 0) return;
    const image = decodeOne(f);
    if (image.width !== first.width || image.height !== first.height || image.channels !== first.channels || image.dtype !== first.dtype || image.planes !== first.planes) {
      throw new UserError(
        `${f.name} is ${describe(image)}${image.planes > 1 ? ` (${image.planes} planes)` : ''}, but ${files[0].name} (the first file) is ` +
          `${describe(first)}${first.planes > 1 ? ` (${first.planes} planes)` : ''}: every image of a stack must have the same size, channels and type`,
      );
    }
    data.set(image.data, i * perFile);
  });
  // planes of one file are contiguous (channel-planar per plane), so files concatenate plane-wise
  const meta: ImageMeta = { source: folderName, extra: { stackFiles: String(files.length) } };
  if (first.meta.pixelSize) meta.pixelSize = { ...first.meta.pixelSize };
  return createImage({ width: first.width, height: first.height, planes: first.planes * files.length, channels: first.channels }, first.dtype, data, meta);
}
