// The file-system cache store (Node): one file per key under a folder, written atomically.
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheStore, NodeOutputs } from '../core/executor';
import { deserializeValue, serializeValue } from './serialize';

export class FileCache implements CacheStore {
  private ready: Promise<unknown>;
  private warned = false;

  constructor(private readonly dir: string) {
    this.ready = mkdir(dir, { recursive: true }).catch(() => undefined); // a folder that cannot be made: every set warns
  }

  private path(key: string): string {
    if (!/^[0-9a-f]{16,}$/.test(key)) throw new Error(`bad cache key ${key}`);
    return join(this.dir, key.slice(0, 2), `${key}.bin`);
  }

  async get(key: string): Promise<NodeOutputs | undefined> {
    await this.ready;
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path(key));
    } catch {
      return undefined;
    }
    try {
      return deserializeValue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as NodeOutputs;
    } catch {
      // a damaged entry is a miss; it will be rewritten
      await rm(this.path(key), { force: true });
      return undefined;
    }
  }

  /**
   * Stores a result. A cache that cannot be written (a full disk) does not fail the run, which only
   * goes slower: said once on stderr, then the result is simply not kept.
   */
  async set(key: string, value: NodeOutputs): Promise<void> {
    const file = this.path(key);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await this.ready;
      await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
      await writeFile(tmp, serializeValue(value));
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      if (!this.warned) {
        this.warned = true;
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        process.stderr.write(`cellgraph: cannot write to the cache folder ${this.dir} (${code}); going on without keeping results there\n`);
      }
    }
  }
}
