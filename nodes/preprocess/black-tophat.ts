import { tophatNode } from './tophat-node';

export const blackTophat = tophatNode({
  kind: 'black',
  label: 'Black top-hat',
  aliases: ['EnhanceOrSuppressFeatures (dark holes)', 'Top Hat'],
  effect:
    'Keeps the dark details smaller than the disk: closing(image) − image, where the closing (dilation then erosion, max then min over the disk) fills dark structures the disk does not fit in. Finds small dark objects on a brighter, uneven background.',
});
