// The in-memory cache store: least-recently-used eviction by the bytes its values hold.
import type { CacheStore, NodeOutputs } from './executor';

export function byteSizeOf(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return value.length * 2;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + byteSizeOf(v), 16);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + byteSizeOf(v), 16);
  return 8;
}

export class MemoryCache implements CacheStore {
  private entries = new Map<string, { value: NodeOutputs; bytes: number }>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes = 512 * 2 ** 20) {}

  async get(key: string): Promise<NodeOutputs | undefined> {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // re-insert to mark as most recently used
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: NodeOutputs): Promise<void> {
    const bytes = byteSizeOf(value);
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
