// When a batch is too small to pay for starting workers, in `cellgraph run` (worker threads) and in
// the editor (helper Web Workers) alike. A worker costs ~0.1 s to start (it loads the bundle again)
// and ~0.15 s of CPU to warm its JIT; the nuclei-count batch of 6 images (1 MB) takes ~45 ms warm, 60
// of them (10 MB) ~0.45 s. Measured on 2 shared cores, 6 images ran in 0.34 s in-process against
// 0.49 s in workers, 60 in 0.87 s against 0.93 s (workers win that one on idle cores). Bytes stand
// for work: one big image pays for a worker sooner than many small ones.

/** A batch of at most this many files… */
export const SMALL_BATCH_FILES = 64;
/** …holding at most this many bytes runs where it is, one image at a time. */
export const SMALL_BATCH_BYTES = 8 * 2 ** 20;
