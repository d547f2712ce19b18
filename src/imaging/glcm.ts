// Grey-level co-occurrence matrices and Haralick features, as skimage.feature.graycomatrix and
// graycoprops (scikit-image 0.19.3), per object: a pair of pixels (p, p + offset) counts for an object
// when both pixels belong to it. The offset for distance d and angle θ is
// (row, column) = (round(sin θ · d), round(cos θ · d)), rounded half away from zero, so θ = 0 looks to
// the right and θ = 90° downwards (rows grow downwards). Symmetric: each pair also counts as (j, i).

export const GLCM_PROPS = ['contrast', 'dissimilarity', 'homogeneity', 'ASM', 'energy', 'correlation'] as const;
export type GlcmProp = (typeof GLCM_PROPS)[number];

const roundAway = (r: number) => (r > 0 ? Math.trunc(r + 0.5) : Math.trunc(r - 0.5)) + 0; // + 0 turns -0 into 0

export function glcmOffset(distance: number, angleRad: number): [number, number] {
  return [roundAway(Math.sin(angleRad) * distance), roundAway(Math.cos(angleRad) * distance)];
}

/**
 * Grey levels 0..levels−1 from values: floor((v − min) · levels / (max − min)), the maximum in the top
 * level; a constant image is all level 0.
 */
export function quantize(values: ArrayLike<number>, levels: number, min: number, max: number): Uint16Array {
  const out = new Uint16Array(values.length);
  if (!(max > min)) return out;
  for (let i = 0; i < values.length; i++) {
    const q = Math.floor(((values[i] - min) * levels) / (max - min));
    out[i] = q < 0 ? 0 : q >= levels ? levels - 1 : q;
  }
  return out;
}

/** Co-occurrence counts (levels × levels, row i = level at p) of the pixels where `inside(p)` holds. */
export function glcm(
  q: Uint16Array, width: number, height: number, levels: number, offset: [number, number], symmetric: boolean,
  pixels: ArrayLike<number>, isInside: (p: number) => boolean,
): Float64Array {
  const m = new Float64Array(levels * levels);
  const [dr, dc] = offset;
  for (let k = 0; k < pixels.length; k++) {
    const p = pixels[k];
    const r = (p / width) | 0;
    const c = p - r * width;
    const r2 = r + dr;
    const c2 = c + dc;
    if (r2 < 0 || r2 >= height || c2 < 0 || c2 >= width) continue;
    const p2 = r2 * width + c2;
    if (!isInside(p2)) continue;
    m[q[p] * levels + q[p2]]++;
    if (symmetric) m[q[p2] * levels + q[p]]++;
  }
  return m;
}

/** graycoprops of one matrix (normalised here; an empty matrix stays 0, correlation 1 as skimage). */
export function glcmProps(counts: Float64Array, levels: number): Record<GlcmProp, number> {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const P = Float64Array.from(counts, (v) => v / (total === 0 ? 1 : total));
  let contrast = 0, dissimilarity = 0, homogeneity = 0, asm = 0, mi = 0, mj = 0;
  for (let i = 0; i < levels; i++) {
    for (let j = 0; j < levels; j++) {
      const p = P[i * levels + j];
      const d = i - j;
      contrast += p * d * d;
      dissimilarity += p * Math.abs(d);
      homogeneity += p / (1 + d * d);
      asm += p * p;
      mi += i * p;
      mj += j * p;
    }
  }
  let vi = 0, vj = 0, cov = 0;
  for (let i = 0; i < levels; i++) {
    for (let j = 0; j < levels; j++) {
      const p = P[i * levels + j];
      vi += p * (i - mi) * (i - mi);
      vj += p * (j - mj) * (j - mj);
      cov += p * (i - mi) * (j - mj);
    }
  }
  const si = Math.sqrt(vi);
  const sj = Math.sqrt(vj);
  const correlation = si < 1e-15 || sj < 1e-15 ? 1 : cov / (si * sj);
  return { contrast, dissimilarity, homogeneity, ASM: asm, energy: Math.sqrt(asm), correlation };
}
