// What a TIFF's pages mean: ImageJ hyperstack headers and OME-XML say which page is which channel,
// z-slice and time point, and give the pixel size. Plain TIFFs: every page is a plane.
import type { PixelSize, PlaneSpacing } from '../core/image';
import { unescapeUnicode, unquoteText } from './ascii-text';
import { makePixelSize, MICRON, normalizeUnit, toMicrons } from './units';

/** How the pages of the first consistent run map onto planes and channels. */
export interface StackLayout {
  /** Channels stored as separate pages (ImageJ channels, OME SizeC); samples per pixel multiply it. */
  pageChannels: number;
  planes: number;
  /** How many pages of the run the layout uses (ImageJ/OME may describe fewer than the file has). */
  pagesUsed: number;
  /** Page i holds plane `plane`, page-channel `channel`. */
  placePage(i: number): { plane: number; channel: number };
  pixelSize?: PixelSize;
  /** The distance between planes when they are one axis (z or t), not both. */
  planeSpacing?: PlaneSpacing;
  extra: Record<string, string>;
}

export interface Resolution {
  /** Size of one pixel in the resolution unit (1 / XResolution, 1 / YResolution), when present. */
  x?: number;
  y?: number;
  /** ResolutionUnit: 1 none, 2 inch, 3 centimetre. */
  unit: number;
}

/** The key=value lines of an ImageJ description, or undefined when it is not one. */
export function parseImageJDescription(description: string | undefined): Record<string, string> | undefined {
  if (!description?.startsWith('ImageJ=')) return undefined;
  const out: Record<string, string> = {};
  for (const line of description.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

/** The attributes of the first OME <Pixels> element, or undefined when the text is not OME-XML. */
export function parseOmePixels(description: string | undefined): Record<string, string> | undefined {
  if (!description || !/<(\w+:)?OME[\s>]/.test(description)) return undefined;
  const pixels = /<(?:\w+:)?Pixels\b([^>]*)>/.exec(description);
  if (!pixels) return undefined;
  const attrs: Record<string, string> = {};
  for (const m of pixels[1].matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) attrs[m[1]] = decodeXmlEntities(m[2]);
  return attrs;
}

function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, ent: string) => {
    if (ent.startsWith('#x')) return String.fromCodePoint(parseInt(ent.slice(2), 16));
    if (ent.startsWith('#')) return String.fromCodePoint(parseInt(ent.slice(1), 10));
    return named[ent] ?? all;
  });
}

const positiveInt = (text: string | undefined): number | undefined => {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
};
const number = (text: string | undefined): number | undefined => {
  const n = text === undefined || text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
};

/** z spacing in µm when the unit is a known length, else as written; t as written. */
function spacingOf(slices: number, frames: number, z: { value?: number; unit: string }, t: { value?: number; unit: string }): PlaneSpacing | undefined {
  if (slices > 1 && frames === 1 && z.value !== undefined && z.value > 0) {
    const microns = toMicrons(z.value, z.unit);
    return microns !== undefined ? { value: microns, unit: MICRON, axis: 'z' } : { value: z.value, unit: normalizeUnit(z.unit), axis: 'z' };
  }
  if (frames > 1 && slices === 1 && t.value !== undefined && t.value > 0) return { value: t.value, unit: t.unit, axis: 't' };
  return undefined;
}

function planeAxisExtra(slices: number, frames: number): Record<string, string> {
  if (slices > 1 && frames > 1) return { planeAxis: 'zt', slices: String(slices), frames: String(frames) };
  if (frames > 1) return { planeAxis: 't' };
  if (slices > 1) return { planeAxis: 'z' };
  return {};
}

/** Plain pages: each page a plane, its samples the channels. */
function plainLayout(pages: number, extra: Record<string, string> = {}): StackLayout {
  return { pageChannels: 1, planes: pages, pagesUsed: pages, placePage: (i) => ({ plane: i, channel: 0 }), extra };
}

/** Pixel size from XResolution/YResolution alone: only a centimetre ResolutionUnit is a calibration. */
function resolutionPixelSize(res: Resolution): PixelSize | undefined {
  if (res.unit !== 3 || !res.x || !res.y) return undefined;
  return makePixelSize({ value: res.x, unit: 'cm' }, { value: res.y, unit: 'cm' });
}

