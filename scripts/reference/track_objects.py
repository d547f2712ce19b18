"""Reference for track-objects (src/imaging/tracking.ts, nodes/stack/track-objects.ts), written out
independently with NumPy and scipy.optimize.linear_sum_assignment.

The definition (the node's description):
  - each pair of consecutive planes is linked one to one by an optimal assignment over the whole matrix of
    (previous object, current object) pairs:
      overlap   weight = shared pixels - eps * d, a pair allowed when it shares >= min_overlap pixels, d the
                distance between centroids (mean column, mean row) and eps = 1 / (2 K D + 1), K the smaller
                object count of the two planes and D the largest d of an allowed pair: so eps * sum(d) < 1/2
                and, among linkings of equal total overlap, the one with the smallest total distance wins
      distance  weight = 2 * max_distance - d, a pair allowed when d <= max_distance; maximising the sum
                minimises sum(d over links) + max_distance * (objects left unlinked in either plane)
    pairs that are not allowed have weight 0 and are dropped from the assignment;
  - the assignment is checked to be the only optimum (forbidding any chosen pair lowers the total), so the
    result does not depend on how an algorithm breaks ties;
  - a current object without a link starts a new track; new track labels are given in order of first
    appearance (first plane in input-label order, then each plane's new objects in input-label order);
  - per row (object, plane), rows by plane then track label: label, plane, input_label, parent_label (the
    linked object's track, else the allowed previous object of largest weight, lowest object on a tie, else
    0), centroid_x/_y, trajectory_x/_y and distance_traveled (step from the linked object, 0 when new),
    displacement (from the track's first centroid), integrated_distance (sum of steps), linearity
    (displacement / integrated_distance, NaN for 0/0), lifetime, final_age (lifetime on a track's last row,
    NaN elsewhere), new, lost (1 on the last row of a track that ends before the last plane).

Cases:
  membrane   test-data/images/membrane_2d_timelapse_crop.tif (5 frames, 192 x 192 uint16; frames 0-4,
             rows 16:208, columns 48:240 of BioImageAnalysisNotebooks' membrane_2d_timelapse.tif, CC BY 4.0,
             courtesy of Sascha M. Kuhn, Nadler Lab, MPI-CBG), segmented as the test does with nodes:
             threshold_li over the whole stack, objects dark (value <= threshold), skimage.measure.label per
             plane with connectivity 1 (4-connected), numbering continued across planes, then objects kept
             when 100 <= area <= 5000 and not touching the image edge, renumbered 1..n in order. Both
             methods (overlap, min_overlap 1; distance, max_distance 20).
  crowded    a synthetic crowded sequence (random tiling of 96 x 96 pixels, 40 seeds moving by random steps
             over 6 frames, fixed seed) where many objects compete, for both methods (overlap min_overlap 1;
             distance max_distance 12).

Writes test-data/reference/tracking/: membrane_labels.npy (uint8, the segmentation), crowded_labels.npy
(uint8) and tracking.json (per case and method: params, the table as columns, NaN as null). The tracked
label images are the input labels mapped through the table's (plane, input_label) -> label; the script
checks its own relabelled stacks against that mapping. Run with /usr/bin/python3 (SciPy 1.10, scikit-image
0.19.3).
"""
import json
import math
import pathlib

import numpy as np
import tifffile
from scipy.optimize import linear_sum_assignment
from skimage import filters, measure

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGE = ROOT / 'test-data' / 'images' / 'membrane_2d_timelapse_crop.tif'
SOURCE = ROOT.parent / 'shared' / 'data' / 'bioimageanalysisnotebooks' / 'data' / 'membrane_2d_timelapse.tif'
OUT = ROOT / 'test-data' / 'reference' / 'tracking'


def membrane_stack():
    if not IMAGE.exists():  # made once from the shared data set; committed with the tests
        crop = np.ascontiguousarray(tifffile.imread(SOURCE)[:, 16:208, 48:240])
        tifffile.imwrite(IMAGE, crop, imagej=True, metadata={'axes': 'TYX'})
    return tifffile.imread(IMAGE)


