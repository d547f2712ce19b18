// Errors meant for the user: one line, naming the file, node or parameter, never a stack trace.
// Anything thrown that is not a UserError is a bug in cellgraph and is reported as such.

export class UserError extends Error {
  override name = 'UserError';
}

/** The one-line message to show for any thrown value. */
export function describeError(err: unknown): string {
  if (err instanceof UserError) return err.message;
  if (err instanceof Error) {
    if (err.name === 'AbortError') return 'cancelled';
    if (err instanceof RangeError && /Array buffer allocation|Invalid typed array length|Array buffer/i.test(err.message)) {
      return `out of memory: ${err.message}`;
    }
    return `internal error: ${err.message.split('\n')[0]}`;
  }
  return `internal error: ${String(err)}`;
}

interface Sized {
  width: number;
  height: number;
  planes: number;
}

/** Throws "<node>: <a> (w×h, p planes) and <b> (…) must have the same size" unless both match. */
export function requireSameSize(node: string, a: [string, Sized], b: [string, Sized]): void {
  const [an, av] = a;
  const [bn, bv] = b;
  if (av.width === bv.width && av.height === bv.height && av.planes === bv.planes) return;
  throw new UserError(
    `${node}: ${an} (${av.width}×${av.height}, ${av.planes} planes) and ${bn} (${bv.width}×${bv.height}, ${bv.planes} planes) must have the same size`,
  );
}
