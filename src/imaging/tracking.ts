// Links the 2-D objects of consecutive planes of a label stack (a time-lapse) one to one, so the same
// object keeps one number (CellProfiler TrackObjects, methods Overlap and Distance). Each pair of
// consecutive planes is an assignment problem solved exactly (Hungarian method) on each connected group
// of candidate pairs: 'overlap' maximises the total number of shared pixels (equal totals: the smaller
// total centroid distance); 'distance' minimises the total centroid distance plus maxDistance for every
// object left unlinked. Optionally, gap closing then joins a track that ends to one that starts 1 to
// maxGap planes later nearby (an object missed by the segmentation in a frame or two), again one to one
// and optimal (closeGaps). Measurements follow CellProfiler's per-object TrackObjects features, from
// float centroids (mean column and row), a step across a gap being from the last centroid seen.
import { bestOneToOne } from './assignment';
import { copyMeta, createLabels, type Labels } from '../core/image';

export const TRACKING_METHODS = ['overlap', 'distance'] as const;
export type TrackingMethod = (typeof TRACKING_METHODS)[number];

export interface TrackingOptions {
  method: TrackingMethod;
  /** distance: the largest centroid distance of a link, in pixels. */
  maxDistance: number;
  /** overlap: the fewest shared pixels of a link. */
  minOverlap: number;
  /** Gap closing: the most planes an object may be missing from inside its track (0 or absent: no gap closing). */
  maxGap?: number;
  /** Gap closing: the farthest apart the centroids at the two sides of a gap may be, in pixels. */
  gapDistance?: number;
}

/** One entry per object and plane, planes in order and, within a plane, track labels ascending. */
export interface TrackRows {
  label: Float64Array;
  plane: Float64Array;
  inputLabel: Float64Array;
  parentLabel: Float64Array;
  centroidX: Float64Array;
  centroidY: Float64Array;
  trajectoryX: Float64Array;
  trajectoryY: Float64Array;
  distanceTraveled: Float64Array;
  displacement: Float64Array;
  integratedDistance: Float64Array;
  linearity: Float64Array;
  lifetime: Float64Array;
  finalAge: Float64Array;
  isNew: Float64Array;
  lost: Float64Array;
}

/** The objects of one plane: input labels ascending, their centroids, and each pixel's object (-1: none). */
interface PlaneObjects {
  labels: number[];
  cx: Float64Array;
  cy: Float64Array;
  pixelObject: Int32Array;
}

/** Candidate links between plane p-1 (old) and plane p (new); weight > 0, larger is better. */
interface Candidates {
  old: number[];
  cur: number[];
  weight: number[];
}

function planeObjects(plane: Uint32Array, width: number, slot: Int32Array): PlaneObjects {
  const labels: number[] = [];
  for (let i = 0; i < plane.length; i++) {
    const l = plane[i];
    if (l !== 0 && slot[l] === -1) {
      slot[l] = 0;
      labels.push(l);
    }
  }
  labels.sort((a, b) => a - b);
  labels.forEach((l, k) => (slot[l] = k));
  const area = new Float64Array(labels.length);
  const sx = new Float64Array(labels.length);
  const sy = new Float64Array(labels.length);
  const pixelObject = new Int32Array(plane.length).fill(-1);
  for (let i = 0; i < plane.length; i++) {
    const l = plane[i];
    if (l === 0) continue;
    const k = slot[l];
    pixelObject[i] = k;
    area[k]++;
    sx[k] += i % width;
    sy[k] += Math.floor(i / width);
  }
  for (const l of labels) slot[l] = -1;
  return { labels, cx: sx.map((s, k) => s / area[k]), cy: sy.map((s, k) => s / area[k]), pixelObject };
}

/**
 * Pairs sharing at least minOverlap pixels; weight = shared pixels − ε·(centroid distance), with ε small
 * enough (ε·Σd < 1/2 over any linking) that the distances only break ties between equal total overlaps.
 */
function overlapCandidates(prev: PlaneObjects, cur: PlaneObjects, minOverlap: number): Candidates {
  const n = cur.labels.length;
  const shared = new Map<number, number>();
  for (let i = 0; i < cur.pixelObject.length; i++) {
    const a = prev.pixelObject[i];
    const b = cur.pixelObject[i];
    if (a < 0 || b < 0) continue;
    const key = a * n + b;
    shared.set(key, (shared.get(key) ?? 0) + 1);
  }
  const out: Candidates = { old: [], cur: [], weight: [] };
  const distance: number[] = [];
  let farthest = 0;
  for (const [key, count] of [...shared].sort((x, y) => x[0] - y[0])) {
    if (count < minOverlap) continue;
    const a = Math.floor(key / n);
    const b = key % n;
    const dx = cur.cx[b] - prev.cx[a];
    const dy = cur.cy[b] - prev.cy[a];
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d > farthest) farthest = d;
    out.old.push(a);
    out.cur.push(b);
    out.weight.push(count);
    distance.push(d);
  }
  const epsilon = 1 / (2 * Math.min(prev.labels.length, n) * farthest + 1);
  out.weight = out.weight.map((w, k) => w - epsilon * distance[k]);
  return out;
}