def segment_membrane(stack):
    t = filters.threshold_li(stack)
    out = np.zeros(stack.shape, np.int64)
    offset = 0
    for p, plane in enumerate(stack):
        lab = measure.label(plane <= t, connectivity=1)
        out[p] = np.where(lab > 0, lab + offset, 0)
        offset += lab.max()
    areas = np.bincount(out.ravel())
    edge = np.zeros(len(areas), bool)
    for p in range(out.shape[0]):
        edge[np.concatenate([out[p, 0], out[p, -1], out[p, :, 0], out[p, :, -1]])] = True
    keep = (areas >= 100) & (areas <= 5000) & ~edge
    keep[0] = False
    remap = np.zeros(len(areas), np.int64)
    remap[keep] = np.arange(1, keep.sum() + 1)
    return remap[out], float(t)


def crowded_stack(rng, size=96, seeds=40, frames=6, step=3.0, background=7.0):
    pts = rng.uniform(8, size - 8, (seeds, 2))
    yy, xx = np.mgrid[0:size, 0:size]
    out = np.zeros((frames, size, size), np.int64)
    offset = 0
    for p in range(frames):
        alive = rng.uniform(size=seeds) > 0.08  # some objects vanish for a frame
        d = np.hypot(yy[..., None] - pts[alive, 0], xx[..., None] - pts[alive, 1])
        lab = np.argmin(d, axis=2) + 1
        lab[np.min(d, axis=2) > background] = 0
        lab = measure.label(lab, background=0, connectivity=1)
        out[p] = np.where(lab > 0, lab + offset, 0)
        offset += lab.max()
        pts = np.clip(pts + rng.normal(0, step, pts.shape), 4, size - 4)
    return out


def plane_objects(plane):
    labels = np.unique(plane)
    labels = labels[labels > 0]
    ys, xs = np.nonzero(plane)
    values = plane[ys, xs]
    index = np.searchsorted(labels, values)
    area = np.bincount(index, minlength=len(labels)).astype(np.float64)
    cx = np.bincount(index, weights=xs.astype(np.float64), minlength=len(labels)) / area
    cy = np.bincount(index, weights=ys.astype(np.float64), minlength=len(labels)) / area
    full = np.full(plane.shape, -1, np.int64)
    full[ys, xs] = index
    return labels, cx, cy, full


def weights(prev, cur, method, max_distance, min_overlap):
    _, pcx, pcy, pidx = prev
    labels, cx, cy, idx = cur
    dx = cx[None, :] - pcx[:, None]
    dy = cy[None, :] - pcy[:, None]
    d = np.sqrt(dx * dx + dy * dy)
    if method == 'overlap':
        both = (pidx >= 0) & (idx >= 0)
        shared = np.zeros((len(pcx), len(cx)))
        np.add.at(shared, (pidx[both], idx[both]), 1)
        allowed = shared >= max(min_overlap, 1)
        farthest = d[allowed].max() if allowed.any() else 0.0
        epsilon = 1 / (2 * min(len(pcx), len(cx)) * farthest + 1)
        return np.where(allowed, shared - epsilon * d, 0.0)
    return np.where(d <= max_distance, 2 * max_distance - d, 0.0)


def assign(w):
    r, c = linear_sum_assignment(w, maximize=True)
    chosen = [(i, j) for i, j in zip(r, c) if w[i, j] > 0]
    total = sum(w[i, j] for i, j in chosen)
    for i, j in chosen:  # the optimum must be unique
        w2 = w.copy()
        w2[i, j] = 0
        r2, c2 = linear_sum_assignment(w2, maximize=True)
        assert total - w2[r2, c2].sum() > 1e-9 * max(1.0, total), f'tie in the assignment at pair {(i, j)}'
    return chosen


def plane_links(prev, cur, method, max_distance, min_overlap):
    """For each object of cur, the object of prev it is linked to and its parent candidate (-1: none)."""
    m = len(cur[0])
    link = np.full(m, -1)
    parent = np.full(m, -1)
    if prev is not None and len(prev[0]) and m:
        w = weights(prev, cur, method, max_distance, min_overlap)
        for i, j in assign(w):
            link[j] = i
        for j in range(m):
            parent[j] = link[j] if link[j] >= 0 else (int(np.argmax(w[:, j])) if w[:, j].max() > 0 else -1)
    return link, parent


