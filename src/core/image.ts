// The data that flows on a pipeline's wires. Plain objects holding typed arrays, so a value crosses a
// worker boundary by transfer (structured clone), and nothing here depends on a class or the DOM.

export const DTYPES = ['uint8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64'] as const;
export type DType = (typeof DTYPES)[number];

export type PixelArray =
  | Uint8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array;

/** Physical size of one pixel. `unit` is normalised to 'µm' when the file said micron/um/micrometer. */
export interface PixelSize {
  x: number;
  y: number;
  z?: number;
  unit: string;
}

export interface ImageMeta {
  /** File name (no folders) the image was decoded from, when known. */
  source?: string;
  /**
   * Name of the folder that file is in (one name, not a path: "treated", "Pos0"), when known; what
   * metadata-from-filename can read besides the file name. Not written into saved files.
   */
  folder?: string;
  pixelSize?: PixelSize;
  /** Free key-value pairs (ImageJ/OME fields, user notes). Values are strings so they serialise. */
  extra: Record<string, string>;
  /** How the value was made; set by the executor on every node output (not copied by copyMeta). */
  provenance?: Provenance;
  /**
   * Set by the executor on every node output (not copied by copyMeta): a UUID derived from the
   * output's cache key, so the same result of the same inputs and params keeps its id from run to run.
   */
  id?: string;
  /** When the executor handed the value out (ISO 8601, UTC). Not written into exported files. */
  created?: string;
  /** Distance between planes: z spacing (ImageJ `spacing`, OME PhysicalSizeZ) or frame interval. */
  planeSpacing?: PlaneSpacing;
}

export interface PlaneSpacing {
  value: number;
  /** A length unit ('µm', normalised like PixelSize.unit) for z, a time unit ('s', 'sec', 'min') for t. */
  unit: string;
  axis: 'z' | 't';
}

/** One node that contributed to a result. */
export interface ProvenanceStep {
  id: string;
  type: string;
  version: number;
  params: Record<string, unknown>;
}

/** Plain JSON, so it can be embedded in exported files and sent across workers. */
export interface Provenance {
  /** cellgraph version that ran the pipeline. */
  cellgraph: string;
  /** The pipeline's name, when it has one. */
  pipeline?: string;
  /** The value's ancestors in run order, ending with the node that made it. */
  steps: ProvenanceStep[];
  /** Files read by those steps: name and content hash (hex). */
  inputs: { name: string; hash: string }[];
}

/**
 * An n-dimensional microscopy image: width × height × planes (z or t) × channels.
 * Layout is channel-planar: sample (x, y, plane p, channel c) is at
 * `((p * channels + c) * height + y) * width + x`, so every 2-D slice is contiguous.
 */
export interface Image {
  kind: 'image';
  width: number;
  height: number;
  planes: number;
  channels: number;
  dtype: DType;
  data: PixelArray;
  meta: ImageMeta;
}

/** A binary image: data holds 0 (background) or 1 (foreground), one value per pixel and plane. */
export interface Mask {
  kind: 'mask';
  width: number;
  height: number;
  planes: number;
  data: Uint8Array;
  meta: ImageMeta;
}

/** Integer objects: 0 is background, 1..count are objects. */
export interface Labels {
  kind: 'labels';
  width: number;
  height: number;
  planes: number;
  data: Uint32Array;
  /** The largest label in use (labels are 1..count after label/filter nodes). */
  count: number;
  meta: ImageMeta;
}

export type Column =
  | { name: string; type: 'number'; values: Float64Array; unit?: string }
  | { name: string; type: 'string'; values: string[] };

/** A table of named, typed columns, all of length `rows`. NaN in a number column is "empty". */
export interface Table {
  kind: 'table';
  rows: number;
  columns: Column[];
  meta: ImageMeta;
}

export type Raster = Image | Mask | Labels;

const ARRAY_FOR: Record<DType, new (n: number) => PixelArray> = {
  uint8: Uint8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
};

export function allocPixels(dtype: DType, length: number): PixelArray {
  return new ARRAY_FOR[dtype](length);
}

export function dtypeOf(data: PixelArray): DType {
  if (data instanceof Uint8Array) return 'uint8';
  if (data instanceof Uint16Array) return 'uint16';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Uint32Array) return 'uint32';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Float32Array) return 'float32';
  return 'float64';
}

export function isIntegerDType(dtype: DType): boolean {
  return dtype !== 'float32' && dtype !== 'float64';
}

export function emptyMeta(source?: string): ImageMeta {
  return source === undefined ? { extra: {} } : { source, extra: {} };
}

