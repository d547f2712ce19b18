// How much of a table the page draws: a per-pixel table (pixel-series) can hold millions of rows.

/** Rows drawn at most in one table view; the CSV download has them all. */
export const MAX_DRAWN_ROWS = 1000;
