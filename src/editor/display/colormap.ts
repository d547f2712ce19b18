// Colour maps for outputs whose values mean something fixed (a plane number, a 0–1 focus measure),
// shown over a fixed range instead of auto contrast, with a legend.
export type ColormapName = 'viridis' | 'inferno';

/** Anchor colours at even steps from 0 to 1 (matplotlib's maps, sampled), interpolated linearly. */
const ANCHORS: Record<ColormapName, [number, number, number][]> = {
  viridis: [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]],
  inferno: [[0, 0, 4], [87, 16, 110], [188, 55, 84], [249, 142, 9], [252, 255, 164]],
};

export function colormapColor(name: ColormapName, t: number): [number, number, number] {
  const anchors = ANCHORS[name];
  const f = Math.min(1, Math.max(0, t === t ? t : 0)) * (anchors.length - 1);
  const i = Math.min(anchors.length - 2, Math.floor(f));
  const w = f - i;
  const [a, b] = [anchors[i], anchors[i + 1]];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * w)) as [number, number, number];
}

/** A CSS gradient of the map, for legends. */
export function colormapGradient(name: ColormapName): string {
  const anchors = ANCHORS[name];
  return `linear-gradient(to right, ${anchors.map(([r, g, b], i) => `rgb(${r},${g},${b}) ${(100 * i) / (anchors.length - 1)}%`).join(', ')})`;
}

/** Samples mapped from [lo, hi] through the colour map; NaN is black. */
export function colormapRgba(data: ArrayLike<number>, lo: number, hi: number, name: ColormapName): Uint8ClampedArray {
  const lut = Array.from({ length: 256 }, (_, i) => colormapColor(name, i / 255));
  const rgba = new Uint8ClampedArray(data.length * 4);
  const scale = hi > lo ? 255 / (hi - lo) : 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    rgba[i * 4 + 3] = 255;
    if (v !== v) continue;
    const [r, g, b] = lut[Math.min(255, Math.max(0, Math.round((v - lo) * scale)))];
    rgba[i * 4] = r;
    rgba[i * 4 + 1] = g;
    rgba[i * 4 + 2] = b;
  }
  return rgba;
}
