import type { Image, Labels, Mask } from '../core/image';
import { encodePng } from '../io/png';
import { encodeTiff } from '../io/tiff';

/** The bytes save-image writes, shared by the runner and the editor's download. */
export function encodeRaster(raster: Image | Mask | Labels, format: 'tiff' | 'png'): Uint8Array {
  return format === 'png' ? encodePng(raster) : encodeTiff(raster);
}
