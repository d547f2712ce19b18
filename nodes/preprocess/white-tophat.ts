import { tophatNode } from './tophat-node';

export const whiteTophat = tophatNode({
  kind: 'white',
  label: 'White top-hat',
  aliases: ['EnhanceOrSuppressFeatures (speckles)', 'Top Hat'],
  effect:
    'Keeps the bright details smaller than the disk: image − opening(image), where the opening (erosion then dilation, min then max over the disk) removes bright structures the disk does not fit in. Removes a smooth or uneven background under small bright objects (spots, nuclei in a dim haze).',
});