export function copyMeta(meta: ImageMeta): ImageMeta {
  return {
    ...(meta.source !== undefined ? { source: meta.source } : {}),
    ...(meta.folder !== undefined ? { folder: meta.folder } : {}),
    ...(meta.pixelSize ? { pixelSize: { ...meta.pixelSize } } : {}),
    ...(meta.planeSpacing ? { planeSpacing: { ...meta.planeSpacing } } : {}),
    extra: { ...meta.extra },
  };
}

export interface ImageShape {
  width: number;
  height: number;
  planes?: number;
  channels?: number;
}

function checkShape(width: number, height: number, planes: number, channels: number): void {
  for (const [name, v] of [
    ['width', width],
    ['height', height],
    ['planes', planes],
    ['channels', channels],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`image ${name} must be a positive integer, got ${v}`);
  }
}

/** Make an image; `data` defaults to zeros and must hold width*height*planes*channels samples. */
export function createImage(
  shape: ImageShape,
  dtype: DType,
  data?: PixelArray,
  meta: ImageMeta = emptyMeta(),
): Image {
  const planes = shape.planes ?? 1;
  const channels = shape.channels ?? 1;
  checkShape(shape.width, shape.height, planes, channels);
  const length = shape.width * shape.height * planes * channels;
  const pixels = data ?? allocPixels(dtype, length);
  if (pixels.length !== length) {
    throw new Error(`image data has ${pixels.length} samples, expected ${length} (${shape.width}×${shape.height}×${planes}×${channels})`);
  }
  if (dtypeOf(pixels) !== dtype) throw new Error(`image data is ${dtypeOf(pixels)}, expected ${dtype}`);
  return { kind: 'image', width: shape.width, height: shape.height, planes, channels, dtype, data: pixels, meta };
}

export function createMask(shape: ImageShape, data?: Uint8Array, meta: ImageMeta = emptyMeta()): Mask {
  const planes = shape.planes ?? 1;
  checkShape(shape.width, shape.height, planes, 1);
  const length = shape.width * shape.height * planes;
  const pixels = data ?? new Uint8Array(length);
  if (pixels.length !== length) throw new Error(`mask data has ${pixels.length} samples, expected ${length}`);
  return { kind: 'mask', width: shape.width, height: shape.height, planes, data: pixels, meta };
}

export function createLabels(
  shape: ImageShape,
  data: Uint32Array,
  count?: number,
  meta: ImageMeta = emptyMeta(),
): Labels {
  const planes = shape.planes ?? 1;
  checkShape(shape.width, shape.height, planes, 1);
  const length = shape.width * shape.height * planes;
  if (data.length !== length) throw new Error(`labels data has ${data.length} samples, expected ${length}`);
  let max = count;
  if (max === undefined) {
    max = 0;
    for (let i = 0; i < data.length; i++) if (data[i] > max) max = data[i];
  }
  return { kind: 'labels', width: shape.width, height: shape.height, planes, data, count: max, meta };
}

/** A 2-D grey image from nested rows, for tests and tiny examples: `imageFromRows([[1, 2], [3, 4]])`. */
export function imageFromRows(rows: number[][], dtype: DType = 'float32'): Image {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const data = allocPixels(dtype, width * height);
  rows.forEach((row, y) => {
    if (row.length !== width) throw new Error(`row ${y} has ${row.length} values, expected ${width}`);
    row.forEach((v, x) => (data[y * width + x] = v));
  });
  return createImage({ width, height }, dtype, data);
}

export function maskFromRows(rows: number[][]): Mask {
  const img = imageFromRows(rows, 'uint8');
  return createMask(img, img.data as Uint8Array);
}

export function labelsFromRows(rows: number[][]): Labels {
  const img = imageFromRows(rows, 'uint32');
  return createLabels(img, img.data as Uint32Array);
}

/** One 2-D slice (plane p, channel c) as a view that shares the image's buffer. */
export function slice2d(image: Image, plane = 0, channel = 0): PixelArray {
  const n = image.width * image.height;
  const start = (plane * image.channels + channel) * n;
  return image.data.subarray(start, start + n) as PixelArray;
}

/** The typed arrays of a value, for postMessage transfer lists. */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && !out.includes(v.buffer)) out.push(v.buffer);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return out;
}

/** Number of distinct non-zero labels (labels need not be consecutive). */
export function countObjects(labels: Labels): number {
  const { data, count } = labels;
  const seen = new Uint8Array(count + 1);
  let n = 0;
  // stops once every label up to count has been seen: the rest of the image cannot add one
  for (let i = 0; i < data.length && n < count; i++) {
    const v = data[i];
    if (v !== 0 && v <= count && !seen[v]) {
      seen[v] = 1;
      n++;
    }
  }
  return n;
}
