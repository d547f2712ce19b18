// Exploration, not a test (issue 4): would scale-adaptive marker spacing split the small touching nuclei
// that pipelines/nuclei-declump.json leaves merged on dsb2018_256_uint8? Instead of one global
// min_distance, a maximum p of the declump surface needs a spacing of only s(p) = max(1, round(k × its
// distance to the background)) from a higher kept marker. Variants:
//   window 'own': p is a candidate when it is the highest pixel of its object within Chebyshev s(p);
//   window '3x3': p is a candidate when it is the highest within 1 px (suppression by kept peaks only);
//   spacing 'own': a kept peak q suppresses p when closer than s(p); 'max': closer than max(s(p), s(q));
//   cap: s(p) is at most the global (automatic) min_distance.
// The mask and image come from running the pipeline itself (node 'fill' and 'load'); the surface, the
// watershed and the 10-px area filter are the pipeline's. The 'global' row recomputes the pipeline's own
// markers with src/imaging/declump.ts and must equal its result.
// Finding (2026-11-25, with the two DSB2018 images, NEUBIAS tubulin, mitocheck t1 and PLK1): no variant
// gets dsb2018_256 to F1 >= 0.85 with >= 59 objects without losing quality elsewhere. Variants with
// window 'own' never add a split there; '3x3' ones do (61 objects, F1 0.873 at k 0.75) but then every
// textured large nucleus gets extra edge maxima (512: 0.813, PLK1: 0.29). The reason: in the merged
// clusters the surface has no maximum of its own per nucleus. Pair at rows 41-54, columns 242-252
// (radius ~4 px): the surface maxima of the two nuclei are 2 px apart (47,247)/(49,248); triple at rows
// 225-236, columns 191-202: two nuclei share one maximum ((231,197) and (232,198) are adjacent), the third
// (229,194, distance 3.2) has a higher pixel of its neighbour 2 px away, so it is kept only with
// spacing 1 (k <= 0.47), which over-splits everything else. Run (with the images, each X.tif with X_mask.tif):
//   npx esbuild scripts/explore/declump-local-radius.ts --bundle --platform=node --format=cjs --main-fields=module,main --outfile=/tmp/lr.cjs
//   node /tmp/lr.cjs pipelines/nuclei-declump.json a.tif b.tif ...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Image, Labels, Mask } from '../../src/core/image';
import { runPipeline } from '../../src/core/executor';
import { hashBytes } from '../../src/core/hash';
import { loadPipelineText } from '../../src/core/validate';
import { declump, labelLeftovers, typicalRadius } from '../../src/imaging/declump';
import { distanceTransformEdt } from '../../src/imaging/distance-transform';
import { gaussian } from '../../src/imaging/gaussian';
import { matchObjects } from '../../src/imaging/segmentation-score';
import { watershed } from '../../src/imaging/watershed';
import { decodeImageFile } from '../../src/io/decode';
import { nodeRegistry } from '../../nodes/index';

interface Variant {
  name: string;
  window: 'own' | '3x3';
  spacing: 'own' | 'max';
  cap: boolean;
  k: number;
}

function localRadiusPeaks(surface: Float64Array, distance: Float64Array, comps: Uint32Array, width: number, height: number, globalMin: number, v: Variant): Uint8Array {
  const spacingOf = (i: number) => Math.min(v.cap ? globalMin : Infinity, Math.max(1, Math.round(v.k * distance[i])));
  const candidates: number[] = [];
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const c = comps[i];
      if (!c) continue;
      const s = v.window === '3x3' ? 1 : spacingOf(i);
      let isMax = true;
      for (let yy = Math.max(0, y - s); yy <= Math.min(height - 1, y + s) && isMax; yy++) {
        for (let xx = Math.max(0, x - s); xx <= Math.min(width - 1, x + s); xx++) {
          const j = yy * width + xx;
          if (comps[j] === c && surface[j] > surface[i]) {
            isMax = false;
            break;
          }
        }
      }
      if (isMax) candidates.push(i);
    }
  }
  candidates.sort((a, b) => surface[b] - surface[a] || a - b);
  const out = new Uint8Array(width * height);
  const kept: number[] = [];
  for (const i of candidates) {
    const y = (i / width) | 0;
    const x = i - y * width;
    const close = kept.some((j) => {
      if (comps[j] !== comps[i]) return false;
      const jy = (j / width) | 0;
      const s = v.spacing === 'max' ? Math.max(spacingOf(i), spacingOf(j)) : spacingOf(i);
      return Math.max(Math.abs(jy - y), Math.abs(j - jy * width - x)) < s;
    });
    if (!close) kept.push(i), (out[i] = 1);
  }
  return out;
}

