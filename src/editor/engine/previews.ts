// A node's outputs as small pictures and tables for the page: thumbnails with auto contrast,
// labels coloured over the source image, and the threshold node's histogram.
import type { Image, Labels, Mask, Table } from '../../core/image';
import type { NodeOutputs } from '../../core/executor';
import type { AnyNodeDefinition, PortValue } from '../../core/node';
import { downscaleRgba, imageToRgba, labelsToRgba, maskToRgba } from '../display/contrast';
import { displayHistogram } from '../display/histogram';
import type { NodePreview, OutputPreview, RasterPreview } from './protocol';

export const THUMB_SIZE = 320;

export interface PreviewInput {
  key: string;
  def: AnyNodeDefinition;
  outputs: NodeOutputs;
  inputs: Record<string, PortValue | undefined>;
  /** The pipeline's source image (load node output), for colouring labels over it. */
  base?: Image;
}

export function makePreview({ key, def, outputs, inputs, base }: PreviewInput): NodePreview {
  const previews: Record<string, OutputPreview> = {};
  for (const name of Object.keys(def.outputs)) {
    const v = outputs[name];
    if (v !== undefined) previews[name] = safePreview(v, base);
  }
  const preview: NodePreview = { key, outputs: previews };
  const threshold = Object.entries(def.outputs).find(([, s]) => s.type === 'number');
  const input = Object.values(inputs).find((v): v is Image => typeof v === 'object' && v?.kind === 'image');
  if (threshold && input && typeof outputs[threshold[0]] === 'number') {
    preview.histogram = { ...displayHistogram(input.data), threshold: outputs[threshold[0]] as number };
  }
  return preview;
}

/** A preview that cannot be drawn must not fail the run: the result itself is fine. */
function safePreview(value: PortValue, base?: Image): OutputPreview {
  try {
    return outputPreview(value, base);
  } catch (err) {
    const kind = typeof value === 'object' && value && 'kind' in value ? String(value.kind) : typeof value;
    return { kind: 'other', note: `no preview for this ${kind} (${err instanceof Error ? err.message : String(err)})` };
  }
}

function outputPreview(value: PortValue, base?: Image): OutputPreview {
  if (typeof value === 'number') return { kind: 'number', value };
  if (value.kind === 'table') return { kind: 'table', table: copyTable(value) };
  const kind: string = value.kind;
  if (kind !== 'image' && kind !== 'mask' && kind !== 'labels') throw new Error(`a ${kind} value`);
  return rasterPreview(value, base);
}

export function rasterPreview(value: Image | Mask | Labels, base?: Image): RasterPreview {
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
  if (value.kind === 'image') {
    const shown = imageToRgba(value);
    rgba = shown.rgba;
    extra.ranges = shown.ranges;
  } else if (value.kind === 'mask') {
    rgba = maskToRgba(value);
    let n = 0;
    for (let i = 0; i < value.data.length; i++) n += value.data[i] ? 1 : 0;
    extra.foreground = n;
  } else {
    const under = base && base.width === value.width && base.height === value.height ? imageToRgba(base).rgba : undefined;
    rgba = labelsToRgba(value, under);
    extra.objects = countLabels(value);
  }
  const thumb = downscaleRgba(rgba, value.width, value.height, THUMB_SIZE);
  return { ...common, ...extra, thumb: { width: thumb.width, height: thumb.height, rgba: thumb.rgba === rgba ? rgba : thumb.rgba } };
}

/** Distinct non-zero labels (labels need not be consecutive), as `cellgraph run` counts them. */
export function countLabels(labels: Labels): number {
  const seen = new Uint8Array(labels.count + 1);
  let n = 0;
  for (let i = 0; i < labels.data.length; i++) {
    const v = labels.data[i];
    if (v !== 0 && v <= labels.count && !seen[v]) {
      seen[v] = 1;
      n++;
    }
  }
  return n;
}

/** Tables are sent whole; copy so the cached value keeps its arrays when these are transferred. */
function copyTable(table: Table): Table {
  return {
    ...table,
    columns: table.columns.map((c) => (c.type === 'number' ? { ...c, values: c.values.slice() } : { ...c, values: [...c.values] })),
  };
}
