// Several files as one image. A stack: each file's planes, in file order, become the planes of one
// image (`cellgraph run --stack`; the editor can build the same from dropped files); every file must
// have the first one's width, height, channels and pixel type. Channels: each file's channels, in file
// order, become the channels of one image (`cellgraph run --channels`, microscopes that write one file
// per channel); every file must have the first one's width, height, planes and pixel type.
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
 * The SourceFile of a stack (or, with join 'channels', of one image stored as one file per channel):
 * named after its folder (or image), its hash covering every file's hash in order and the join (so the
 * cache key changes when any file, the order, or the join does).
 */
export function stackSource(folderName: string, files: StackFile[], join: 'planes' | 'channels' = 'planes'): SourceFile {
  if (files.length === 0) throw new UserError(`the stack folder ${folderName} holds no images`);
  // the same files joined as channels are another image: another hash, so another cache key
  const hash = hashString(`${join === 'channels' ? 'channels' : 'stack'}\n${files.map((f) => f.hash).join('\n')}`);
  return { name: folderName, bytes: new Uint8Array(0), hash, planes: files, ...(join === 'channels' ? { join } : {}) };
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

/**
 * Decodes the files in order and joins their channels: plane p of the result holds file 1's channels
 * of plane p, then file 2's, and so on. Source `name`, pixel size of the first file;
 * meta.extra.channelFiles lists the files. Errors name the file.
 */
export function decodeImageChannels(files: StackFile[], name: string, opts: { maxPixels: number }): Image {
  if (files.length === 0) throw new UserError(`${name}: no channel files`);
  const images: Image[] = [];
  let samples = 0;
  for (const f of files) {
    let image: Image;
    try {
      image = decodeImageFile(f.bytes, f.name, opts);
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`${f.name}: ${err.message}`);
      throw err;
    }
    const first = images[0] ?? image;
    if (image.width !== first.width || image.height !== first.height || image.planes !== first.planes || image.dtype !== first.dtype) {
      const planes = (i: Image) => (i.planes > 1 ? ` (${i.planes} planes)` : '');
      throw new UserError(
        `${f.name} is ${describe(image)}${planes(image)}, but ${files[0].name} (the first channel) is ${describe(first)}${planes(first)}: ` +
          'the channel files of an image must have the same size, planes and type',
      );
    }
    samples += image.data.length;
    if (samples > opts.maxPixels) throw tooLarge(`the image from ${files.length} channel files`, samples, opts.maxPixels);
    images.push(image);
  }
  const { width, height, planes, dtype } = images[0];
  const n = width * height;
  const channels = images.reduce((c, i) => c + i.channels, 0);
  const data = allocPixels(dtype, n * planes * channels);
  for (let p = 0; p < planes; p++) {
    let c0 = 0;
    for (const image of images) {
      const from = p * image.channels * n;
      data.set(image.data.subarray(from, from + image.channels * n), (p * channels + c0) * n);
      c0 += image.channels;
    }
  }
  const meta: ImageMeta = { source: name, extra: { channelFiles: files.map((f) => f.name).join(', ') } };
  if (images[0].meta.pixelSize) meta.pixelSize = { ...images[0].meta.pixelSize };
  return createImage({ width, height, planes, channels }, dtype, data, meta);
}
