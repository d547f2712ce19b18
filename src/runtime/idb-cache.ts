// The browser's cache store: node results in IndexedDB (dexie) under the executor's content-hash
// keys, serialised with runtime/serialize. Least-recently-used entries go when the total passes the
// cap; a quota error evicts and carries on. Also keeps the user's source images, so a reload can
// re-run (or just re-read) without asking for them again.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { CacheStore, NodeOutputs } from '../core/executor';
import { deserializeValue, serializeValue } from './serialize';

export const DEFAULT_MAX_BYTES = 2 ** 30;
/** The source images kept for a reload: the most recently added. */
export const MAX_SOURCES = 24;

interface ValueRow {
  key: string;
  bytes: Uint8Array;
}
interface MetaRow {
  key: string;
  size: number;
  lastUsed: number;
}
export interface SourceRow {
  hash: string;
  name: string;
  /** The folder it was added from (its name), if any. */
  folder?: string;
  bytes: Uint8Array;
  addedAt: number;
}

class CellgraphDB extends Dexie {
  values!: Table<ValueRow, string>;
  meta!: Table<MetaRow, string>;
  sources!: Table<SourceRow, string>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ values: 'key', meta: 'key, lastUsed', sources: 'hash, addedAt' });
  }
}

export function isQuotaError(err: unknown): boolean {
  for (let e = err as { name?: string; inner?: unknown } | undefined; e; e = e.inner as typeof e) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}

export class IdbCache implements CacheStore {
  private total = 0;
  private count = 0;
  private clock = 0;
  quotaErrors = 0;

  private constructor(readonly db: CellgraphDB, public maxBytes: number) {}

  /** Open (or create) the database; throws when IndexedDB is unavailable, for the caller to fall back. */
  static async open(name = 'cellgraph', maxBytes = DEFAULT_MAX_BYTES, options?: DexieOptions): Promise<IdbCache> {
    const db = new CellgraphDB(name, options);
    await db.open();
    const cache = new IdbCache(db, maxBytes);
    await db.meta.each((m) => {
      cache.total += m.size;
      cache.count++;
      cache.clock = Math.max(cache.clock, m.lastUsed);
    });
    return cache;
  }

  /** A monotonic use counter (Date.now() can repeat within a millisecond and go backwards). */
  private tick(): number {
    this.clock = Math.max(this.clock + 1, Date.now());
    return this.clock;
  }

  async get(key: string): Promise<NodeOutputs | undefined> {
    const row = await this.db.values.get(key);
    if (!row) return undefined;
    await this.db.meta.update(key, { lastUsed: this.tick() });
    return deserializeValue(row.bytes) as NodeOutputs;
  }

  async set(key: string, value: NodeOutputs): Promise<void> {
    const bytes = serializeValue(value);
    if (bytes.byteLength > this.maxBytes) return;
    try {
      await this.write(key, bytes);
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      this.quotaErrors++;
      // make room for this value and as much again, then try once more; if that fails, go on uncached
      await this.evictTo(Math.max(0, Math.min(this.total - 2 * bytes.byteLength, this.total / 2)));
      try {
        await this.write(key, bytes);
      } catch (again) {
        if (!isQuotaError(again)) throw again;
        return;
      }
    }
    await this.evictTo(this.maxBytes);
  }

  /** One entry: bytes and bookkeeping in one transaction. */
  protected async write(key: string, bytes: Uint8Array): Promise<void> {
    const old = await this.db.transaction('rw', this.db.values, this.db.meta, async () => {
      const previous = await this.db.meta.get(key);
      await this.db.values.put({ key, bytes });
      await this.db.meta.put({ key, size: bytes.byteLength, lastUsed: this.tick() });
      return previous;
    });
    // counted only once the transaction has committed
    if (old) this.total -= old.size;
    else this.count++;
    this.total += bytes.byteLength;
  }

  /** Delete least recently used entries until the total is at most `target` bytes. */
  async evictTo(target: number): Promise<void> {
    if (this.total <= target) return;
    const victims: MetaRow[] = [];
    let total = this.total;
    await this.db.meta.orderBy('lastUsed').until(() => total <= target).each((m) => {
      victims.push(m);
      total -= m.size;
    });
    const keys = victims.map((v) => v.key);
    await this.db.transaction('rw', this.db.values, this.db.meta, async () => {
      await this.db.values.bulkDelete(keys);
      await this.db.meta.bulkDelete(keys);
    });
    this.total = total;
    this.count -= keys.length;
  }

  async setLimit(maxBytes: number): Promise<void> {
    this.maxBytes = maxBytes;
    await this.evictTo(maxBytes);
  }

  async clear(): Promise<void> {
    await this.db.transaction('rw', this.db.values, this.db.meta, async () => {
      await this.db.values.clear();
      await this.db.meta.clear();
    });
    this.total = 0;
    this.count = 0;
  }

  get totalBytes(): number {
    return this.total;
  }

  get size(): number {
    return this.count;
  }

  /** Stores an image's bytes under their hash (hashBytes), keeping the MAX_SOURCES most recently added. */
  async putSource(hash: string, name: string, bytes: Uint8Array, folder?: string): Promise<void> {
    await this.db.sources.put({ hash, name, ...(folder !== undefined ? { folder } : {}), bytes: bytes.slice(), addedAt: this.tick() });
    const extra = (await this.db.sources.count()) - MAX_SOURCES;
    if (extra > 0) await this.db.sources.orderBy('addedAt').limit(extra).delete();
  }

  async getSource(hash: string): Promise<SourceRow | undefined> {
    return this.db.sources.get(hash);
  }

  close(): void {
    this.db.close();
  }
}
