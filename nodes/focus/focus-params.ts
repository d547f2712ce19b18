// The sigma param shared by the focus nodes, so they describe and bound it the same way.
import { z } from 'zod';

export const FOCUS_MEASURE_TEXT =
  'The focus measure at a pixel is the local standard deviation of intensity, ' +
  'sqrt(G(I²) − G(I)²), where G is a Gaussian blur of standard deviation sigma (scipy.ndimage.gaussian_filter, ' +
  "mode 'nearest': the edge pixel is repeated beyond the border; kernel radius int(4·sigma + 0.5)), computed " +
  'in 64-bit float on each 2-D plane separately: sharp texture gives high values, blur and flat background low ones. ' +
  'A multi-channel image (RGB, say) is measured on the mean of its channels.';

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