/** Pairs within maxDistance; weight 2·maxDistance − d, so the best linking minimises Σd + maxDistance·(unlinked objects). */
function distanceCandidates(prev: PlaneObjects, cur: PlaneObjects, maxDistance: number): Candidates {
  const out: Candidates = { old: [], cur: [], weight: [] };
  for (let a = 0; a < prev.labels.length; a++) {
    for (let b = 0; b < cur.labels.length; b++) {
      const dx = cur.cx[b] - prev.cx[a];
      const dy = cur.cy[b] - prev.cy[a];
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d > maxDistance) continue;
      out.old.push(a);
      out.cur.push(b);
      out.weight.push(2 * maxDistance - d);
    }
  }
  return out;
}

/**
 * For each new object, the old object it is linked to (-1: none): the one-to-one set of candidate pairs
 * with the largest total weight.
 */
function linkCandidates(c: Candidates, nOld: number, nNew: number): Int32Array {
  const link = new Int32Array(nNew).fill(-1);
  const pairs = c.old.map((a, k) => ({ row: a, col: c.cur[k], weight: c.weight[k] }));
  for (const k of bestOneToOne(pairs, nOld, nNew)) link[c.cur[k]] = c.old[k];
  return link;
}

/** For each new object, the old candidate with the largest weight (ties: the lower old), -1 if none. */
function bestCandidate(c: Candidates, nNew: number): Int32Array {
  const best = new Int32Array(nNew).fill(-1);
  const weight = new Float64Array(nNew);
  c.cur.forEach((b, k) => {
    const w = c.weight[k];
    if (w > weight[b] || (w === weight[b] && c.old[k] < best[b])) {
      weight[b] = w;
      best[b] = c.old[k];
    }
  });
  return best;
}

/** Tracks the objects of `labels` (planes = frames) from plane to plane; see the file comment. */
export function trackObjects(labels: Labels, options: TrackingOptions): { labels: Labels; rows: TrackRows } {
  const { width, height, planes } = labels;
  const n = width * height;
  let maxLabel = 0;
  for (let i = 0; i < labels.data.length; i++) if (labels.data[i] > maxLabel) maxLabel = labels.data[i];
  const slot = new Int32Array(maxLabel + 1).fill(-1);

  // 1. consecutive planes linked one to one; each object's link (-1: none) and best candidate (for parent_label)
  const objects: Omit<PlaneObjects, 'pixelObject'>[] = [];
  const links: Int32Array[] = [];
  const candidates: Int32Array[] = [];
  let prev: PlaneObjects | undefined;
  for (let p = 0; p < planes; p++) {
    const cur = planeObjects(labels.data.subarray(p * n, (p + 1) * n), width, slot);
    const m = cur.labels.length;
    let link: Int32Array = new Int32Array(m).fill(-1);
    let candidate: Int32Array = link;
    if (prev && prev.labels.length > 0 && m > 0) {
      const c = options.method === 'overlap' ? overlapCandidates(prev, cur, options.minOverlap) : distanceCandidates(prev, cur, options.maxDistance);
      link = linkCandidates(c, prev.labels.length, m);
      candidate = bestCandidate(c, m);
    }
    objects.push({ labels: cur.labels, cx: cur.cx, cy: cur.cy });
    links.push(link);
    candidates.push(candidate);
    prev = cur;
  }

  // 2. segments: runs of linked objects, numbered in order of first appearance
  const segment: Int32Array[] = [];
  const first: [number, number][] = [];
  const last: [number, number][] = [];
  for (let p = 0; p < planes; p++) {
    const ids = new Int32Array(objects[p].labels.length);
    links[p].forEach((a, b) => {
      ids[b] = a >= 0 ? segment[p - 1][a] : first.push([p, b]) - 1;
      last[ids[b]] = [p, b];
    });
    segment.push(ids);
  }

  // 3. gap closing: a segment's end joined to a later segment's start; then tracks = chains of segments
  const before = closeGaps(objects, first, last, planes, options);
  const trackOfSegment = new Int32Array(first.length);
  let tracks = 0;
  // a segment's predecessor starts earlier, so it has a lower number and its track is known
  for (let s = 0; s < first.length; s++) trackOfSegment[s] = before[s] >= 0 ? trackOfSegment[before[s]] : ++tracks;

  // 4. rows, plane by plane, by track label; the stack relabelled with track labels
  const cols: Record<keyof TrackRows, number[]> = {
    label: [], plane: [], inputLabel: [], parentLabel: [], centroidX: [], centroidY: [], trajectoryX: [], trajectoryY: [],
    distanceTraveled: [], displacement: [], integratedDistance: [], linearity: [], lifetime: [], finalAge: [], isNew: [], lost: [],
  };
  const seen = new Uint8Array(tracks + 1);
  const startX = new Float64Array(tracks + 1);
  const startY = new Float64Array(tracks + 1);
  const startPlane = new Int32Array(tracks + 1);
  const lastX = new Float64Array(tracks + 1);
  const lastY = new Float64Array(tracks + 1);
  const integrated = new Float64Array(tracks + 1);
  const lastRow = new Int32Array(tracks + 1);
  const out = new Uint32Array(labels.data.length);
  for (let p = 0; p < planes; p++) {
    const { labels: inputLabels, cx, cy } = objects[p];
    const track = Array.from(segment[p], (s) => trackOfSegment[s]);
    const order = Array.from(track.keys()).sort((x, y) => track[x] - track[y]);
    for (const b of order) {
      const t = track[b];
      const isNew = !seen[t];
      let dx = 0;
      let dy = 0;
      if (isNew) {
        seen[t] = 1;
        startX[t] = cx[b];
        startY[t] = cy[b];
        startPlane[t] = p;
      } else {
        dx = cx[b] - lastX[t];
        dy = cy[b] - lastY[t];
        integrated[t] += Math.sqrt(dx * dx + dy * dy);
      }
      lastX[t] = cx[b];
      lastY[t] = cy[b];
      const ex = cx[b] - startX[t];
      const ey = cy[b] - startY[t];
      const displacement = Math.sqrt(ex * ex + ey * ey);
      const parent = candidates[p][b];
      lastRow[t] = cols.label.length;
      cols.label.push(t);
      cols.plane.push(p);
      cols.inputLabel.push(inputLabels[b]);
      cols.parentLabel.push(!isNew ? t : parent >= 0 ? trackOfSegment[segment[p - 1][parent]] : 0);
      cols.centroidX.push(cx[b]);
      cols.centroidY.push(cy[b]);
      cols.trajectoryX.push(dx);
      cols.trajectoryY.push(dy);
      cols.distanceTraveled.push(Math.sqrt(dx * dx + dy * dy));
      cols.displacement.push(displacement);
      cols.integratedDistance.push(integrated[t]);
      cols.linearity.push(displacement / integrated[t]);
      cols.lifetime.push(p - startPlane[t] + 1);
      cols.finalAge.push(NaN);
      cols.isNew.push(isNew ? 1 : 0);
      cols.lost.push(0);
    }
    inputLabels.forEach((l, b) => (slot[l] = track[b]));
    for (let i = p * n; i < (p + 1) * n; i++) if (labels.data[i] !== 0) out[i] = slot[labels.data[i]];
    for (const l of inputLabels) slot[l] = -1;
  }
  // a track's last row: its final age, and lost when that is before the last plane
  for (let t = 1; t <= tracks; t++) {
    const r = lastRow[t];
    cols.finalAge[r] = cols.lifetime[r];
    if (cols.plane[r] < planes - 1) cols.lost[r] = 1;
  }
  const rows = Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])) as unknown as TrackRows;
  return { labels: createLabels({ width, height, planes }, out, tracks, copyMeta(labels.meta)), rows };
}