function imagejLayout(ij: Record<string, string>, pages: number, res: Resolution): StackLayout {
  const channels = positiveInt(ij.channels) ?? 1;
  const slices = positiveInt(ij.slices) ?? 1;
  const frames = positiveInt(ij.frames) ?? 1;
  const extra: Record<string, string> = { imagej: ij.ImageJ ?? '' };
  if (ij['cellgraph.description'] !== undefined) extra.description = unquoteText(ij['cellgraph.description']);
  if (ij.finterval !== undefined) {
    extra.frameInterval = ij.finterval;
    extra.timeUnit = unescapeUnicode(ij.tunit ?? 'sec');
  }
  const unit = ij.unit !== undefined ? normalizeUnit(ij.unit) : undefined;
  let pixelSize: PixelSize | undefined;
  if (unit !== undefined && res.x && res.y) {
    pixelSize = makePixelSize(
      { value: res.x, unit },
      { value: res.y, unit },
      { value: number(ij.spacing), unit: ij.zunit !== undefined ? normalizeUnit(ij.zunit) : unit },
    );
  } else if (unit === undefined) {
    pixelSize = resolutionPixelSize(res);
  }
  const total = channels * slices * frames;
  if (total > pages) {
    extra.layoutNote = `ImageJ header describes ${total} images but the file has ${pages} pages; pages read as planes`;
    return { ...plainLayout(pages, extra), pixelSize };
  }
  const planeSpacing = spacingOf(
    slices,
    frames,
    { value: number(ij.spacing), unit: unescapeUnicode(ij.zunit ?? ij.unit ?? 'pixel') },
    { value: number(ij.finterval), unit: unescapeUnicode(ij.tunit ?? 'sec') },
  );
  return {
    pageChannels: channels,
    planes: slices * frames,
    pagesUsed: total,
    // ImageJ writes channel fastest, then slice, then frame
    placePage: (i) => ({ plane: Math.floor(i / channels), channel: i % channels }),
    pixelSize,
    ...(planeSpacing ? { planeSpacing } : {}),
    extra: { ...extra, ...planeAxisExtra(slices, frames) },
  };
}

function omeLayout(px: Record<string, string>, pages: number, samplesPerPixel: number): StackLayout {
  const sizeC = positiveInt(px.SizeC) ?? 1;
  const sizeZ = positiveInt(px.SizeZ) ?? 1;
  const sizeT = positiveInt(px.SizeT) ?? 1;
  // an RGB OME image counts its samples in SizeC but stores them in one page
  const pageChannels = samplesPerPixel > 1 && sizeC % samplesPerPixel === 0 ? sizeC / samplesPerPixel : sizeC;
  const extra: Record<string, string> = { ome: 'true' };
  const defaultUnit = MICRON;
  const pixelSize = makePixelSize(
    { value: number(px.PhysicalSizeX), unit: px.PhysicalSizeXUnit ?? defaultUnit },
    { value: number(px.PhysicalSizeY ?? px.PhysicalSizeX), unit: px.PhysicalSizeYUnit ?? px.PhysicalSizeXUnit ?? defaultUnit },
    { value: number(px.PhysicalSizeZ), unit: px.PhysicalSizeZUnit ?? defaultUnit },
  );
  if (px.TimeIncrement !== undefined) {
    extra.frameInterval = px.TimeIncrement;
    extra.timeUnit = px.TimeIncrementUnit ?? 's';
  }
  const total = pageChannels * sizeZ * sizeT;
  const order = /^XY([CZT]{3})$/.exec(px.DimensionOrder ?? 'XYCZT')?.[1] ?? 'CZT';
  if (total > pages || new Set(order).size !== 3) {
    extra.layoutNote = `OME-XML describes ${total} planes but the file has ${pages} pages; pages read as planes`;
    return { ...plainLayout(pages, extra), pixelSize };
  }
  const size: Record<string, number> = { C: pageChannels, Z: sizeZ, T: sizeT };
  const planeSpacing = spacingOf(
    sizeZ,
    sizeT,
    { value: number(px.PhysicalSizeZ), unit: px.PhysicalSizeZUnit ?? defaultUnit },
    { value: number(px.TimeIncrement), unit: px.TimeIncrementUnit ?? 's' },
  );
  return {
    ...(planeSpacing ? { planeSpacing } : {}),
    pageChannels,
    planes: sizeZ * sizeT,
    pagesUsed: total,
    placePage: (i) => {
      const index: Record<string, number> = {};
      let rest = i;
      for (const axis of order) {
        index[axis] = rest % size[axis];
        rest = Math.floor(rest / size[axis]);
      }
      return { plane: index.T * sizeZ + index.Z, channel: index.C };
    },
    pixelSize,
    extra: { ...extra, ...planeAxisExtra(sizeZ, sizeT) },
  };
}

/** The layout, pixel size and notes of a TIFF whose first consistent run has `pages` pages. */
export function describeTiffStack(
  description: string | undefined,
  pages: number,
  samplesPerPixel: number,
  res: Resolution,
): StackLayout {
  const ij = parseImageJDescription(description);
  if (ij) return imagejLayout(ij, pages, res);
  const ome = parseOmePixels(description);
  if (ome) return omeLayout(ome, pages, samplesPerPixel);
  const extra: Record<string, string> = {};
  const text = description?.trim() ?? '';
  // tifffile's own '{"shape": [...]}' says nothing a reader needs
  if (text !== '' && !/^\{\s*"shape"\s*:/.test(text)) extra.description = text;
  const layout = plainLayout(pages, extra);
  return { ...layout, pixelSize: resolutionPixelSize(res) };
}
