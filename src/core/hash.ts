// Content hashes for the executor's cache keys: SHA-256 (pure JS, same result in Node and browsers).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function hashBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/**
 * hashBytes by the platform's own SHA-256 where it has one (Web Crypto: browsers on https or
 * localhost, Node), about 5× faster on a camera frame (8 ms against 40 for 8 MB); the same digest.
 */
export async function hashBytesAsync(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return hashBytes(bytes);
  return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

export function hashString(text: string): string {
  return hashBytes(utf8ToBytes(text));
}

/**
 * JSON with object keys sorted at every level, so equal values give equal text whatever the key
 * order. Non-finite numbers are written as strings ("Infinity") rather than JSON's null.
 */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(obj[k])}`).join(',')}}`;
  }
  throw new Error(`cannot hash a ${typeof value}`);
}
