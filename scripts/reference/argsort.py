"""Reference for src/imaging/numpy-argsort.ts: np.argsort (default kind) on arrays with many ties, with
NaNs, and on a sequence that drives introsort into its heapsort fallback. Writes
test-data/reference/argsort/cases.json."""
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / 'test-data' / 'reference' / 'argsort'


def median_of_3_killer(n):
    """Musser's sequence that makes median-of-3 quicksort recurse n/2 deep (introsort then heapsorts)."""
    k = n // 2
    a = np.zeros(n)
    for i in range(1, k + 1):
        if i % 2:
            a[i - 1] = i
            a[i] = k + i
        a[k + i - 1] = 2 * i
    return a


def main():
    rng = np.random.default_rng(3)
    ties = rng.integers(0, 10, 1000).astype(np.float64)
    nans = rng.normal(size=300)
    nans[rng.integers(0, 300, 30)] = np.nan
    killer = median_of_3_killer(2000)
    cases = {name: {'values': [None if np.isnan(v) else float(v) for v in a], 'order': np.argsort(a).tolist()}
             for name, a in [('ties', ties), ('nans', nans), ('killer', killer)]}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / 'cases.json').write_text(json.dumps(cases) + '\n')


if __name__ == '__main__':
    main()
