// Any supported image file to an Image, by its first bytes (the file name's extension is not
// trusted). Messages do not repeat the file name: the caller prefixes it.
import { UserError } from '../core/errors';
import type { Image } from '../core/image';
import { decodeJpeg, hasJpegSignature } from './jpeg';
import { decodePng, hasPngSignature } from './png';
import { decodeTiff } from './tiff';

export const IMAGE_EXTENSIONS = ['.tif', '.tiff', '.png', '.jpg', '.jpeg'] as const;

/** Whether a file is taken as an image by its name (a folder's files, a drop): one of IMAGE_EXTENSIONS, any case. */
export function isImageFileName(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && (IMAGE_EXTENSIONS as readonly string[]).includes(base.slice(dot).toLowerCase());
}

export interface DecodeImageOptions {
  /** Largest number of samples (width × height × planes × channels) a decoder may allocate. */
  maxPixels: number;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** Formats people try to open, recognised only to say what to do instead. */
const OTHER_FORMATS: { magic: number[]; message: string }[] = [
  { magic: ascii('ZISRAWFILE'), message: 'this is a Zeiss CZI file: export it as OME-TIFF (Fiji with Bio-Formats, or bfconvert)' },
  { magic: [0xda, 0xce, 0xbe, 0x0a], message: 'this is a Nikon ND2 file: export it as OME-TIFF (Fiji with Bio-Formats, or bfconvert)' },
  { magic: [0x89, 0x48, 0x44, 0x46], message: 'this is an HDF5 file (e.g. Imaris .ims): export it as OME-TIFF' },
  { magic: ascii('GIF8'), message: 'GIF is not supported: save the image as TIFF or PNG' },
  { magic: ascii('BM'), message: 'BMP is not supported: save the image as TIFF or PNG' },
  { magic: ascii('%PDF'), message: 'this is a PDF, not an image file' },
  { magic: [0x50, 0x4b, 0x03, 0x04], message: 'this is a ZIP archive: unpack it first' },
  { magic: [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50], message: 'JPEG 2000 is not supported: save the image as TIFF' },
];

export function decodeImageFile(bytes: Uint8Array, name: string, opts: DecodeImageOptions): Image {
  if (bytes.length === 0) throw new UserError('the file is empty');
  if (startsWith(bytes, 0x49, 0x49, 42, 0) || startsWith(bytes, 0x4d, 0x4d, 0, 42)) return decodeTiff(bytes, name, opts);
  if (startsWith(bytes, 0x49, 0x49, 43, 0) || startsWith(bytes, 0x4d, 0x4d, 0, 43)) return decodeTiff(bytes, name, opts);
  if (hasPngSignature(bytes)) return decodePng(bytes, name, opts);
  if (hasJpegSignature(bytes)) return decodeJpeg(bytes, name, opts);
  const known = OTHER_FORMATS.find((f) => startsWith(bytes, ...f.magic));
  if (known) throw new UserError(known.message);
  if (bytes.length < 8) throw new UserError(`not an image file (only ${bytes.length} bytes)`);
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new UserError(`not a TIFF, PNG or JPEG file (it starts with bytes ${head})`);
}
