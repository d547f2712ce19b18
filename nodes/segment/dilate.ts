import { maskMorphologyNode } from './mask-morphology';

export const dilateMask = maskMorphologyNode({
  type: 'dilate',
  label: 'Dilate mask',
  aliases: ['Morph (dilate)', 'Dilate'],
  effect:
    'Grows the objects of a mask: a pixel becomes foreground if any pixel of the footprint around it is foreground. Objects grow by about Radius pixels and close gaps narrower than the footprint; touching objects merge.',
  border: 'Pixels beyond the image border count as background, as skimage.',
  skimage: 'binary_dilation',
});
