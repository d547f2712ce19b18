// TIFF in: every page of one consistent pixel layout, as planes and channels, with the pixel size
// ImageJ or OME-XML recorded. TIFF out: see tiff-encode.ts.
//
// The container, codecs and predictors are implemented here rather than taken from utif, whose
// decoder hangs on hostile files (circular page chains, huge tag counts, LZW without an end code),
// swaps only 16-bit big-endian samples, applies the predictor with the image's row length inside
// tiles, misplaces planar (separate) strips, and finds pako through a `require` that a browser
// bundle does not have. Deflate comes from fflate, as in fast-png.
import { UserError } from '../core/errors';
import { allocPixels, createImage, type Image, type ImageMeta } from '../core/image';
import { readInverse, readNumber, readText, readTiffFile, type TiffFile } from './tiff-ifd';
import { describeTiffStack } from './tiff-meta';
import { tooLarge } from './limits';
import { readTiffPage, samePixelLayout, describePage, type TiffPage } from './tiff-page';
import { decodePageInto } from './tiff-pixels';

export { encodeTiff } from './tiff-encode';

export interface DecodeOptions {
  /** Largest number of samples (width × height × planes × channels) to allocate. */
  maxPixels: number;
}

const PHOTOMETRIC_NOTES: Record<number, string> = {
  0: 'min-is-white',
  2: 'rgb',
  3: 'palette',
  4: 'transparency-mask',
  5: 'separated',
};

/**
 * Decodes a TIFF (classic or BigTIFF) into one Image. Pages of the same size and pixel type are
 * planes (ImageJ and OME-XML headers say which are channels, z-slices and time points); a run
 * of such pages ends at the first page that differs, and the rest are skipped (meta.extra notes
 * how many). Throws a one-line UserError for anything damaged, unsupported or too large.
 */
export function decodeTiff(bytes: Uint8Array, name: string, opts: DecodeOptions): Image {
  try {
    return decode(bytes, name, opts.maxPixels);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UserError(`damaged or unsupported TIFF (${message})`);
  }
}

function decode(bytes: Uint8Array, name: string, maxPixels: number): Image {
  const file = readTiffFile(bytes);
  const { run, skipped, reason } = consistentRun(file, maxPixels);
  const first = run[0];
  const layout = describeTiffStack(readText(file, file.dirs[first.index], 270), run.length, first.samplesPerPixel, {
    x: readInverse(file, file.dirs[first.index], 282),
    y: readInverse(file, file.dirs[first.index], 283),
    unit: readNumber(file, file.dirs[first.index], 296, 2),
  });
  const channels = layout.pageChannels * first.samplesPerPixel;
  const samples = first.width * first.height * channels * layout.planes;
  if (samples > maxPixels) {
    const what = `${first.width}×${first.height} pixels × ${layout.planes} planes × ${channels} channels`;
    throw tooLarge(`the image (${what})`, samples, maxPixels);
  }
  if (first.photometric === 6) throw new UserError('YCbCr TIFFs are not supported: re-save the image as RGB');
  const data = allocPixels(first.dtype, samples);
  for (let i = 0; i < layout.pagesUsed; i++) {
    const { plane, channel } = layout.placePage(i);
    decodePageInto(file, run[i], data, {
      plane,
      channel: channel * first.samplesPerPixel,
      channels,
      label: layout.pagesUsed > 1 ? run[i].index + 1 : undefined,
    });
  }
  const extra: Record<string, string> = { ...layout.extra };
  const note = PHOTOMETRIC_NOTES[first.photometric];
  if (note) extra.photometric = note;
  if (first.kind === 'int8') extra.storedAs = 'int8';
  if (first.kind === 'float16') extra.storedAs = 'float16';
  if (first.kind === 'bit') extra.storedAs = '1-bit';
  if (skipped > 0) extra.pagesSkipped = `${skipped} (${reason})`;
  const meta: ImageMeta = { source: name, extra };
  if (layout.pixelSize) meta.pixelSize = layout.pixelSize;
  if (layout.planeSpacing) meta.planeSpacing = layout.planeSpacing;
  return createImage({ width: first.width, height: first.height, planes: layout.planes, channels }, first.dtype, data, meta);
}

/** The first page and those after it with the same layout; reduced-resolution pages are passed over. */
function consistentRun(file: TiffFile, maxPixels: number): { run: TiffPage[]; skipped: number; reason: string } {
  const run = [readTiffPage(file, file.dirs[0], 0, maxPixels)];
  const first = run[0];
  const perPage = first.width * first.height * first.samplesPerPixel;
  let reason = '';
  let i = 1;
  for (; i < file.dirs.length; i++) {
    // NewSubfileType bit 0: a reduced-resolution copy (pyramid level, thumbnail); bit 2: a mask
    if ((readNumber(file, file.dirs[i], 254, 0) & 5) !== 0) continue;
    let page: TiffPage;
    try {
      page = readTiffPage(file, file.dirs[i], i, maxPixels);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      reason = err.message;
      break;
    }
    if (!samePixelLayout(first, page)) {
      reason = `page ${i + 1} is ${describePage(page)}, page 1 is ${describePage(first)}`;
      break;
    }
    run.push(page);
    if (run.length * perPage > maxPixels) {
      throw tooLarge(`the first ${run.length} pages (${first.width}×${first.height} pixels each)`, run.length * perPage, maxPixels);
    }
  }
  return { run, skipped: file.dirs.length - i, reason };
}
