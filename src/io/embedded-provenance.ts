// Provenance inside exported files, written and read back. A saved TIFF holds the cellgraph
// provenance document (core/provenance.ts: the nodes, params, input hashes, version and the whole
// pipeline) as one `cellgraph.provenance=` line of its ImageJ header; a PNG in a tEXt chunk with
// keyword `cellgraph`; a CSV in a sidecar `<name>.provenance.json` (table-provenance.ts).
// readEmbeddedPipeline is pure (bytes in, document out), so the editor can call it on a dropped file.
import { unzlibSync } from 'fflate';
import { UserError } from '../core/errors';
import { canonicalJSON } from '../core/hash';
import type { Pipeline } from '../core/pipeline';
import type { Image, Labels, Mask } from '../core/image';
import { provenanceDocument, readProvenanceDocument, type ProvenanceDocument } from '../core/provenance';
import { hasPngSignature, encodePng, PNG_PROVENANCE_KEYWORD } from './png';
import { encodeTiff, PROVENANCE_KEY } from './tiff-encode';
import { readText, readTiffFile } from './tiff-ifd';
import { parseImageJDescription, parseOmePixels } from './tiff-meta';
import { readTableProvenance } from './table-provenance';

/**
 * The bytes save-image writes (shared by the runner and the editor's download): the raster as TIFF
 * or PNG, with its provenance and `pipeline` (the pipeline's JSON value) embedded when the raster
 * carries provenance. Nothing that changes from run to run (ids, times) is written, so a re-run
 * gives the same bytes.
 */
export function encodeRasterFile(raster: Image | Mask | Labels, format: 'tiff' | 'png', pipeline?: unknown): Uint8Array {
  const provenance = raster.meta.provenance ? provenanceDocument(raster.meta.provenance, pipeline) : undefined;
  return format === 'png' ? encodePng(raster, { provenance }) : encodeTiff(raster, { provenance });
}

/**
 * A pipeline (checked, params filled) as the JSON value exported files embed: keys sorted at every
 * level, so the same pipeline gives the same bytes however its file ordered them, and a re-run from
 * an exported file (`--from`), or the editor's download of the same result, writes identical files.
 */
export function canonicalPipeline(pipeline: Pipeline): unknown {
  return JSON.parse(canonicalJSON(pipeline));
}

/** What an exported file says about how it was made. */
export interface EmbeddedPipeline {
  /** The pipeline file's JSON value, to open in the editor or run again. */
  pipeline: unknown;
  document: ProvenanceDocument;
}

/**
 * The pipeline embedded in an exported TIFF, PNG or CSV provenance sidecar (`<name>.provenance.json`).
 * Throws one clear UserError line when the file holds none (a foreign TIFF, an ImageJ/OME
 * description, a PNG without the chunk) or when the embedded text is damaged.
 */
export function readEmbeddedPipeline(bytes: Uint8Array, name: string): EmbeddedPipeline {
  const document = readEmbeddedDocument(bytes, name);
  if (document.pipeline === undefined || document.pipeline === null) {
    throw new UserError(`${name} records its provenance but not the pipeline that made it`);
  }
  return { pipeline: document.pipeline, document };
}

function readEmbeddedDocument(bytes: Uint8Array, name: string): ProvenanceDocument {
  if (isTiff(bytes)) return fromText(tiffProvenanceText(bytes, name), name);
  if (hasPngSignature(bytes)) return fromText(pngProvenanceText(bytes, name), name);
  if (bytes[0] === 0x7b /* { */) return readTableProvenance(new TextDecoder().decode(bytes), name);
  throw new UserError(`${name} is not a TIFF, PNG or .provenance.json file, so it holds no cellgraph pipeline`);
}

const isTiff = (b: Uint8Array) =>
  b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && (b[2] === 42 || b[2] === 43) && b[3] === 0) ||
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && (b[3] === 42 || b[3] === 43)));

function fromText(text: string, name: string): ProvenanceDocument {
  let document: ProvenanceDocument | undefined;
  try {
    document = readProvenanceDocument(text);
  } catch (err) {
    throw new UserError(`${name}: ${(err as Error).message}`);
  }
  if (!document) throw new UserError(`${name}: the embedded cellgraph provenance is damaged (not a readable JSON document)`);
  return document;
}

function tiffProvenanceText(bytes: Uint8Array, name: string): string {
  let description: string | undefined;
  try {
    const file = readTiffFile(bytes);
    description = readText(file, file.dirs[0], 270);
  } catch (err) {
    throw new UserError(`${name}: ${(err as Error).message}`);
  }
  const imagej = parseImageJDescription(description);
  const text = imagej?.[PROVENANCE_KEY];
  if (text !== undefined) return text;
  let kind = 'no image description';
  if (imagej) kind = 'an ImageJ header without cellgraph provenance';
  else if (parseOmePixels(description)) kind = 'an OME-XML header, not one cellgraph writes';
  else if (description?.trim()) kind = 'a description cellgraph did not write';
  throw new UserError(`${name} holds no cellgraph pipeline (the TIFF has ${kind}): use a TIFF saved by cellgraph's save-image`);
}

/** The `cellgraph` text chunk (tEXt, zTXt or iTXt) of a PNG, read without decoding the pixels. */
function pngProvenanceText(bytes: Uint8Array, name: string): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin1 = new TextDecoder('latin1');
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = latin1.decode(bytes.subarray(at + 4, at + 8));
    const end = at + 8 + length;
    if (end > bytes.length) break;
    const data = bytes.subarray(at + 8, end);
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const nul = data.indexOf(0);
      if (nul > 0 && latin1.decode(data.subarray(0, nul)) === PNG_PROVENANCE_KEYWORD) return textChunkValue(type, data, nul, name);
    }
    if (type === 'IEND') break;
    at = end + 4;
  }
  throw new UserError(`${name} holds no cellgraph pipeline (the PNG has no '${PNG_PROVENANCE_KEYWORD}' text chunk): use a PNG saved by cellgraph's save-image`);
}

function textChunkValue(type: string, data: Uint8Array, nul: number, name: string): string {
  try {
    if (type === 'tEXt') return new TextDecoder('latin1').decode(data.subarray(nul + 1));
    if (type === 'zTXt') return new TextDecoder('latin1').decode(unzlibSync(data.subarray(nul + 2)));
    // iTXt: keyword NUL, compression flag, method, language tag NUL, translated keyword NUL, text (UTF-8)
    const compressed = data[nul + 1] === 1;
    const lang = data.indexOf(0, nul + 3);
    const translated = data.indexOf(0, lang + 1);
    if (lang < 0 || translated < 0) throw new Error('truncated iTXt chunk');
    const text = data.subarray(translated + 1);
    return new TextDecoder('utf-8', { fatal: true }).decode(compressed ? unzlibSync(text) : text);
  } catch (err) {
    throw new UserError(`${name}: the '${PNG_PROVENANCE_KEYWORD}' text chunk is damaged (${(err as Error).message})`);
  }
}
