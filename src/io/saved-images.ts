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

/**
 * The stem a saved image of an input is named by: the input's name as the tables give it without its
 * extension (as node:path's extname: `.tif` of `a.ome.tif`, none of `.hidden`), folders joined by '_'
 * (`Pos1/img.tif` → `Pos1_img`). A stack's folder name is used whole.
 */
export function savedImageStem(display: string, folder = false): string {
  const base = display.slice(display.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const ext = folder || dot <= 0 ? '' : base.slice(dot);
  return display.slice(0, display.length - ext.length).replace(/[/\\]/g, '_');
}

/** Where under --out a save-image node's file for an input goes: `<name>/<stem>.tif|png`. */
export function savedImageFile(name: string, format: string, stem: string): string {
  return `${name}/${stem}.${format === 'png' ? 'png' : 'tif'}`;
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
