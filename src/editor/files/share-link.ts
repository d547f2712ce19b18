// Share links carry the whole pipeline in the URL fragment (deflate-raw, base64url), so no server
// ever sees it. CompressionStream is built into browsers and Node 18+, so no library is needed.
import type { Pipeline } from '../../core/pipeline';

export const SHARE_PARAM = 'pipeline';

export async function encodeShareFragment(pipeline: Pipeline): Promise<string> {
  const { ui: _ui, ...doc } = pipeline;
  const bytes = await pump(new TextEncoder().encode(JSON.stringify(doc)), new CompressionStream('deflate-raw'));
  return `${SHARE_PARAM}=${toBase64Url(bytes)}`;
}

export async function shareLink(pipeline: Pipeline, base: string): Promise<string> {
  return `${base.split('#')[0]}#${await encodeShareFragment(pipeline)}`;
}

/** The pipeline text in a URL fragment ("#pipeline=…"), or undefined when there is none. */
export async function decodeShareFragment(hash: string): Promise<string | undefined> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const data = params.get(SHARE_PARAM);
  if (!data) return undefined;
  const bytes = await pump(fromBase64Url(data), new DecompressionStream('deflate-raw'));
  return new TextDecoder().decode(bytes);
}

async function pump(input: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => undefined);
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
