// The file-system cache store (Node): one file per key under a folder, written atomically.
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheStore, NodeOutputs } from '../core/executor';
import { deserializeValue, serializeValue } from './serialize';

export class FileCache implements CacheStore {
  private ready: Promise<unknown>;

  constructor(private readonly dir: string) {
    this.ready = mkdir(dir, { recursive: true });
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

  async set(key: string, value: NodeOutputs): Promise<void> {
    await this.ready;
    const file = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, serializeValue(value));
    await rename(tmp, file);
  }
}
