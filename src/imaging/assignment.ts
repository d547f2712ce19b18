// One-to-one pairing of the best total weight among candidate pairs, by the Hungarian method on each
// connected group of candidates; shared by object matching against ground truth (segmentation-score.ts)
// and frame-to-frame tracking (tracking.ts).

/** A candidate pair of row `row` and column `col`, worth `weight` (> 0). */
export interface WeightedPair {
  row: number;
  col: number;
  weight: number;
}

/**
 * The one-to-one subset of `pairs` with the largest total weight, as indices into `pairs` (rows are
 * 0…rowCount−1, columns 0…colCount−1). Each connected group of candidates is solved on its own (a lone
 * pair is taken), its rows and columns in ascending order, so among equal totals the lower-numbered
 * partner is paired.
 */
export function bestOneToOne(pairs: WeightedPair[], rowCount: number, colCount: number): number[] {
  const parent = Int32Array.from({ length: rowCount + colCount }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const p of pairs) parent[root(p.row)] = root(rowCount + p.col);
  const groups = new Map<number, number[]>();
  pairs.forEach((p, k) => {
    const r = root(p.row);
    const g = groups.get(r);
    if (g) g.push(k);
    else groups.set(r, [k]);
  });
  const chosen: number[] = [];
  for (const g of groups.values()) {
    if (g.length === 1) {
      chosen.push(g[0]);
      continue;
    }
    const rowIds = [...new Set(g.map((k) => pairs[k].row))].sort((x, y) => x - y);
    const colIds = [...new Set(g.map((k) => pairs[k].col))].sort((x, y) => x - y);
    const transpose = rowIds.length > colIds.length; // minCostAssignment wants rows <= columns
    const [rows, cols] = transpose ? [colIds, rowIds] : [rowIds, colIds];
    const rowOf = new Map(rows.map((id, i) => [id, i]));
    const colOf = new Map(cols.map((id, j) => [id, j]));
    const cost = new Float64Array(rows.length * cols.length);
    const pairAt = new Int32Array(rows.length * cols.length).fill(-1);
    for (const k of g) {
      const [r, c] = transpose ? [pairs[k].col, pairs[k].row] : [pairs[k].row, pairs[k].col];
      const at = rowOf.get(r)! * cols.length + colOf.get(c)!;
      cost[at] = -pairs[k].weight;
      pairAt[at] = k;
    }
    minCostAssignment(cost, rows.length, cols.length).forEach((j, i) => {
      const k = pairAt[i * cols.length + j];
      if (k >= 0) chosen.push(k); // a cell without a candidate: left unpaired
    });
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Each row's column in a minimum-cost assignment of rows to distinct columns (rows <= cols): the
 * Hungarian method with potentials (Kuhn–Munkres, O(rows²·cols)). Among equal costs a row first reaches
 * its lowest column, so in a simple tie (one object, two equally good partners) the lower one is linked.
 */
export function minCostAssignment(cost: Float64Array, nRows: number, nCols: number): Int32Array {
  const u = new Float64Array(nRows + 1);
  const v = new Float64Array(nCols + 1);
  const rowOfCol = new Int32Array(nCols + 1); // 1-based rows; 0 = free
  const way = new Int32Array(nCols + 1);
  const minv = new Float64Array(nCols + 1);
  const used = new Uint8Array(nCols + 1);
  for (let i = 1; i <= nRows; i++) {
    rowOfCol[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfCol[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= nCols; j++) {
        if (used[j]) continue;
        const reduced = cost[(i0 - 1) * nCols + j - 1] - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= nCols; j++) {
        if (used[j]) {
          u[rowOfCol[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOfCol[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOfCol[j0] = rowOfCol[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Int32Array(nRows);
  for (let j = 1; j <= nCols; j++) if (rowOfCol[j]) colOfRow[rowOfCol[j] - 1] = j - 1;
  return colOfRow;
}