/** The pipeline's declump (method from the pipeline) with local-radius markers, then the 10-px filter. */
function declumpLocal(mask: Uint8Array, smooth: Float64Array | undefined, width: number, height: number, v: Variant): Uint32Array {
  const comps = new Uint32Array(width * height);
  labelLeftovers(mask, comps, width, height, 8, 1);
  const distance = distanceTransformEdt(mask, width, height);
  const globalMin = Math.max(1, Math.round((smooth ? 0.5 : 0.75) * typicalRadius(distance, comps)));
  const surface = smooth ? Float64Array.from(distance, (d, i) => d * smooth[i]) : distance;
  const markers = new Uint32Array(width * height);
  const n = labelLeftovers(localRadiusPeaks(surface, distance, comps, width, height, globalMin, v), markers, width, height, 4, 1);
  const labels = watershed(Float64Array.from(surface, (s) => -s), markers, width, height, { mask, connectivity: 2 });
  labelLeftovers(mask, labels, width, height, 8, n + 1);
  return dropSmall(labels, 10);
}

function dropSmall(labels: Uint32Array, minArea: number): Uint32Array {
  const area = new Map<number, number>();
  for (const l of labels) if (l) area.set(l, (area.get(l) ?? 0) + 1);
  return labels.map((l) => (l && area.get(l)! >= minArea ? l : 0));
}

async function main(): Promise<void> {
  const [pipelinePath, ...images] = process.argv.slice(2);
  const text = readFileSync(pipelinePath, 'utf8');
  const loaded = loadPipelineText(text, nodeRegistry);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const params = JSON.parse(text).nodes.find((n: { id: string }) => n.id === 'declump').params as { method: string; sigma: number };
  const variants: Variant[] = [];
  for (const window of ['own', '3x3'] as const) {
    for (const spacing of ['own', 'max'] as const) {
      for (const cap of [false, true]) {
        for (const k of [0.5, 0.75, 1, 1.25, 1.5]) variants.push({ name: `window ${window} spacing ${spacing} cap ${cap ? 'y' : 'n'} k ${k}`, window, spacing, cap, k });
      }
    }
  }
  const rows = new Map<string, string[]>([['pipeline', []], ['global (recomputed)', []], ...variants.map((v) => [v.name, []] as [string, string[]])]);
  for (const path of images) {
    const bytes = readFileSync(path);
    const result = await runPipeline(loaded.checked, { registry: nodeRegistry, source: { name: basename(path), bytes, hash: hashBytes(bytes) } });
    if (result.error) throw new Error(`${path}: ${JSON.stringify(result.error)}`);
    const maskPath = path.replace(/\.tif$/, '_mask.tif');
    const truth = Uint32Array.from(decodeImageFile(readFileSync(maskPath), maskPath, { maxPixels: 2 ** 26 }).data);
    const score = (labels: ArrayLike<number>) => {
      const m = matchObjects(labels, truth);
      return `${m.f1.toFixed(3)} ${String(m.predicted).padStart(3)}/${String(m.truth).padEnd(3)}`;
    };
    rows.get('pipeline')!.push(score((result.values.get('filter')!.labels as Labels).data));
    const maskImage = result.values.get('fill')!.mask as Mask;
    const { width, height } = maskImage;
    const mask = Uint8Array.from(maskImage.data.subarray(0, width * height));
    const smooth = params.method === 'combined' ? Float64Array.from(gaussian(result.values.get('load')!.image as Image, params.sigma).data) : undefined;
    const method = params.method === 'combined' ? 'combined' : 'shape';
    const global = declump(mask, width, height, { method, minDistance: 0, footprint: 'square', h: 0, connectivity: 8 }, smooth);
    rows.get('global (recomputed)')!.push(score(dropSmall(global.labels, 10)));
    for (const v of variants) rows.get(v.name)!.push(score(declumpLocal(mask, smooth, width, height, v)));
  }
  console.log(`${'markers'.padEnd(38)} | ${images.map((p) => basename(p).slice(0, 14).padEnd(14)).join(' | ')}`);
  for (const [name, cells] of rows) console.log(`${name.padEnd(38)} | ${cells.join(' | ')}`);
}

void main();
