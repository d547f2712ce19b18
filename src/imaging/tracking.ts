// Links the 2-D objects of consecutive planes of a label stack (a time-lapse) one to one, so the same
// object keeps one number (CellProfiler TrackObjects, methods Overlap and Distance). Each pair of
// consecutive planes is an assignment problem solved exactly (Hungarian method) on each connected group
// of candidate pairs: 'overlap' maximises the total number of shared pixels (equal totals: the smaller
// total centroid distance); 'distance' minimises the total centroid distance plus maxDistance for every
// object left unlinked. Measurements follow CellProfiler's per-object TrackObjects features, from float
// centroids (mean column and row).
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

/** Per tracked object of one plane: what the next plane needs to continue its track. */
interface TrackState {
  track: Int32Array;
  startX: Float64Array;
  startY: Float64Array;
  integrated: Float64Array;
  lifetime: Float64Array;
  /** Row index in the output of each object, to set `lost` and `final_age` once the next plane is linked. */
  row: Int32Array;
}

/** The track state of the current plane's objects: linked ones continue their old track, others start one. */
function continueTracks(cur: PlaneObjects, prev: PlaneObjects | undefined, prevState: TrackState | undefined, link: Int32Array, newTrack: () => number): TrackState {
  const m = cur.labels.length;
  const state: TrackState = {
    track: new Int32Array(m), startX: new Float64Array(m), startY: new Float64Array(m),
    integrated: new Float64Array(m), lifetime: new Float64Array(m), row: new Int32Array(m),
  };
  for (let b = 0; b < m; b++) {
    const a = link[b];
    if (a >= 0 && prev && prevState) {
      const dx = cur.cx[b] - prev.cx[a];
      const dy = cur.cy[b] - prev.cy[a];
      state.track[b] = prevState.track[a];
      state.startX[b] = prevState.startX[a];
      state.startY[b] = prevState.startY[a];
      state.integrated[b] = prevState.integrated[a] + Math.sqrt(dx * dx + dy * dy);
      state.lifetime[b] = prevState.lifetime[a] + 1;
    } else {
      state.track[b] = newTrack();
      state.startX[b] = cur.cx[b];
      state.startY[b] = cur.cy[b];
      state.lifetime[b] = 1;
    }
  }
  return state;
}

/** Tracks the objects of `labels` (planes = frames) from plane to plane; see the file comment. */
export function trackObjects(labels: Labels, options: TrackingOptions): { labels: Labels; rows: TrackRows } {
  const { width, height, planes } = labels;
  const n = width * height;
  let maxLabel = 0;
  for (let i = 0; i < labels.data.length; i++) if (labels.data[i] > maxLabel) maxLabel = labels.data[i];
  const slot = new Int32Array(maxLabel + 1).fill(-1);
  const out = new Uint32Array(labels.data.length);
  const cols: Record<keyof TrackRows, number[]> = {
    label: [], plane: [], inputLabel: [], parentLabel: [], centroidX: [], centroidY: [], trajectoryX: [], trajectoryY: [],
    distanceTraveled: [], displacement: [], integratedDistance: [], linearity: [], lifetime: [], finalAge: [], isNew: [], lost: [],
  };
  let nextTrack = 1;
  let prev: PlaneObjects | undefined;
  let prevState: TrackState | undefined;
  for (let p = 0; p < planes; p++) {
    const plane = labels.data.subarray(p * n, (p + 1) * n);
    const cur = planeObjects(plane, width, slot);
    const m = cur.labels.length;
    let link: Int32Array = new Int32Array(m).fill(-1);
    let candidate: Int32Array = link;
    if (prev && prev.labels.length > 0 && m > 0) {
      const c = options.method === 'overlap' ? overlapCandidates(prev, cur, options.minOverlap) : distanceCandidates(prev, cur, options.maxDistance);
      link = linkCandidates(c, prev.labels.length, m);
      candidate = bestCandidate(c, m);
    }
    const state = continueTracks(cur, prev, prevState, link, () => nextTrack++);
    // an old object not continued ends its track in the previous plane
    if (prevState) {
      const continued = new Uint8Array(prevState.track.length);
      for (const a of link) if (a >= 0) continued[a] = 1;
      continued.forEach((c, a) => {
        if (c) return;
        cols.lost[prevState!.row[a]] = 1;
        cols.finalAge[prevState!.row[a]] = prevState!.lifetime[a];
      });
    }
    const order = Array.from({ length: m }, (_, b) => b).sort((x, y) => state.track[x] - state.track[y]);
    for (const b of order) {
      const a = link[b];
      const linked = a >= 0 && prev !== undefined;
      const dx = linked ? cur.cx[b] - prev!.cx[a] : 0;
      const dy = linked ? cur.cy[b] - prev!.cy[a] : 0;
      const ex = cur.cx[b] - state.startX[b];
      const ey = cur.cy[b] - state.startY[b];
      const displacement = Math.sqrt(ex * ex + ey * ey);
      const parentOld = linked ? a : candidate[b];
      state.row[b] = cols.label.length;
      cols.label.push(state.track[b]);
      cols.plane.push(p);
      cols.inputLabel.push(cur.labels[b]);
      cols.parentLabel.push(parentOld >= 0 && prevState ? prevState.track[parentOld] : 0);
      cols.centroidX.push(cur.cx[b]);
      cols.centroidY.push(cur.cy[b]);
      cols.trajectoryX.push(dx);
      cols.trajectoryY.push(dy);
      cols.distanceTraveled.push(Math.sqrt(dx * dx + dy * dy));
      cols.displacement.push(displacement);
      cols.integratedDistance.push(state.integrated[b]);
      cols.linearity.push(displacement / state.integrated[b]);
      cols.lifetime.push(state.lifetime[b]);
      cols.finalAge.push(p === planes - 1 ? state.lifetime[b] : NaN);
      cols.isNew.push(linked ? 0 : 1);
      cols.lost.push(0);
    }
    for (let i = 0; i < n; i++) {
      const k = cur.pixelObject[i];
      if (k >= 0) out[p * n + i] = state.track[k];
    }
    prev = cur;
    prevState = state;
  }
  const rows = Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])) as unknown as TrackRows;
  return { labels: createLabels({ width, height, planes }, out, nextTrack - 1, copyMeta(labels.meta)), rows };
}
