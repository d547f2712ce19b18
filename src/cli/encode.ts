import type { Image, Labels, Mask } from '../core/image';
import { encodeRasterFile } from '../io/embedded-provenance';

/**
 * The bytes save-image writes, shared by the runner and the editor's download. With `pipeline` (the
 * pipeline's JSON value) the file also holds the whole pipeline, so `cellgraph run --from` and the
 * editor can reopen it; the raster's provenance is embedded either way.
 */
export function encodeRaster(raster: Image | Mask | Labels, format: 'tiff' | 'png', pipeline?: unknown): Uint8Array {
  return encodeRasterFile(raster, format, pipeline);
}
