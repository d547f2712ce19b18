// np.argsort(values) with NumPy's default kind ('quicksort': introsort, NumPy 1.24), reproduced so that
// ties come out in the same (unstable) order as in scikit-image — peak_local_max keeps the first of
// equal peaks in this order. Median-of-3 quicksort, insertion sort below 16 elements, heapsort when
// the recursion gets too deep, exactly as npysort/quicksort.cpp (aquicksort_, aheapsort_).

const SMALL_QUICKSORT = 15;

/** NumPy's `less` for floats: NaN sorts last. */
function less(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

function aheapsort(v: ArrayLike<number>, tosort: Int32Array, start: number, n: number): void {
  const at = (i: number) => start + i - 1; // 1-based heap indexing into tosort
  // moves tmp down from heap position i of a heap of n, as numpy's heapsort does
  const siftDown = (tmp: number, i: number, size: number) => {
    for (let j = i << 1; j <= size; ) {
      if (j < size && less(v[tosort[at(j)]], v[tosort[at(j + 1)]])) j += 1;
      if (less(v[tmp], v[tosort[at(j)]])) {
        tosort[at(i)] = tosort[at(j)];
        i = j;
        j += j;
      } else break;
    }
    tosort[at(i)] = tmp;
  };
  for (let l = n >> 1; l > 0; --l) siftDown(tosort[at(l)], l, n);
  for (; n > 1; ) {
    const tmp = tosort[at(n)];
    tosort[at(n)] = tosort[at(1)];
    n -= 1;
    siftDown(tmp, 1, n);
  }
}

function msb(n: number): number {
  let depth = 0;
  while ((n >>= 1) > 0) depth++;
  return depth;
}

/** Indices that sort `v` ascending, in NumPy's quicksort order (ties in NumPy's order too). */
export function numpyArgsort(v: ArrayLike<number>): Int32Array {
  const num = v.length;
  const t = new Int32Array(num);
  for (let i = 0; i < num; i++) t[i] = i;
  if (num < 2) return t;
  const swap = (a: number, b: number) => {
    const x = t[a];
    t[a] = t[b];
    t[b] = x;
  };
  let pl = 0;
  let pr = num - 1;
  const stack: number[] = [];
  const depths: number[] = [];
  let cdepth = msb(num) * 2;
  for (;;) {
    let sorted = false;
    if (cdepth < 0) {
      aheapsort(v, t, pl, pr - pl + 1);
      sorted = true;
    }
    while (!sorted && pr - pl > SMALL_QUICKSORT) {
      const pm = pl + ((pr - pl) >> 1);
      if (less(v[t[pm]], v[t[pl]])) swap(pm, pl);
      if (less(v[t[pr]], v[t[pm]])) swap(pr, pm);
      if (less(v[t[pm]], v[t[pl]])) swap(pm, pl);
      const vp = v[t[pm]];
      let pi = pl;
      let pj = pr - 1;
      swap(pm, pj);
      for (;;) {
        do ++pi; while (less(v[t[pi]], vp));
        do --pj; while (less(vp, v[t[pj]]));
        if (pi >= pj) break;
        swap(pi, pj);
      }
      swap(pi, pr - 1);
      if (pi - pl < pr - pi) {
        stack.push(pi + 1, pr);
        pr = pi - 1;
      } else {
        stack.push(pl, pi - 1);
        pl = pi + 1;
      }
      depths.push(--cdepth);
    }
    if (!sorted) {
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = t[pi];
        const vp = v[vi];
        let pj = pi;
        let pk = pi - 1;
        while (pj > pl && less(vp, v[t[pk]])) t[pj--] = t[pk--];
        t[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depths.pop()!;
  }
  return t;
}
