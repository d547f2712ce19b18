// Display only: raster values → RGBA for the screen. Auto contrast saturates 0.35% of pixels at
// each end (ImageJ's "Auto"), computed on the shown plane; the data itself is never changed.
import type { Image, Labels, Mask, PixelArray } from '../../core/image';

export interface DisplayRange {
  lo: number;
  hi: number;
}

/** Low and high display limits of a set of samples, ignoring NaN. */
export function autoRange(data: ArrayLike<number>, saturated = 0.0035): DisplayRange {
  const n = data.length;
  const stride = Math.max(1, Math.floor(n / 262144));
  const sample: number[] = [];
  for (let i = 0; i < n; i += stride) {
    const v = data[i];
    if (v === v) sample.push(v);
  }
  if (sample.length === 0) return { lo: 0, hi: 1 };
  const sorted = Float64Array.from(sample).sort();
  const k = Math.floor(sorted.length * saturated);
  let lo = sorted[k];
  let hi = sorted[sorted.length - 1 - k];
  if (!(hi > lo)) {
    lo = sorted[0];
    hi = sorted[sorted.length - 1];
  }
  // A constant image (or plane): scale from zero, so a constant 0 shows black and any other constant
  // shows at full brightness instead of the black a range starting at the value itself would give.
  if (!(hi > lo)) return lo === 0 ? { lo: 0, hi: 1 } : { lo: Math.min(0, lo), hi: Math.max(0, lo) };
  return { lo, hi };
}

/**
 * Display limits of each shown channel over every plane, so stepping through a stack shows how
 * planes differ instead of stretching each one to full contrast.
 */
export function stackRanges(image: Image): DisplayRange[] {
  const n = image.width * image.height;
  const total = n * image.planes;
  const stride = Math.max(1, Math.floor(total / 262144));
  return Array.from({ length: Math.min(image.channels, 3) }, (_, c) => {
    const sample = new Float64Array(Math.ceil(total / stride));
    let k = 0;
    for (let i = 0; i < total; i += stride) {
      const p = Math.floor(i / n);
      sample[k++] = image.data[(p * image.channels + c) * n + (i - p * n)];
    }
    return autoRange(sample.subarray(0, k));
  });
}

/** One plane of an image: grey (1 channel) or the first three channels as RGB. */
export function imageToRgba(image: Image, plane = 0, range?: DisplayRange[]): { rgba: Uint8ClampedArray; ranges: DisplayRange[] } {
  const n = image.width * image.height;
  const shown = Math.min(image.channels, 3);
  const channel = (c: number): PixelArray => {
    const start = (plane * image.channels + c) * n;
    return image.data.subarray(start, start + n) as PixelArray;
  };
  const ranges = range ?? Array.from({ length: shown }, (_, c) => autoRange(channel(c)));
  const rgba = new Uint8ClampedArray(n * 4);
  for (let c = 0; c < shown; c++) {
    const data = channel(c);
    const { lo, hi } = ranges[c];
    const scale = 255 / (hi - lo);
    for (let i = 0; i < n; i++) {
      const v = (data[i] - lo) * scale;
      if (shown === 1) {
        rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = v;
      } else rgba[i * 4 + c] = v;
    }
  }
  for (let i = 0; i < n; i++) rgba[i * 4 + 3] = 255;
  return { rgba, ranges };
}

