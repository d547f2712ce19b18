// Numbers as the page shows them: integers whole, others with about four significant digits.
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1000 || a < 0.01 ? v.toPrecision(4) : v.toFixed(a >= 100 ? 1 : a >= 10 ? 2 : 3);
}