def track(stack, method, max_distance=50.0, min_overlap=1):
    rows = {k: [] for k in ['label', 'plane', 'input_label', 'parent_label', 'centroid_x', 'centroid_y',
                            'trajectory_x', 'trajectory_y', 'distance_traveled', 'displacement',
                            'integrated_distance', 'linearity', 'lifetime', 'final_age', 'new', 'lost']}
    tracked = np.zeros(stack.shape, np.int64)
    next_track = 1
    prev = prev_track = prev_rows = None
    for p, plane in enumerate(stack):
        cur = plane_objects(plane)
        labels, cx, cy, idx = cur
        m = len(labels)
        link, parent = plane_links(prev, cur, method, max_distance, min_overlap)
        track_of = np.zeros(m, np.int64)
        start = np.zeros((m, 2))
        integrated = np.zeros(m)
        lifetime = np.ones(m)
        for j in range(m):
            i = link[j]
            if i >= 0:
                track_of[j], start[j], lifetime[j] = prev_track['track'][i], prev_track['start'][i], prev_track['lifetime'][i] + 1
                dx, dy = cx[j] - prev[1][i], cy[j] - prev[2][i]
                integrated[j] = prev_track['integrated'][i] + math.sqrt(dx * dx + dy * dy)
            else:
                track_of[j] = next_track
                next_track += 1
                start[j] = (cx[j], cy[j])
        if prev is not None:
            for i in set(range(len(prev[0]))) - set(link[link >= 0].tolist()):
                rows['lost'][prev_rows[i]] = 1
                rows['final_age'][prev_rows[i]] = prev_track['lifetime'][i]
        row_of = np.zeros(m, np.int64)
        for j in sorted(range(m), key=lambda j: track_of[j]):
            i = link[j]
            dx, dy = (cx[j] - prev[1][i], cy[j] - prev[2][i]) if i >= 0 else (0.0, 0.0)
            ex, ey = cx[j] - start[j][0], cy[j] - start[j][1]
            disp = math.sqrt(ex * ex + ey * ey)
            row_of[j] = len(rows['label'])
            rows['label'].append(int(track_of[j]))
            rows['plane'].append(p)
            rows['input_label'].append(int(labels[j]))
            rows['parent_label'].append(int(prev_track['track'][parent[j]]) if parent[j] >= 0 else 0)
            rows['centroid_x'].append(float(cx[j]))
            rows['centroid_y'].append(float(cy[j]))
            rows['trajectory_x'].append(float(dx))
            rows['trajectory_y'].append(float(dy))
            rows['distance_traveled'].append(math.sqrt(dx * dx + dy * dy))
            rows['displacement'].append(disp)
            rows['integrated_distance'].append(float(integrated[j]))
            rows['linearity'].append(disp / integrated[j] if integrated[j] != 0 else math.nan)
            rows['lifetime'].append(float(lifetime[j]))
            rows['final_age'].append(float(lifetime[j]) if p == len(stack) - 1 else math.nan)
            rows['new'].append(0 if i >= 0 else 1)
            rows['lost'].append(0)
        tracked[p] = np.where(idx >= 0, track_of[np.maximum(idx, 0)], 0)
        prev = cur
        prev_track = {'track': track_of, 'start': start, 'integrated': integrated, 'lifetime': lifetime}
        prev_rows = row_of
    # the relabelled stack is the input mapped through (plane, input_label) -> label
    mapped = np.zeros_like(tracked)
    for label, p, inp in zip(rows['label'], rows['plane'], rows['input_label']):
        mapped[p][stack[p] == inp] = label
    assert (mapped == tracked).all()
    return rows


