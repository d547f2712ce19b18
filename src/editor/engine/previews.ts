// A node's outputs as small pictures and tables for the page: thumbnails with auto contrast (one
// range for a whole stack), labels coloured over the source image, colour maps where values mean
// something fixed, masks tinted over their image, the threshold node's histogram, line plots of
// series over planes, and every result's metadata for the inspector.
import { countObjects, type Image, type Labels, type Mask, type Table } from '../../core/image';
import type { NodeOutputs } from '../../core/executor';
import type { AnyNodeDefinition, PortValue } from '../../core/node';
import { downscaleRgba, drawPoints, imageToRgba, labelsToRgba, maskOverlayRgba, maskToRgba, singlePixelObjects, stackRanges } from '../display/contrast';
import { colormapRgba } from '../display/colormap';
import { displayHistogram } from '../display/histogram';
import { metaSummary } from './meta-summary';
import type { NodePreview, OutputDisplay, OutputPreview, RasterPreview } from './protocol';
import { seriesPlot } from './series-plot';
import { MAX_DRAWN_ROWS } from '../display/limits';

export const THUMB_SIZE = 320;

export interface PreviewInput {
  key: string;
  def: AnyNodeDefinition;
  outputs: NodeOutputs;
  inputs: Record<string, PortValue | undefined>;
  /** The pipeline's source image (load node output), for colouring labels over it. */
  base?: Image;
}

/**
 * Outputs whose values mean something fixed are shown through a colour map over that range rather
 * than with auto contrast: the plane index map of focus-stack, the 0–1 focus map.
 */
export function displayFor(def: AnyNodeDefinition, port: string, inputs: Record<string, PortValue | undefined>): OutputDisplay | undefined {
  if (def.type === 'focus-stack' && port === 'index') {
    const stack = inputs.image;
    const planes = typeof stack === 'object' && stack && 'planes' in stack ? stack.planes : 1;
    return { colormap: 'viridis', lo: 0, hi: Math.max(1, planes - 1), legend: 'plane' };
  }
  if (def.type === 'focus-map' && port === 'image') return { colormap: 'inferno', lo: 0, hi: 1, legend: 'focus' };
  return undefined;
}

/** Masks shown tinted over the image they were made from (in-focus-mask: the sharp regions). */
export function overlayFor(def: AnyNodeDefinition, port: string, inputs: Record<string, PortValue | undefined>): Image | undefined {
  const image = inputs.image;
  return def.type === 'in-focus-mask' && port === 'mask' && typeof image === 'object' && image?.kind === 'image' ? image : undefined;
}

export function makePreview({ key, def, outputs, inputs, base }: PreviewInput): NodePreview {
  const previews: Record<string, OutputPreview> = {};
  for (const name of Object.keys(def.outputs)) {
    const v = outputs[name];
    if (v !== undefined) previews[name] = safePreview(v, base, displayFor(def, name, inputs), overlayFor(def, name, inputs));
  }
  const preview: NodePreview = { key, outputs: previews };
  const threshold = Object.entries(def.outputs).find(([, s]) => s.type === 'number');
  const input = Object.values(inputs).find((v): v is Image => typeof v === 'object' && v?.kind === 'image');
  if (threshold && input && typeof outputs[threshold[0]] === 'number') {
    // with a region connected (threshold's optional input), the pixels the threshold was computed from
    const region = inputs.region;
    const values = typeof region === 'object' && (region.kind === 'mask' || region.kind === 'labels') ? input.data.filter((_, i) => region.data[i] !== 0) : input.data;
    preview.histogram = { ...displayHistogram(values), threshold: outputs[threshold[0]] as number };
  }
  return preview;
}

/** A preview that cannot be drawn must not fail the run: the result itself is fine. */
function safePreview(value: PortValue, base?: Image, display?: OutputDisplay, overlayOn?: Image): OutputPreview {
  try {
    return outputPreview(value, base, display, overlayOn);
  } catch (err) {
    const kind = typeof value === 'object' && value && 'kind' in value ? String(value.kind) : typeof value;
    return { kind: 'other', note: `no preview for this ${kind} (${err instanceof Error ? err.message : String(err)})` };
  }
}

