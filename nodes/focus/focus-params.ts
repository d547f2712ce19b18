// The sigma param shared by the focus nodes, so they describe and bound it the same way.
import { z } from 'zod';
import { UserError } from '../../src/core/errors';

export const FOCUS_MEASURE_TEXT =
  'The focus measure at a pixel is the local standard deviation of intensity, ' +
  'sqrt(G(I²) − G(I)²), where G is a Gaussian blur of standard deviation sigma (scipy.ndimage.gaussian_filter, ' +
  "mode 'nearest': the edge pixel is repeated beyond the border; kernel radius int(4·sigma + 0.5)), computed " +
  'in 64-bit float on each 2-D plane separately: sharp texture gives high values, blur and flat background low ones.';

export const focusSigma = () =>
  z
    .number()
    .positive()
    .max(50)
    .default(2)
    .meta({
      label: 'Window sigma',
      unit: 'px',
      description: 'Standard deviation of the Gaussian window the local contrast is measured in; about the size of the finest detail that should count as sharp.',
    });

export function requireOneChannel(node: string, channels: number): void {
  if (channels !== 1) {
    throw new UserError(`${node} needs a 1-channel image (got ${channels} channels): convert to gray or split the channels first`);
  }
}
