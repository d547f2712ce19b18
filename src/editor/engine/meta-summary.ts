// What the inspector shows about a result: where it came from (file, provenance), its physical
// size, and for images the plane count, type and value range. Computed in the worker, plain JSON.
import type { Image, ImageMeta, Labels, Mask, Provenance, PixelSize, Table } from '../../core/image';

export interface MetaSummary {
  source?: string;
  pixelSize?: PixelSize;
  /** Distance between planes, when the file said (ImageJ spacing, OME PhysicalSizeZ, frame interval). */
  planeSpacing?: { value: number; unit: string; axis: string };
  extra: Record<string, string>;
  provenance?: Provenance;
  /** Result id and creation time, when the executor stamps them. */
  id?: string;
  created?: string;
  /** Images: smallest and largest sample over every plane and channel, NaN ignored. */
  valueRange?: { min: number; max: number };
  /** Images: samples that are NaN (empty). */
  nanCount?: number;
}

export function metaSummary(value: Image | Mask | Labels | Table): MetaSummary {
  const meta: ImageMeta = value.meta;
  const out: MetaSummary = { extra: { ...meta.extra } };
  if (meta.source !== undefined) out.source = meta.source;
  if (meta.pixelSize) out.pixelSize = { ...meta.pixelSize };
  if (meta.planeSpacing) out.planeSpacing = { ...meta.planeSpacing };
  if (meta.provenance) out.provenance = structuredClone(meta.provenance);
  if (meta.id) out.id = meta.id;
  if (meta.created) out.created = meta.created;
  if (value.kind === 'image') Object.assign(out, valueRange(value.data));
  return out;
}

export function valueRange(data: ArrayLike<number>): { valueRange?: { min: number; max: number }; nanCount: number } {
  let min = Infinity;
  let max = -Infinity;
  let nan = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v !== v) nan++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { valueRange: { min, max }, nanCount: nan } : { nanCount: nan };
}