def track_with_gaps(stack, method, max_distance=50.0, min_overlap=1, max_gap=0, gap_distance=0.0):
    """The same tracking built the other way round (links first, then segments, gap closing, chains,
    then the rows); with max_gap 0 it must give track()'s rows (checked in main)."""
    planes = len(stack)
    objs, links, parents = [], [], []
    prev = None
    for plane in stack:
        cur = plane_objects(plane)
        link, parent = plane_links(prev, cur, method, max_distance, min_overlap)
        objs.append(cur)
        links.append(link)
        parents.append(parent)
        prev = cur
    # segments in order of first appearance
    seg, first, last = [], [], []
    for p in range(planes):
        ids = np.zeros(len(objs[p][0]), np.int64)
        for b, a in enumerate(links[p]):
            if a >= 0:
                ids[b] = seg[p - 1][a]
            else:
                ids[b] = len(first)
                first.append((p, b))
                last.append(None)
            last[ids[b]] = (p, b)
        seg.append(ids)
    # gap closing over (segment end, later segment start) pairs: 2 <= planes apart <= max_gap + 1
    before = [-1] * len(first)
    if max_gap >= 1 and gap_distance > 0:
        ends = [e for e in range(len(first)) if last[e][0] <= planes - 3]
        starts = [t for t in range(len(first)) if first[t][0] >= 2]
        w = np.zeros((len(ends), len(starts)))
        for r, e in enumerate(ends):
            pe, be = last[e]
            for c, t in enumerate(starts):
                ps, bs = first[t]
                if not 2 <= ps - pe <= max_gap + 1:
                    continue
                dx, dy = objs[ps][1][bs] - objs[pe][1][be], objs[ps][2][bs] - objs[pe][2][be]
                d = math.sqrt(dx * dx + dy * dy)
                if d <= gap_distance:
                    w[r, c] = 2 * gap_distance - d
        if w.size and w.max() > 0:
            for r, c in assign(w):
                before[starts[c]] = ends[r]
    # tracks: chains of segments, numbered by their first segment
    track_of_seg = []
    for t in range(len(first)):
        track_of_seg.append(track_of_seg[before[t]] if before[t] >= 0 else max(track_of_seg, default=0) + 1)
    rows = {k: [] for k in ['label', 'plane', 'input_label', 'parent_label', 'centroid_x', 'centroid_y',
                            'trajectory_x', 'trajectory_y', 'distance_traveled', 'displacement',
                            'integrated_distance', 'linearity', 'lifetime', 'final_age', 'new', 'lost']}
    state = {}
    for p in range(planes):
        labels, cx, cy, _ = objs[p]
        tracks = [track_of_seg[s] for s in seg[p]]
        for b in sorted(range(len(labels)), key=lambda b: tracks[b]):
            t = tracks[b]
            new = t not in state
            if new:
                state[t] = {'start': (cx[b], cy[b], p), 'integrated': 0.0}
                dx = dy = 0.0
            else:
                dx, dy = cx[b] - state[t]['last'][0], cy[b] - state[t]['last'][1]
                state[t]['integrated'] += math.sqrt(dx * dx + dy * dy)
            state[t]['last'] = (cx[b], cy[b])
            state[t]['row'] = len(rows['label'])
            sx, sy, sp = state[t]['start']
            ex, ey = cx[b] - sx, cy[b] - sy
            disp = math.sqrt(ex * ex + ey * ey)
            integ = state[t]['integrated']
            par = parents[p][b]
            rows['label'].append(int(t))
            rows['plane'].append(p)
            rows['input_label'].append(int(labels[b]))
            rows['parent_label'].append(int(t) if not new else (int(track_of_seg[seg[p - 1][par]]) if par >= 0 else 0))
            rows['centroid_x'].append(float(cx[b]))
            rows['centroid_y'].append(float(cy[b]))
            rows['trajectory_x'].append(float(dx))
            rows['trajectory_y'].append(float(dy))
            rows['distance_traveled'].append(math.sqrt(dx * dx + dy * dy))
            rows['displacement'].append(disp)
            rows['integrated_distance'].append(integ)
            rows['linearity'].append(disp / integ if integ != 0 else math.nan)
            rows['lifetime'].append(float(p - sp + 1))
            rows['final_age'].append(math.nan)
            rows['new'].append(1 if new else 0)
            rows['lost'].append(0)
    for t, st in state.items():
        r = st['row']
        rows['final_age'][r] = rows['lifetime'][r]
        if rows['plane'][r] < planes - 1:
            rows['lost'][r] = 1
    return rows


def same_rows(a, b):
    return all(len(a[k]) == len(b[k]) and all((x == y) or (isinstance(x, float) and math.isnan(x) and math.isnan(y))
                                               for x, y in zip(a[k], b[k])) for k in a)


