// Files the runner writes appear whole or not at all: written under a temporary name, then renamed.
// An interrupted run stops writing, lets the writes in flight finish, and removes its temporary files.
// A file that cannot be written (a full disk, a read-only folder) is the output folder's problem, not
// the image's: OutputWriteError, which stops the run (every later image would fail the same way).
import { readdirSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors';

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a file stands where a folder is needed',
  EEXIST: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where the file should be',
  EIO: 'input/output error',
};

/** An output file that cannot be written, with the system's reason. */
export class OutputWriteError extends UserError {
  constructor(readonly path: string, readonly code: string) {
    super(`cannot write ${path}: ${REASONS[code] ? `${REASONS[code]} (${code})` : code}`);
  }
}

/** The system calls that write: a failed read (of an input) is not the output's problem. */
const WRITING = new Set(['open', 'write', 'rename', 'mkdir', 'close', 'fsync', 'copyfile']);

/** The error to throw for a failed write of `path`: an OutputWriteError when a writing system call gave a reason. */
export function writeFailure(path: string, err: unknown): unknown {
  const { code, syscall } = (err ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && (syscall === undefined || WRITING.has(syscall)) ? new OutputWriteError(path, code) : err;
}

/** This process's temporary files end so (its worker threads share its pid): see removeOwnPartials. */
const PARTIAL = `.${process.pid}-`;

/** This thread's writes in flight, so an interrupt can let them settle before it cleans up. */
const inFlight = new Set<Promise<void>>();
let stopped = false;

/**
 * Write to a temporary name and rename, so a file is whole or absent, never half-written. After
 * stopWriting (an interrupted run, about to exit) nothing more is written: the promise never settles.
 */
export function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  if (stopped) return new Promise<void>(() => {});
  const write = (async () => {
    const tmp = `${path}${PARTIAL}${Math.random().toString(36).slice(2)}.partial`;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, data);
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw writeFailure(path, err);
    }
  })();
  inFlight.add(write);
  void write.then(
    () => inFlight.delete(write),
    () => inFlight.delete(write),
  );
  return write;
}

/** Starts no more atomic writes on this thread and waits for those in flight to finish (or fail). */
export async function stopWriting(): Promise<void> {
  stopped = true;
  await Promise.allSettled([...inFlight]);
}

/**
 * Removes the temporary files this process (any of its threads) left in `dir` when it was stopped
 * in the middle of a write. Other processes' files (another shard writing to the same folder) stay.
 */
export function removeOwnPartials(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.endsWith('.partial') && name.includes(PARTIAL)) rmSync(join(dir, name), { force: true });
  }
}
