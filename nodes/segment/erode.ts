import { maskMorphologyNode } from './mask-morphology';

export const erodeMask = maskMorphologyNode({
  type: 'erode',
  label: 'Erode mask',
  aliases: ['Morph (erode)', 'ExpandOrShrinkObjects', 'Erode'],
  effect:
    'Shrinks the objects of a mask: a pixel stays foreground only if every pixel of the footprint around it is foreground. Removes specks smaller than the footprint and thin connections; objects shrink by about Radius pixels.',
  border: 'Pixels beyond the image border count as foreground (so objects touching the border are not eaten from it), as skimage.',
  skimage: 'binary_erosion',
});