function outputPreview(value: PortValue, base?: Image, display?: OutputDisplay, overlayOn?: Image): OutputPreview {
  if (typeof value === 'number') return { kind: 'number', value };
  if (value.kind === 'table') {
    const plot = seriesPlot(value);
    const rows = Math.min(value.rows, Math.max(MAX_DRAWN_ROWS, Math.floor(MAX_PREVIEW_CELLS / Math.max(1, value.columns.length))));
    return { kind: 'table', table: copyTable(value, rows), totalRows: value.rows, meta: metaSummary(value), ...(plot ? { plot } : {}) };
  }
  const kind: string = value.kind;
  if (kind !== 'image' && kind !== 'mask' && kind !== 'labels') throw new Error(`a ${kind} value`);
  return rasterPreview(value, base, 0, display, overlayOn);
}

/** The thumbnail of one plane (0-based, clamped to the stack) with the value's metadata. */
export function rasterPreview(value: Image | Mask | Labels, base?: Image, plane = 0, display?: OutputDisplay, overlayOn?: Image): RasterPreview {
  plane = Math.min(value.planes - 1, Math.max(0, Math.floor(plane)));
  const common = {
    kind: value.kind,
    width: value.width,
    height: value.height,
    planes: value.planes,
    channels: value.kind === 'image' ? value.channels : 1,
    dtype: value.kind === 'image' ? value.dtype : value.kind === 'mask' ? 'uint8' : 'uint32',
  };
  let rgba: Uint8ClampedArray;
  const extra: Partial<RasterPreview> = {};
  if (value.kind === 'image' && display && value.channels === 1) {
    const n = value.width * value.height;
    rgba = colormapRgba(value.data.subarray(plane * n, (plane + 1) * n), display.lo, display.hi, display.colormap);
    extra.display = display;
  } else if (value.kind === 'image') {
    const shown = imageToRgba(value, plane, value.planes > 1 ? stackRanges(value) : undefined);
    rgba = shown.rgba;
    extra.ranges = shown.ranges;
  } else if (value.kind === 'mask') {
    const under = overlayOn && overlayOn.width === value.width && overlayOn.height === value.height
      ? imageToRgba(overlayOn, overlayOn.planes === value.planes ? plane : 0, overlayOn.planes > 1 ? stackRanges(overlayOn) : undefined).rgba
      : undefined;
    rgba = under ? maskOverlayRgba(value, under, plane) : maskToRgba(value, plane);
    let n = 0;
    for (let i = 0; i < value.data.length; i++) n += value.data[i] ? 1 : 0;
    extra.foreground = n;
  } else {
    const basePlane = base && base.planes === value.planes ? plane : 0;
    const under = base && base.width === value.width && base.height === value.height ? imageToRgba(base, basePlane).rgba : undefined;
    rgba = labelsToRgba(value, under, plane);
    extra.objects = countObjects(value);
  }
  const thumb = downscaleRgba(rgba, value.width, value.height, THUMB_SIZE);
  // objects of one pixel (find-maxima's points) would vanish from the thumbnail: drawn as dots
  const points = value.kind === 'labels' ? singlePixelObjects(value, plane) : undefined;
  if (points && value.kind === 'labels') {
    if (thumb.rgba === rgba) thumb.rgba = Uint8ClampedArray.from(rgba);
    drawPoints(thumb, points, value, plane, value.width);
  }
  return { ...common, ...extra, plane, meta: metaSummary(value), thumb: { width: thumb.width, height: thumb.height, rgba: thumb.rgba === rgba ? rgba : thumb.rgba } };
}

/**
 * Cells sent with a table preview at most: a per-pixel table (pixel-series) can hold millions; the
 * page draws the first rows, the plot is made here from all of them and downloads take the whole table.
 */
export const MAX_PREVIEW_CELLS = 200_000;

/** The first `rows` rows, copied so the cached value keeps its arrays when these are transferred. */
function copyTable(table: Table, rows: number): Table {
  return {
    ...table,
    rows,
    columns: table.columns.map((c) => (c.type === 'number' ? { ...c, values: c.values.slice(0, rows) } : { ...c, values: c.values.slice(0, rows) })),
  };
}
