// Files the runner writes appear whole or not at all: written under a temporary name, then renamed.
// An interrupted run stops writing, lets the writes in flight finish, and removes its temporary files.
import { readdirSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

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
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}${PARTIAL}${Math.random().toString(36).slice(2)}.partial`;
    try {
      await writeFile(tmp, data);
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
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
