// Dropped files that cellgraph exported (save-image TIFF/PNG, a table's .provenance.json) carry the
// pipeline that made them: those reopen the pipeline; every other image is an image to analyse.
import { readEmbeddedPipeline, type EmbeddedPipeline } from '../../io/embedded-provenance';

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

/** A dropped File, or anything that reads like one. */
export interface Readable {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface SortedDrop<F extends Readable> {
  /** The first file that holds a pipeline, with it. */
  pipeline?: { name: string; embedded: EmbeddedPipeline };
  /** The others, as they were given (Files stay on disk: the worker reads them when they run). */
  images: F[];
}

/** Reads the files one at a time, so a drop of hundreds of images is never in memory all at once. */
export async function sortDroppedFiles<F extends Readable>(files: F[]): Promise<SortedDrop<F>> {
  const out: SortedDrop<F> = { images: [] };
  for (const file of files) {
    const embedded = embeddedPipelineOf({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (embedded && !out.pipeline) out.pipeline = { name: file.name, embedded };
    else if (!embedded) out.images.push(file);
  }
  return out;
}

/** The pipeline a file holds, or undefined (a foreign image, or one cellgraph saved without it). */
export function embeddedPipelineOf(file: DroppedFile): EmbeddedPipeline | undefined {
  try {
    return readEmbeddedPipeline(file.bytes, file.name);
  } catch {
    return undefined;
  }
}
