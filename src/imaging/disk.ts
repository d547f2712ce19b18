// skimage.morphology.disk(radius) as row spans: the footprint is every (dx, dy) with dx² + dy² ≤ r².

/** halfWidths[dy + r] = the largest |dx| in row dy of the disk, so row dy spans −w..w. */
export function diskHalfWidths(radius: number): Int32Array {
  if (!Number.isInteger(radius) || radius < 0) throw new Error(`disk radius must be a whole number ≥ 0, got ${radius}`);
  const widths = new Int32Array(2 * radius + 1);
  for (let dy = -radius; dy <= radius; dy++) widths[dy + radius] = Math.floor(Math.sqrt(radius * radius - dy * dy));
  return widths;
}

/** Number of pixels in the disk footprint. */
export function diskArea(radius: number): number {
  return diskHalfWidths(radius).reduce((sum, w) => sum + 2 * w + 1, 0);
}