export function maskToRgba(mask: Mask, plane = 0): Uint8ClampedArray {
  const n = mask.width * mask.height;
  const rgba = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const v = mask.data[plane * n + i] ? 255 : 0;
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** A mask tinted over a grey base (the image it was made from), so what it selects can be judged. */
export function maskOverlayRgba(mask: Mask, base: Uint8ClampedArray, plane = 0): Uint8ClampedArray {
  const n = mask.width * mask.height;
  const rgba = Uint8ClampedArray.from(base);
  for (let i = 0; i < n; i++) {
    if (!mask.data[plane * n + i]) continue;
    rgba[i * 4] = rgba[i * 4] * 0.5 + 16;
    rgba[i * 4 + 1] = rgba[i * 4 + 1] * 0.5 + 110;
    rgba[i * 4 + 2] = rgba[i * 4 + 2] * 0.5 + 40;
  }
  return rgba;
}

/** Labels in distinct colours, blended over a grey base (or black) so objects can be checked by eye. */
export function labelsToRgba(labels: Labels, base?: Uint8ClampedArray, plane = 0): Uint8ClampedArray {
  const n = labels.width * labels.height;
  const rgba = base ? Uint8ClampedArray.from(base) : new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const id = labels.data[plane * n + i];
    if (!base) rgba[i * 4 + 3] = 255;
    if (id === 0) continue;
    const [r, g, b] = labelColor(id);
    const a = base ? 0.55 : 1;
    rgba[i * 4] = rgba[i * 4] * (1 - a) + r * a;
    rgba[i * 4 + 1] = rgba[i * 4 + 1] * (1 - a) + g * a;
    rgba[i * 4 + 2] = rgba[i * 4 + 2] * (1 - a) + b * a;
  }
  return rgba;
}

/** A bright colour per label: golden-angle hues, so neighbouring ids differ. */
export function labelColor(id: number): [number, number, number] {
  const h = (id * 137.508) % 360;
  const s = 0.75;
  const l = 0.55 + 0.1 * ((id % 3) - 1);
  const k = (m: number) => (m + h / 30) % 12;
  const f = (m: number) => l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k(m) - 3, 9 - k(m), 1));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

/** Nearest-neighbour downscale so the longer side is at most `max` (previews stay small to send). */
export function downscaleRgba(rgba: Uint8ClampedArray, width: number, height: number, max: number): { rgba: Uint8ClampedArray; width: number; height: number } {
  const scale = Math.max(width, height) / max;
  if (scale <= 1) return { rgba, width, height };
  const w = Math.max(1, Math.round(width / scale));
  const h = Math.max(1, Math.round(height / scale));
  const out = new Uint8ClampedArray(w * h * 4);
  const src = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const dst = new Uint32Array(out.buffer);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(height - 1, Math.floor((y + 0.5) * scale));
    for (let x = 0; x < w; x++) dst[y * w + x] = src[sy * width + Math.min(width - 1, Math.floor((x + 0.5) * scale))];
  }
  return { rgba: out, width: w, height: h };
}

/**
 * The pixels of `labels`' plane when every object there is a single pixel (points, as find-maxima
 * gives), else undefined: such objects vanish from a downscaled thumbnail unless drawn larger.
 */
export function singlePixelObjects(labels: Labels, plane = 0): number[] | undefined {
  const n = labels.width * labels.height;
  const seen = new Set<number>();
  const at: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = labels.data[plane * n + i];
    if (id === 0) continue;
    if (seen.has(id)) return undefined;
    seen.add(id);
    at.push(i);
  }
  return at.length > 0 ? at : undefined;
}

/** Draws each point (a flat index into a width-wide image) on the thumbnail as a dot in its label's colour, ringed in black. */
export function drawPoints(thumb: { rgba: Uint8ClampedArray; width: number; height: number }, points: number[], labels: Labels, plane: number, width: number): void {
  const scale = width / thumb.width;
  const radius = Math.max(2, Math.round(Math.max(thumb.width, thumb.height) / 110));
  const n = labels.width * labels.height;
  const put = (x: number, y: number, [r, g, b]: [number, number, number]) => {
    if (x < 0 || y < 0 || x >= thumb.width || y >= thumb.height) return;
    const k = (y * thumb.width + x) * 4;
    thumb.rgba[k] = r;
    thumb.rgba[k + 1] = g;
    thumb.rgba[k + 2] = b;
    thumb.rgba[k + 3] = 255;
  };
  for (const ring of [true, false]) {
    for (const i of points) {
      const cx = Math.floor((i % width) / scale);
      const cy = Math.floor(Math.floor(i / width) / scale);
      const color = ring ? ([0, 0, 0] as [number, number, number]) : labelColor(labels.data[plane * n + i]);
      const r = ring ? radius + 1 : radius;
      for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r) put(cx + dx, cy + dy, color);
    }
  }
}
