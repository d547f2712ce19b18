// Minimum-cost assignment of rows to distinct columns (the Hungarian method), shared by object
// matching against ground truth (segmentation-score.ts) and frame-to-frame tracking (tracking.ts).

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