/**
 * For each segment, the earlier segment it continues across a gap (-1: none). A segment ending at plane e
 * (before the last plane) can be continued by one starting at plane s with 2 <= s − e <= maxGap + 1 (1 to
 * maxGap planes missing) whose first centroid lies within gapDistance of the end's last; the joins are one
 * to one and minimise the total distance plus gapDistance for every end or start left unjoined (as the
 * distance method links consecutive planes).
 */
function closeGaps(
  objects: Omit<PlaneObjects, 'pixelObject'>[], first: [number, number][], last: [number, number][], planes: number, options: TrackingOptions,
): Int32Array {
  const before = new Int32Array(first.length).fill(-1);
  const maxGap = options.maxGap ?? 0;
  const reach = options.gapDistance ?? 0;
  if (maxGap < 1 || !(reach > 0)) return before;
  const ends = last.map((_, s) => s).filter((s) => last[s][0] <= planes - 3);
  const starts = first.map((_, s) => s).filter((s) => first[s][0] >= 2);
  // the starts of each plane (as columns), so an end only meets the starts 2 to maxGap + 1 planes later
  const startsIn: number[][] = Array.from({ length: planes }, () => []);
  starts.forEach((s, col) => startsIn[first[s][0]].push(col));
  const pairs: { row: number; col: number; weight: number }[] = [];
  ends.forEach((e, row) => {
    const [pe, be] = last[e];
    for (let ps = pe + 2; ps <= Math.min(pe + maxGap + 1, planes - 1); ps++) {
      for (const col of startsIn[ps]) {
        const bs = first[starts[col]][1];
        const dx = objects[ps].cx[bs] - objects[pe].cx[be];
        const dy = objects[ps].cy[bs] - objects[pe].cy[be];
        const d = Math.sqrt(dx * dx + dy * dy);
        if (d <= reach) pairs.push({ row, col, weight: 2 * reach - d });
      }
    }
  });
  for (const k of bestOneToOne(pairs, ends.length, starts.length)) before[starts[pairs[k].col]] = ends[pairs[k].row];
  return before;
}