def jsonable(rows):
    return {k: [None if isinstance(v, float) and math.isnan(v) else v for v in vs] for k, vs in rows.items()}


def summary(rows, planes):
    lab, plane, new, parent, lost = (np.array(rows[k]) for k in ['label', 'plane', 'new', 'parent_label', 'lost'])
    return {
        'tracks': int(lab.max()),
        'objects_per_plane': [int((plane == p).sum()) for p in range(planes)],
        'new_after_first': int(new[plane > 0].sum()),
        'new_with_parent': int(((new == 1) & (parent > 0)).sum()),
        'lost': int(lost.sum()),
        'full_length_tracks': int(sum(1 for t in np.unique(lab) if (lab == t).sum() == planes)),
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    result = {}
    seg, t = segment_membrane(membrane_stack())
    assert seg.max() < 256
    np.save(OUT / 'membrane_labels.npy', seg.astype(np.uint8))
    result['membrane'] = {'threshold_li': t, 'labels': 'membrane_labels.npy', 'methods': {}}
    crowded = crowded_stack(np.random.default_rng(20240611))
    assert crowded.max() < 256
    np.save(OUT / 'crowded_labels.npy', crowded.astype(np.uint8))
    result['crowded'] = {'labels': 'crowded_labels.npy', 'methods': {}}
    for case, stack, params in [
        ('membrane', seg, {'overlap': {'min_overlap': 1}, 'distance': {'max_distance': 20}}),
        ('crowded', crowded, {'overlap': {'min_overlap': 1}, 'distance': {'max_distance': 12}}),
    ]:
        for method, p in params.items():
            rows = track(stack, method, max_distance=p.get('max_distance', 50.0), min_overlap=p.get('min_overlap', 1))
            assert same_rows(rows, track_with_gaps(stack, method, max_distance=p.get('max_distance', 50.0), min_overlap=p.get('min_overlap', 1)))
            result[case]['methods'][method] = {'params': p, 'summary': summary(rows, len(stack)), 'table': jsonable(rows)}
            print(case, method, result[case]['methods'][method]['summary'])
    # gap closing: the crowded sequence (objects vanish for a frame at random) and the membrane movie with
    # one cell of a whole-length track taken out of frame 2 (it must come back as the same track)
    result['crowded']['gaps'] = {}
    for name, method, p in [
        ('overlap_gap1', 'overlap', {'min_overlap': 1, 'max_gap': 1, 'gap_distance': 10}),
        ('distance_gap1', 'distance', {'max_distance': 12, 'max_gap': 1, 'gap_distance': 12}),
        ('distance_gap2', 'distance', {'max_distance': 12, 'max_gap': 2, 'gap_distance': 15}),
    ]:
        rows = track_with_gaps(crowded, method, max_distance=p.get('max_distance', 50.0), min_overlap=p.get('min_overlap', 1),
                               max_gap=p['max_gap'], gap_distance=p['gap_distance'])
        result['crowded']['gaps'][name] = {'method': method, 'params': p, 'summary': summary(rows, len(crowded)), 'table': jsonable(rows)}
        print('crowded', name, result['crowded']['gaps'][name]['summary'])
    full = result['membrane']['methods']['overlap']['table']
    lengths = np.bincount(full['label'])
    chosen = min(i for l, pl, i in zip(full['label'], full['plane'], full['input_label']) if pl == 2 and lengths[l] == len(seg))
    holed = seg.copy()
    holed[2][holed[2] == chosen] = 0
    p = {'min_overlap': 1, 'max_gap': 1, 'gap_distance': 20}
    rows = track_with_gaps(holed, 'overlap', min_overlap=1, max_gap=1, gap_distance=20)
    result['membrane']['gap'] = {'removed': {'plane': 2, 'input_label': int(chosen)}, 'method': 'overlap', 'params': p,
                                 'summary': summary(rows, len(seg)), 'table': jsonable(rows)}
    print('membrane gap', result['membrane']['gap']['removed'], result['membrane']['gap']['summary'])
    (OUT / 'tracking.json').write_text(json.dumps(result) + '\n')


if __name__ == '__main__':
    main()
