// JPEG in (jpeg-js): grey → 1 channel, colour → 3 channels (RGB), uint8. JPEG is lossy: fine for
// counting or outlining, not for measuring intensities.
import jpeg from 'jpeg-js';
import { UserError } from '../core/errors';
import { createImage, type Image } from '../core/image';
import { tooLarge } from './limits';

export function hasJpegSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Size and component count from the first SOF marker, found by walking segments (no decoding). */
function readFrameHeader(bytes: Uint8Array): { width: number; height: number; components: number } {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new UserError('damaged JPEG: expected a marker');
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan before any frame
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 10 > bytes.length) break;
      const height = (bytes[at + 5] << 8) | bytes[at + 6];
      const width = (bytes[at + 7] << 8) | bytes[at + 8];
      return { width, height, components: bytes[at + 9] };
    }
    at += 2 + length;
  }
  throw new UserError('truncated or damaged JPEG: no frame header before the end of the file');
}

export function decodeJpeg(bytes: Uint8Array, name: string, opts: { maxPixels: number }): Image {
  if (!hasJpegSignature(bytes)) throw new UserError('not a JPEG file');
  const { width, height, components } = readFrameHeader(bytes);
  if (width < 1 || height < 1) throw new UserError(`damaged JPEG: it declares ${width}×${height} pixels`);
  const channels = components === 1 ? 1 : 3;
  if (width * height * channels > opts.maxPixels) {
    throw tooLarge(`the image (${width}×${height} pixels × ${channels} channels)`, width * height * channels, opts.maxPixels);
  }
  let rgb: Uint8Array;
  try {
    rgb = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: false,
      maxResolutionInMP: Math.ceil((width * height) / 1e6) + 1,
      // component buffers and the output: a few bytes per pixel and component
      maxMemoryUsageInMB: Math.ceil((width * height * (4 * Math.max(components, 1) + 3)) / 2 ** 20) + 64,
    }).data;
  } catch (err) {
    // a TypeError is jpeg-js tripping over headers that contradict each other (a scan naming a
    // component the frame lacks): its own words would be about undefined properties
    const reason = err instanceof TypeError ? 'its headers contradict each other' : err instanceof Error ? err.message : String(err);
    throw new UserError(`damaged or truncated JPEG (${reason})`);
  }
  const n = width * height;
  if (rgb.length < n * 3) throw new UserError('truncated JPEG: the image data ends early');
  const out = new Uint8Array(n * channels);
  // jpeg-js gives interleaved RGB (grey repeated three times); keep one channel for grey
  for (let c = 0; c < channels; c++) for (let i = 0; i < n; i++) out[c * n + i] = rgb[i * 3 + c];
  const extra: Record<string, string> = { lossy: 'jpeg' };
  if (components === 4) extra.colour = 'CMYK converted to RGB';
  return createImage({ width, height, channels }, 'uint8', out, { source: name, extra });
}
