import { maskMorphologyNode } from './mask-morphology';

export const openMask = maskMorphologyNode({
  type: 'open',
  label: 'Open mask',
  aliases: ['Morph (open)', 'Open'],
  effect:
    'Erosion then dilation with the same footprint: removes specks and thin spurs smaller than the footprint and separates objects joined by thin bridges, while the remaining objects keep their size and shape.',
  border: 'Beyond the border: foreground for the erosion, background for the dilation, as skimage.',
  skimage: 'binary_opening',
});
