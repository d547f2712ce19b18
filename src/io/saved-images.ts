// The files save-image nodes write for one image, encoded (TIFF or PNG, the pipeline embedded) before
// any is written, so an image whose result cannot be encoded (a float image as PNG) fails alone with
// one line naming the node. `cellgraph run` writes them; the editor's batch encodes them only to fail
// the same images the runner fails.
import type { CheckedPipeline } from '../core/validate';
import type { NodeOutputs } from '../core/executor';
import { describeError, UserError } from '../core/errors';
import type { Raster } from '../core/image';
import type { Registry } from '../core/node';
import { sinkNodes } from '../core/batch-record';
import { canonicalPipeline, encodeRasterFile } from './embedded-provenance';

export interface SavedImage {
  /** The save-image node's folder name. */
  name: string;
  format: 'tiff' | 'png';
  bytes: Uint8Array;
}

export function encodeSavedImages(ctx: { checked: CheckedPipeline; registry: Registry }, values: Map<string, NodeOutputs>): SavedImage[] {
  const files: SavedImage[] = [];
  for (const node of sinkNodes(ctx, 'image')) {
    const { name, format } = node.params as { name: string; format: 'tiff' | 'png' };
    try {
      files.push({ name, format, bytes: encodeRasterFile(values.get(node.id)!.image as Raster, format, canonicalPipeline(ctx.checked.pipeline)) });
    } catch (err) {
      throw new UserError(`node '${node.id}': ${describeError(err)}`);
    }
  }
  return files;
}
