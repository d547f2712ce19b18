import { maskMorphologyNode } from './mask-morphology';

export const closeMask = maskMorphologyNode({
  type: 'close',
  label: 'Close mask',
  aliases: ['Morph (close)', 'Close'],
  effect:
    'Dilation then erosion with the same footprint: fills small holes and gaps and smooths concave outlines narrower than the footprint, while objects keep their size.',
  border: 'Beyond the border: background for the dilation, foreground for the erosion, as skimage (so a gap at the border can close too).',
  skimage: 'binary_closing',
});
