// Dropped files that cellgraph exported (save-image TIFF/PNG, a table's .provenance.json) carry the
// pipeline that made them: those reopen the pipeline; every other image is an image to analyse.
import { readEmbeddedPipeline, type EmbeddedPipeline } from '../../io/embedded-provenance';

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SortedDrop {
  /** The first file that holds a pipeline, with it. */
  pipeline?: { file: DroppedFile; embedded: EmbeddedPipeline };
  images: DroppedFile[];
}

export function sortDroppedFiles(files: DroppedFile[]): SortedDrop {
  const out: SortedDrop = { images: [] };
  for (const file of files) {
    const embedded = embeddedPipelineOf(file);
    if (embedded && !out.pipeline) out.pipeline = { file, embedded };
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
